package dev.toolwarden.processor.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Pools of interesting values: strings for each format (valid, near-valid and invalid), witnesses
 * for the corpus's patterns, awkward strings and numbers that sit on type and precision edges.
 */
final class Samples {

  private Samples() {}

  /** An astral code point (two UTF-16 units, one character for JSON Schema lengths). */
  static final String ASTRAL = "\uD83D\uDE00";

  /** Strings that break naive implementations. */
  static final List<String> AWKWARD = List.of(
      "", " ", "  ", "\t", "\n", "\r\n", "\u000b", "\f", "\u00a0", "\u2028", "\u0085", "\u3000", "x", "X",
      "5", "-1", "1.5", "true", "null", "[]", "{}", "0x10", "1e3", "NaN", "Infinity", "abc\n", "\nabc", "ab\u0000c",
      ASTRAL, ASTRAL + ASTRAL, "e\u0301", "\uD800", "\uDC00x", "\uFEFF", "é", "日本", "𝒜", "a/b", "~0", "%00",
      "'; DROP TABLE x; --", "<script>", "a".repeat(70));

  /** Whole-value witnesses for the corpus's {@code @Pattern}s (inner expression → matching strings). */
  static final Map<String, List<String>> PATTERN_WITNESSES = Map.ofEntries(
      Map.entry("[a-z]+[0-9]?", List.of("abc", "a1", "zz9", "q")),
      Map.entry("cat|dog", List.of("cat", "dog")),
      Map.entry("[$][0-9]+(\\.[0-9]{2})?", List.of("$5", "$10.99", "$0")),
      Map.entry("a.c", List.of("abc", "a c", "a" + ASTRAL + "c", "a\u00e9c")),
      Map.entry(".*", List.of("", "anything", "x y", ASTRAL)),
      Map.entry("[A-Z]{2}-\\d{3}", List.of("AB-123", "ZZ-000")),
      Map.entry("(ab)+|x\\s?y", List.of("ab", "abab", "xy", "x y", "x\ty")),
      Map.entry("[^\\n]*", List.of("abc", "", "a\rb")),
      Map.entry("\\p{L}{1,3}", List.of("a", "\u00e9\u00e9", "\u65e5\u672c\u8a9e", "\uD835\uDC9C")),
      Map.entry("[\\u00e0-\\u00ff]+", List.of("\u00e0\u00e9", "\u00ff")),
      Map.entry("..", List.of("ab", ASTRAL + ASTRAL, "a" + ASTRAL)),
      Map.entry("\\w+", List.of("abc_1", "Z")),
      Map.entry("\\d+", List.of("123", "0")),
      Map.entry(".+@example\\.com", List.of("a@example.com", "first.last@example.com")),
      Map.entry("[0-9]{5}", List.of("12345", "00000")),
      Map.entry("\\+[0-9]{6,12}", List.of("+4912345678", "+123456")),
      Map.entry("[a-z]*", List.of("", "abc")),
      Map.entry("[A-Z]{2}", List.of("DE", "FR")),
      Map.entry("[A-Z]{3}[0-9]{3}", List.of("ABC123")),
      Map.entry("[0-9]{4}", List.of("1234", "0000")),
      Map.entry("[0-9]{16}", List.of("1234567812345678")),
      Map.entry("[a-f]+", List.of("cafe", "f")),
      Map.entry("[a-z]+", List.of("abc", "z")),
      Map.entry("[A-Z]+", List.of("ABC")));

  private static final Map<String, Pattern> COMPILED = new java.util.concurrent.ConcurrentHashMap<>();

  /** The inner expression of an anchored schema pattern {@code ^(?:…)$}, or the pattern itself. */
  static String inner(String schemaPattern) {
    if (schemaPattern.startsWith("^(?:") && schemaPattern.endsWith(")$")) {
      return schemaPattern.substring(4, schemaPattern.length() - 2);
    }
    return schemaPattern;
  }

