package dev.toolwarden.runtime.spi;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Conversions and checks called by generated validators. Each {@code toX} method either
 * returns the converted value or adds one violation and returns a neutral value (0,
 * {@code false} or {@code null}); generated code detects the failure by comparing
 * {@link Violations#size()} before and after. Numbers are strict: no string is ever taken
 * as a number, an integer type accepts a number only when its fraction is zero (JSON Schema
 * 2020-12 counts {@code 3.0} as an integer), and a value out of the Java type's range is
 * rejected instead of wrapped.
 */
public final class Check {

  private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
  private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);
  private static final double TWO_POW_53 = 9007199254740992d;
  private static final BigDecimal FLOAT_MAX = new BigDecimal(Float.MAX_VALUE);
  private static final double FLOAT_EDGE = Float.MAX_VALUE * 0.999;

  private Check() {}

  // ---- JSON kinds ---------------------------------------------------------------------------

  /** The argument object's value, or adds a type violation. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> toObject(Object raw, String pointer, Violations v, boolean redacted) {
    if (raw instanceof Map<?, ?> m) {
      return (Map<String, Object>) m;
    }
    v.add(pointer, "type", "must be an object", raw, redacted);
    return null;
  }

  /** The array's elements, or adds a type violation. */
  public static List<?> toArray(Object raw, String pointer, Violations v, boolean redacted) {
    if (raw instanceof List<?> l) {
      return l;
    }
    v.add(pointer, "type", "must be an array", raw, redacted);
    return null;
  }

  /** Reads the value at {@code pointer} as a string, or records a violation (the value is hidden when {@code redacted}). */
  public static String toStr(Object raw, String pointer, Violations v, boolean redacted) {
    if (raw instanceof String s) {
      return s;
    }
    v.add(pointer, "type", "must be a string", raw, redacted);
    return null;
  }

  /** Reads the value at {@code pointer} as a boolean, or records a violation (the value is hidden when {@code redacted}). */
  public static boolean toBoolean(Object raw, String pointer, Violations v, boolean redacted) {
    if (raw instanceof Boolean b) {
      return b;
    }
    v.add(pointer, "type", "must be a boolean", raw, redacted);
    return false;
  }

  // ---- integers -----------------------------------------------------------------------------

  /** Reads the value at {@code pointer} as an {@code int}, or records a violation (the value is hidden when {@code redacted}). */
  public static int toInt(Object raw, String pointer, Violations v, boolean redacted) {
    return (int) integral(raw, Integer.MIN_VALUE, Integer.MAX_VALUE, pointer, v, redacted);
  }

  /** Reads the value at {@code pointer} as a {@code short}, or records a violation (the value is hidden when {@code redacted}). */
  public static short toShort(Object raw, String pointer, Violations v, boolean redacted) {
    return (short) integral(raw, Short.MIN_VALUE, Short.MAX_VALUE, pointer, v, redacted);
  }

  /** Reads the value at {@code pointer} as a {@code byte}, or records a violation (the value is hidden when {@code redacted}). */
  public static byte toByte(Object raw, String pointer, Violations v, boolean redacted) {
    return (byte) integral(raw, Byte.MIN_VALUE, Byte.MAX_VALUE, pointer, v, redacted);
  }

  /** Reads the value at {@code pointer} as a {@code long}, or records a violation (the value is hidden when {@code redacted}). */
  public static long toLong(Object raw, String pointer, Violations v, boolean redacted) {
    return integral(raw, Long.MIN_VALUE, Long.MAX_VALUE, pointer, v, redacted);
  }

  /** An integer within {@code [min, max]}, or a violation. */
  public static long integral(Object raw, long min, long max, String pointer, Violations v, boolean redacted) {
    if (raw instanceof Integer || raw instanceof Long || raw instanceof Short || raw instanceof Byte) {
      long n = ((Number) raw).longValue();
      if (n >= min && n <= max) {
        return n;
      }
    } else if (raw instanceof Double || raw instanceof Float) {
      double d = ((Number) raw).doubleValue();
      if (Double.isFinite(d) && d == Math.rint(d)) {
        if (Math.abs(d) < TWO_POW_53) {
          long n = (long) d;
          if (n >= min && n <= max) {
            return n;
          }
        } else {
          return integralBig(new BigDecimal(d), min, max, raw, pointer, v, redacted);
        }
      } else {
        v.add(pointer, "type", "must be an integer", raw, redacted);
        return 0;
      }
    } else if (raw instanceof BigInteger || raw instanceof BigDecimal) {
      return integralBig(bigDecimal((Number) raw), min, max, raw, pointer, v, redacted);
    } else {
      v.add(pointer, "type", "must be an integer", raw, redacted);
      return 0;
    }
    outOfRange(raw, min, max, pointer, v, redacted);
    return 0;
  }

  private static long integralBig(
      BigDecimal d, long min, long max, Object raw, String pointer, Violations v, boolean redacted) {
    if (!isIntegral(d)) {
      v.add(pointer, "type", "must be an integer", raw, redacted);
      return 0;
    }
    if (d.compareTo(BigDecimal.valueOf(min)) >= 0 && d.compareTo(BigDecimal.valueOf(max)) <= 0) {
      return d.longValueExact();
    }
    outOfRange(raw, min, max, pointer, v, redacted);
    return 0;
  }

  private static void outOfRange(Object raw, long min, long max, String pointer, Violations v, boolean redacted) {
    boolean low = bigDecimal((Number) raw).compareTo(BigDecimal.valueOf(min)) < 0;
    if (low) {
      v.add(pointer, "minimum", "must be at least " + min, raw, redacted);
    } else {
      v.add(pointer, "maximum", "must be at most " + max, raw, redacted);
    }
  }

  /** Reads the value at {@code pointer} as an integer of any size, or records a violation (the value is hidden when {@code redacted}). */
  public static BigInteger toBigInteger(Object raw, String pointer, Violations v, boolean redacted) {
    if (raw instanceof Integer || raw instanceof Long || raw instanceof Short || raw instanceof Byte) {
      return BigInteger.valueOf(((Number) raw).longValue());
    }
    if (raw instanceof BigInteger b) {
      return b;
    }
    if (raw instanceof Number n && !(raw instanceof Boolean)) {
      if (isFiniteNumber(n)) {
        BigDecimal d = bigDecimal(n);
        if (isIntegral(d)) {
          return d.toBigIntegerExact();
        }
      }
    }
    v.add(pointer, "type", "must be an integer", raw, redacted);
    return null;
  }

  // ---- decimals -----------------------------------------------------------------------------

  /** Reads the value at {@code pointer} as a finite {@code double}, or records a violation (the value is hidden when {@code redacted}). */
  public static double toDouble(Object raw, String pointer, Violations v, boolean redacted) {
    if (raw instanceof Number n && isFiniteNumber(n)) {
      double d = n.doubleValue();
      if (Double.isFinite(d)) {
        return d;
      }
      v.add(pointer, "maximum", "must be a finite double", raw, redacted);
      return 0;
    }
    v.add(pointer, "type", "must be a number", raw, redacted);
    return 0;
  }

  /** Reads the value at {@code pointer} as a finite {@code float}, or records a violation (the value is hidden when {@code redacted}). */
  public static float toFloat(Object raw, String pointer, Violations v, boolean redacted) {
    int mark = v.size();
    double d = toDouble(raw, pointer, v, redacted);
    if (v.size() != mark) {
      return 0;
    }
    // near the edge the double is rounded: compare the number the client wrote, exactly, as the schema does
    if (Math.abs(d) >= FLOAT_EDGE) {
      if (compare(raw, FLOAT_MAX) > 0) {
        v.add(pointer, "maximum", "must be at most " + FLOAT_MAX.toPlainString(), raw, redacted);
        return 0;
      }
      if (compare(raw, FLOAT_MAX.negate()) < 0) {
        v.add(pointer, "minimum", "must be at least -" + FLOAT_MAX.toPlainString(), raw, redacted);
        return 0;
      }
    }
    return (float) d;
  }

  /** Reads the value at {@code pointer} as an exact decimal, or records a violation (the value is hidden when {@code redacted}). */
  public static BigDecimal toBigDecimal(Object raw, String pointer, Violations v, boolean redacted) {
    if (raw instanceof Number n && isFiniteNumber(n)) {
      return bigDecimal(n);
    }
    v.add(pointer, "type", "must be a number", raw, redacted);
    return null;
  }

  /** Compares a number the client sent with a bound, exactly (no binary rounding). */
  public static int compare(Object number, BigDecimal bound) {
    return bigDecimal((Number) number).compareTo(bound);
  }

  /**
   * {@link #compare(Object, BigDecimal)} without building a {@code BigDecimal} when the double
   * decides: {@code below} and {@code above} are the doubles next to the bound (equal when the bound
   * is one), computed at compile time. A number's double is its exact value correctly rounded, and
   * rounding is monotone, so a double under {@code below} stands for a number under the bound and one
   * over {@code above} for a number over it; between them the exact comparison decides. A
   * {@code Float}'s exact decimal is the float's shortest text, not its double, so it is always
   * compared exactly (JSON parsers do not produce one).
   *
   * @param number the number the client sent
   * @param value {@code number.doubleValue()}
   * @param below the largest double not above the bound
   * @param above the smallest double not below the bound
   * @param bound the bound, exactly
   * @return negative, zero or positive as the number is below, at or above the bound
   */
  public static int compare(Object number, double value, double below, double above, BigDecimal bound) {
    if (!(number instanceof Float)) {
      if (value < below) {
        return -1;
      }
      if (value > above) {
        return 1;
      }
    }
    return compare(number, bound);
  }

  /** The exact decimal value of a parsed JSON number. */
  public static BigDecimal bigDecimal(Number n) {
    if (n instanceof BigDecimal d) {
      return d;
    }
    if (n instanceof BigInteger b) {
      return new BigDecimal(b);
    }
    if (n instanceof Double || n instanceof Float) {
      // the shortest decimal that round-trips, which is what the client wrote for typical input
      return new BigDecimal(n.toString());
    }
    return BigDecimal.valueOf(n.longValue());
  }

  private static boolean isFiniteNumber(Number n) {
    if (n instanceof Double d) {
      return Double.isFinite(d);
    }
    if (n instanceof Float f) {
      return Float.isFinite(f);
    }
    return true;
  }

  private static boolean isIntegral(BigDecimal d) {
    return d.signum() == 0 || d.scale() <= 0 || d.stripTrailingZeros().scale() <= 0;
  }

  /**
   * The number of distinct items under JSON equality ({@code uniqueItems}): numbers compare by
   * value, so {@code 1} and {@code 1.0} are one item, and so are {@code 0.0} and {@code -0.0}.
   */
  public static int distinct(java.util.Collection<?> items) {
    java.util.Set<Object> seen = new java.util.HashSet<>();
    for (Object o : items) {
      seen.add(o instanceof BigDecimal d ? (d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros())
          : o instanceof Double d && d == 0 ? (Object) 0.0d
          : o instanceof Float f && f == 0 ? (Object) 0.0f
          : o);
    }
    return seen.size();
  }

  // ---- strings ------------------------------------------------------------------------------

  /** Length in Unicode code points, as JSON Schema counts it. */
  public static int length(String s) {
    return s.codePointCount(0, s.length());
  }

  /**
   * Whether the string has no character other than ASCII whitespace ({@code @NotBlank}
   * fails). The schema says the same with the pattern {@code [^ \t\n\u000b\f\r]}, so both
   * judge every string alike.
   */
  public static boolean isBlank(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\u000b' && c != '\f' && c != '\r') {
        return false;
      }
    }
    return true;
  }

  // ---- formats ------------------------------------------------------------------------------

  /** RFC 4122 text form: 8-4-4-4-12 hexadecimal digits. */
  public static UUID toUuid(String s, String pointer, Violations v, boolean redacted) {
    if (s.length() == 36) {
      boolean ok = true;
      for (int i = 0; i < 36 && ok; i++) {
        char c = s.charAt(i);
        if (i == 8 || i == 13 || i == 18 || i == 23) {
          ok = c == '-';
        } else {
          ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
        }
      }
      if (ok) {
        return UUID.fromString(s);
      }
    }
    v.add(pointer, "format", "must be a UUID", s, redacted);
    return null;
  }

  /** An absolute URI (RFC 3986, with a scheme). */
  public static URI toUri(String s, String pointer, Violations v, boolean redacted) {
    try {
      URI u = new URI(s);
      if (u.isAbsolute()) {
        return u;
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    v.add(pointer, "format", "must be an absolute URI", s, redacted);
    return null;
  }

  /** An RFC 3339 full-date, {@code yyyy-MM-dd}. */
  public static LocalDate toLocalDate(String s, String pointer, Violations v, boolean redacted) {
    if (s.length() == 10 && digits(s, 0, 4) && s.charAt(4) == '-' && digits(s, 5, 7) && s.charAt(7) == '-'
        && digits(s, 8, 10)) {
      try {
        return LocalDate.parse(s, DateTimeFormatter.ISO_LOCAL_DATE);
      } catch (DateTimeException e) {
        // reported below
      }
    }
    v.add(pointer, "format", "must be a date (yyyy-MM-dd)", s, redacted);
    return null;
  }

  /** An RFC 3339 date-time with offset. */
  public static OffsetDateTime toOffsetDateTime(String s, String pointer, Violations v, boolean redacted) {
    if (isRfc3339DateTime(s)) {
      try {
        return OffsetDateTime.parse(s.replace('t', 'T').replace('z', 'Z'), DateTimeFormatter.ISO_OFFSET_DATE_TIME);
      } catch (DateTimeException e) {
        // reported below
      }
    }
    v.add(pointer, "format", "must be a date-time (RFC 3339, e.g. 2025-01-31T12:00:00Z)", s, redacted);
    return null;
  }

  /** Reads the value at {@code pointer} as an instant, or records a violation (the value is hidden when {@code redacted}). */
  public static Instant toInstant(String s, String pointer, Violations v, boolean redacted) {
    OffsetDateTime t = toOffsetDateTime(s, pointer, v, redacted);
    return t == null ? null : t.toInstant();
  }

  /** An ISO 8601 duration that {@link Duration} can hold (days, hours, minutes, seconds). */
  public static Duration toDuration(String s, String pointer, Violations v, boolean redacted) {
    if (!s.isEmpty() && s.charAt(0) == 'P') {
      try {
        return Duration.parse(s);
      } catch (DateTimeException e) {
        // reported below
      }
    }
    v.add(pointer, "format", "must be a duration (ISO 8601, e.g. PT30S)", s, redacted);
    return null;
  }

  /**
   * A pragmatic e-mail address check without a regex: one {@code @}, a non-empty local part of
   * at most 64 characters without spaces or control characters, and a domain of dot-separated
   * labels of letters, digits and hyphens.
   */
  public static boolean isEmail(String s) {
    int at = s.lastIndexOf('@');
    if (at <= 0 || at > 64 || at == s.length() - 1 || s.length() > 254) {
      return false;
    }
    for (int i = 0; i < at; i++) {
      char c = s.charAt(i);
      if (c <= ' ' || c == '@' || c == '(' || c == ')' || c == ',' || c == ':' || c == ';' || c == '<' || c == '>'
          || c == '[' || c == ']' || c == '\\' || c == '"' || c == 0x7f) {
        return false;
      }
    }
    if (s.charAt(0) == '.' || s.charAt(at - 1) == '.' || s.indexOf("..") >= 0) {
      return false;
    }
    int labelStart = at + 1;
    for (int i = at + 1; i <= s.length(); i++) {
      char c = i == s.length() ? '.' : s.charAt(i);
      if (c == '.') {
        int len = i - labelStart;
        if (len == 0 || len > 63 || s.charAt(labelStart) == '-' || s.charAt(i - 1) == '-') {
          return false;
        }
        labelStart = i + 1;
      } else if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-')) {
        return false;
      }
    }
    return true;
  }

  private static boolean digits(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  // yyyy-MM-ddTHH:mm:ss[.fraction](Z|+hh:mm|-hh:mm)
  private static boolean isRfc3339DateTime(String s) {
    int n = s.length();
    if (n < 20 || !digits(s, 0, 4) || s.charAt(4) != '-' || !digits(s, 5, 7) || s.charAt(7) != '-'
        || !digits(s, 8, 10)) {
      return false;
    }
    char t = s.charAt(10);
    if (t != 'T' && t != 't' || !digits(s, 11, 13) || s.charAt(13) != ':' || !digits(s, 14, 16)
        || s.charAt(16) != ':' || !digits(s, 17, 19)) {
      return false;
    }
    int i = 19;
    if (s.charAt(i) == '.') {
      int start = ++i;
      while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
        i++;
      }
      if (i == start) {
        return false;
      }
    }
    if (i == n - 1 && (s.charAt(i) == 'Z' || s.charAt(i) == 'z')) {
      return true;
    }
    return i == n - 6 && (s.charAt(i) == '+' || s.charAt(i) == '-') && digits(s, i + 1, i + 3)
        && s.charAt(i + 3) == ':' && digits(s, i + 4, i + 6);
  }
}
