package dev.toolwarden.runtime.spi;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.DateTimeException;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * Generated code's checks of JSON Schema {@code format}s on text already read as a string: {@code uuid},
 * {@code uri}, {@code date}, {@code date-time}, {@code duration} and {@code email}. Each either returns the
 * typed value or records a violation (the value hidden when {@code redacted}); like {@link Check}, for
 * generated code only.
 */
public final class FormatCheck {

  private FormatCheck() {}

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