  /** Strings that match a schema pattern (the search semantics of JSON Schema, via the corpus table). */
  static List<String> witnesses(String schemaPattern, Random rnd) {
    List<String> known = PATTERN_WITNESSES.get(inner(schemaPattern));
    if (known != null) {
      return known;
    }
    // an unanchored pattern (e.g. the not-blank one): random strings that contain a match
    Pattern p = COMPILED.computeIfAbsent(schemaPattern, Pattern::compile);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < 200 && out.size() < 4; i++) {
      String s = randomString(rnd, 1 + rnd.nextInt(6));
      if (p.matcher(s).find()) {
        out.add(s);
      }
    }
    return out;
  }

  static final String ALPHABET = "abcxyzABCXYZ0123456789 _-.@$\t\u00e9";

  static String randomString(Random rnd, int codePoints) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < codePoints; i++) {
      int r = rnd.nextInt(20);
      if (r == 0) {
        b.append(ASTRAL);
      } else if (r == 1) {
        b.append((char) (0x4e00 + rnd.nextInt(100)));
      } else {
        b.append(ALPHABET.charAt(rnd.nextInt(ALPHABET.length())));
      }
    }
    return b.toString();
  }

  // ---- formats --------------------------------------------------------------------------------

  static List<String> validFormat(String format, Random rnd) {
    return switch (format) {
      case "uuid" -> List.of(new UUID(rnd.nextLong(), rnd.nextLong()).toString(),
          new UUID(rnd.nextLong(), rnd.nextLong()).toString().toUpperCase(), "00000000-0000-0000-0000-000000000000");
      case "uri" -> List.of("https://example.com/x", "urn:isbn:0451450523", "mailto:a@example.com",
          "http://[::1]:8080/p?q=1#f", "file:///tmp/a.txt", "https://example.com/a%20b");
      case "date" -> List.of(String.format("%04d-%02d-%02d", 1900 + rnd.nextInt(200), 1 + rnd.nextInt(12),
          1 + rnd.nextInt(28)), "2024-02-29", "2000-02-29", "1999-12-31", "0001-01-01", "9999-12-31");
      case "date-time" -> List.of("2024-01-01T00:00:00Z", "2024-06-15T12:34:56.789+02:00",
          "1985-04-12T23:20:50.52Z", "2024-01-01T00:00:00-00:00", "2024-12-31T23:59:59.123456789Z",
          String.format("%04d-%02d-%02dT%02d:%02d:%02dZ", 1970 + rnd.nextInt(100), 1 + rnd.nextInt(12),
              1 + rnd.nextInt(28), rnd.nextInt(24), rnd.nextInt(60), rnd.nextInt(60)));
      case "duration" -> List.of("PT30S", "P1D", "PT1H30M", "P2DT3H4M5S", "PT0S", "P0D", "PT" + rnd.nextInt(1000)
          + "M");
      case "email" -> List.of("a@example.com", "first.last@example.co.uk", "x+tag@mail.example.org",
          "user_name-1@sub-domain.example.com");
      default -> List.of();
    };
  }

  /** Near misses and edge cases: some are valid for one side only, which is the point. */
  static List<String> edgeFormat(String format) {
    return switch (format) {
      case "uuid" -> List.of("123e4567-e89b-12d3-a456-42661417400", "123e4567-e89b-12d3-a456-4266141740000",
          "123e4567e89b12d3a456426614174000", "{123e4567-e89b-12d3-a456-426614174000}",
          "urn:uuid:123e4567-e89b-12d3-a456-426614174000", "123e4567-e89b-12d3-a456-42661417400g",
          " 123e4567-e89b-12d3-a456-426614174000", "123e4567-e89b-12d3-a456-426614174000\n",
          "123E4567-E89B-12D3-A456-426614174000", "123e4567-e89b-12d3-a456_426614174000",
          "ffffffff-ffff-ffff-ffff-ffffffffffff", "1-2-3-4-5");
      case "uri" -> List.of("/relative/path", "example.com", "//example.com/x", "http://exa mple.com",
          "http://example.com/%zz", "x:", ":x", "1http://x", "a+b-c.d:x", "http://例え.jp/",
          "https://example.com/\u00e4", "http://example.com:99999/", "http://[::1/", "urn:a:b", "HTTP://EXAMPLE.COM",
          "http://user@host", "http://host/path with space", "mailto:", "tel:+1-816-555-1212", "a:b#c#d",
          "https://example.com/\n", "http://%41.com", "https:example.com", "http://[v1.fe]/");
      case "date" -> List.of("2023-02-29", "2023-13-01", "2023-00-10", "2023-01-32", "2023-1-01", "20230101",
          "+2023-01-01", "2023-01-01T00:00:00Z", "0000-01-01", "2023-04-31", "2023-01-01\n", " 2023-01-01",
          "2023/01/01", "99999-01-01", "2023-06-00", "\u0662\u0660\u0662\u0663-01-01");
      case "date-time" -> List.of("2024-01-01T00:00:00", "2024-01-01 00:00:00Z", "2024-01-01t00:00:00z",
          "2024-01-01T24:00:00Z", "2024-01-01T23:59:60Z", "2016-12-31T23:59:60Z", "1998-12-31T23:59:60Z",
          "2024-01-01T25:00:00Z", "2024-01-01T00:60:00Z", "2024-02-30T00:00:00Z", "2024-01-01T00:00:00+24:00",
          "2024-01-01T00:00:00+05:60", "2024-01-01T00:00:00.Z", "2024-01-01T00:00:00.1234567890Z",
          "2024-01-01T00:00:00+0530", "2024-01-01T00:00Z", "2024-01-01T00:00:00+05", "2024-01-01T00:00:00Z\n",
          "0000-01-01T00:00:00Z", "9999-12-31T23:59:59+23:59", "2024-01-01T00:00:00.000000000000Z",
          "2024-01-01T00:00:00,5Z", "2024-01-01T00:00:00-00:01");
      case "duration" -> List.of("P1Y", "P1M", "P1W", "P2Y3M", "PT1.5S", "PT-1S", "-PT1S", "P", "PT", "P1DT",
          "P1D2H", "pt1s", "PT1S ", "P1Y2M3DT4H5M6S", "P1W2D", "PT36H", "P0.5D", "P1DT1.5H", "PT1,5S",
          "P10000000000000D", "PT9223372036854775808S", "+PT1S", "P-1D", "PT1H-30M", "P1DT-1H");
      case "email" -> List.of("a@localhost", "a..b@example.com", ".a@example.com", "a.@example.com",
          "a@-example.com", "a@example-.com", "\"a b\"@example.com", "a@[127.0.0.1]", "a@[IPv6:::1]",
          "a@example", "\u00e4@example.com", "a@ex\u00e4mple.com", "a@example.c", "a@@example.com",
          "a@example.com.", "a".repeat(65) + "@example.com", "a@" + "b".repeat(64) + ".com", "a@example.invalidtld",
          "a b@example.com", "a@example..com", "@example.com", "a@", "a@1.2.3.4", "a@example.com\n",
          "a@localhost.localdomain", "a(comment)@example.com", "a@example.museum", "x@x.xx");
      default -> List.of();
    };
  }
}
