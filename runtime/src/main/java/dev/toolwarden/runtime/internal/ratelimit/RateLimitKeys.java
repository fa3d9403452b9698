package dev.toolwarden.runtime.internal.ratelimit;

import java.util.Locale;

/** Parses rate-limit windows ({@code "30s"}, {@code "1m"}) and limits ({@code "600/1m"}) from configuration. */
public final class RateLimitKeys {

  private RateLimitKeys() {}

  /**
   * A window: a positive integer followed by {@code ms}, {@code s}, {@code m}, {@code h} or
   * {@code d}, as {@code @RateLimit(per = ...)} takes it.
   *
   * @return the window in milliseconds, or -1 when it does not parse or is not positive
   */
  public static long parseWindowMillis(String text) {
    if (text == null) {
      return -1;
    }
    String s = text.trim().toLowerCase(Locale.ROOT);
    int i = 0;
    while (i < s.length() && Character.isDigit(s.charAt(i))) {
      i++;
    }
    if (i == 0 || i > 12) {
      return -1;
    }
    long n = Long.parseLong(s.substring(0, i));
    long unit = switch (s.substring(i)) {
      case "ms" -> 1;
      case "s" -> 1000;
      case "m" -> 60_000;
      case "h" -> 3_600_000;
      case "d" -> 86_400_000;
      default -> -1;
    };
    if (unit < 0 || n <= 0) {
      return -1;
    }
    return n * unit;
  }
}
