package dev.toolwarden.runtime.internal.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one duration grammar of Toolwarden, for every configuration value and every rate-limit window:
 * a whole number and a unit ({@code 250ms}, {@code 30s}, {@code 5m}, {@code 1h}, {@code 1d}) or
 * ISO-8601 ({@code PT0.25S}, {@code P1DT12H}), upper-case designators, no sign, no spaces. Values
 * are whole milliseconds and at most {@link #MAX}; arithmetic is exact (no overflow, whatever the digits).
 */
public final class Durations {

  /** The longest duration any setting or window accepts. */
  public static final Duration MAX = Duration.ofDays(365);

  /** What a duration may look like, for error messages and the settings table. */
  public static final String ACCEPTED =
      "a duration: 250ms, 30s, 5m, 1h, 1d (a whole number and a unit) or ISO-8601 such as PT0.25S;"
          + " whole milliseconds, at most 365d";

  private static final BigDecimal MAX_MILLIS = BigDecimal.valueOf(MAX.toMillis());
  private static final Pattern SHORT = Pattern.compile("([0-9]+)(ms|s|m|h|d)");
  private static final Pattern ISO =
      Pattern.compile("P(?:([0-9]+)D)?(?:T(?:([0-9]+)H)?(?:([0-9]+)M)?(?:([0-9]+(?:\\.[0-9]+)?)S)?)?");
  private static final Map<String, Long> UNIT_MILLIS = Map.of("ms", 1L, "s", 1_000L, "m", 60_000L,
      "h", 3_600_000L, "d", 86_400_000L);
  /** Milliseconds per ISO-8601 component, in group order: D, H, M, S. */
  private static final long[] ISO_MILLIS = {86_400_000L, 3_600_000L, 60_000L, 1_000L};

  private Durations() {}

  /**
   * Parses {@code text} (exactly: the caller trims configuration values).
   *
   * @throws IllegalArgumentException saying what is wrong, when {@code text} is not a duration
   */
  public static Duration parse(String text) {
    BigDecimal millis = exactMillis(text);
    if (millis == null) {
      throw new IllegalArgumentException("not a duration");
    }
    if (millis.compareTo(MAX_MILLIS) > 0) {
      throw new IllegalArgumentException("longer than 365d");
    }
    if (millis.stripTrailingZeros().scale() > 0) {
      throw new IllegalArgumentException("finer than a millisecond");
    }
    return Duration.ofMillis(millis.longValueExact());
  }

  /** The exact number of milliseconds {@code text} spells, or null when it follows neither form. */
  private static BigDecimal exactMillis(String text) {
    if (text == null) {
      return null;
    }
    Matcher m = SHORT.matcher(text);
    if (m.matches()) {
      return new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(UNIT_MILLIS.get(m.group(2))));
    }
    m = ISO.matcher(text);
    if (!m.matches() || text.endsWith("T")) {
      return null; // a "T" must be followed by a time component
    }
    BigDecimal total = null;
    for (int g = 1; g <= 4; g++) {
      if (m.group(g) != null) {
        BigDecimal part = new BigDecimal(m.group(g)).multiply(BigDecimal.valueOf(ISO_MILLIS[g - 1]));
        total = total == null ? part : total.add(part);
      }
    }
    return total; // null for a bare "P": no component at all
  }
}
