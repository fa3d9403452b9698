package dev.toolwarden.processor.model;

/** Parses {@code @RateLimit(per = ...)} windows: a positive integer and a unit. */
public final class Windows {

  private Windows() {}

  /** Milliseconds, or -1 when the text is not a valid window. */
  public static long parseMillis(String text) {
    if (text == null) {
      return -1;
    }
    String t = text.trim();
    int i = 0;
    while (i < t.length() && Character.isDigit(t.charAt(i))) {
      i++;
    }
    if (i == 0 || i > 12) {
      return -1;
    }
    long n = Long.parseLong(t.substring(0, i));
    long unit = switch (t.substring(i)) {
      case "ms" -> 1L;
      case "s" -> 1_000L;
      case "m" -> 60_000L;
      case "h" -> 3_600_000L;
      case "d" -> 86_400_000L;
      default -> -1L;
    };
    if (unit < 0 || n <= 0 || n > Long.MAX_VALUE / unit) {
      return -1;
    }
    return n * unit;
  }
}
