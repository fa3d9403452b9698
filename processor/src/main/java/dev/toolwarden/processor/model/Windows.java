package dev.toolwarden.processor.model;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses {@code @RateLimit(per = ...)} windows at compile time, with the grammar the runtime uses for
 * every duration: a whole number and a unit ({@code 250ms}, {@code 30s}, {@code 5m}, {@code 1h},
 * {@code 1d}) or ISO-8601 ({@code PT0.25S}); positive, whole milliseconds, at most 365 days. The
 * processor cannot depend on the runtime, so this is its own copy; {@code WindowsAgreementTest}
 * proves it accepts and rejects exactly the strings the runtime's {@code RateLimitWindows} does.
 */
public final class Windows {

  /** What a window may look like, for the compile error. */
  public static final String ACCEPTED = "a positive whole number and a unit (250ms, 30s, 5m, 1h, 1d) or ISO-8601"
      + " (PT0.25S), in whole milliseconds, at most 365d";

  private static final BigDecimal MAX_MILLIS = BigDecimal.valueOf(365L * 86_400_000L);
  /** The short form, or ISO-8601 with its components in groups 3 (days) to 6 (seconds, maybe with a fraction). */
  private static final Pattern WINDOW = Pattern.compile("([0-9]+)(ms|s|m|h|d)"
      + "|P(?:([0-9]+)D)?(?:T(?=[0-9])(?:([0-9]+)H)?(?:([0-9]+)M)?(?:([0-9]+(?:\\.[0-9]+)?)S)?)?");
  private static final long[] COMPONENT_MILLIS = {86_400_000L, 3_600_000L, 60_000L, 1_000L};

  private Windows() {}

  /** Milliseconds, or -1 when the text is not a valid window. */
  public static long parseMillis(String text) {
    Matcher m = text == null ? null : WINDOW.matcher(text);
    if (m == null || !m.matches() || text.equals("P")) {
      return -1;
    }
    BigDecimal millis = BigDecimal.ZERO;
    if (m.group(1) != null) {
      millis = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unitMillis(m.group(2))));
    }
    for (int i = 0; i < COMPONENT_MILLIS.length; i++) {
      String component = m.group(3 + i);
      if (component != null) {
        millis = millis.add(new BigDecimal(component).multiply(BigDecimal.valueOf(COMPONENT_MILLIS[i])));
      }
    }
    boolean valid = millis.signum() > 0 && millis.compareTo(MAX_MILLIS) <= 0 && millis.stripTrailingZeros().scale() <= 0;
    return valid ? millis.longValueExact() : -1;
  }

  private static long unitMillis(String unit) {
    return switch (unit) {
      case "ms" -> 1L;
      case "s" -> 1_000L;
      case "m" -> 60_000L;
      case "h" -> 3_600_000L;
      default -> 86_400_000L;
    };
  }
}
