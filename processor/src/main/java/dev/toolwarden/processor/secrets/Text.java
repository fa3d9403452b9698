package dev.toolwarden.processor.secrets;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Small, allocation-light text helpers shared by the rules: character classes, entropy, placeholder allowlist. */
final class Text {
  private Text() {}

  static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  static boolean isAlnum(char c) {
    return isAsciiLetter(c) || isDigit(c);
  }

  /** {@code [A-Za-z0-9_-]}: the base64url alphabet, also the body alphabet of most API tokens. */
  static boolean isBase64Url(char c) {
    return isAlnum(c) || c == '_' || c == '-';
  }

  static boolean isHex(char c) {
    return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  /** True if the char before {@code i} is absent or not alphanumeric (a token starts at {@code i}). */
  static boolean leftBoundary(String s, int i) {
    return i == 0 || !isAlnum(s.charAt(i - 1));
  }

  /** Shannon entropy in bits per character of {@code s[start, end)}. */
  static double entropy(CharSequence s, int start, int end) {
    int n = end - start;
    if (n <= 0) {
      return 0;
    }
    int[] ascii = new int[128];
    Map<Character, Integer> other = null;
    for (int i = start; i < end; i++) {
      char c = s.charAt(i);
      if (c < 128) {
        ascii[c]++;
      } else {
        if (other == null) {
          other = new HashMap<>();
        }
        other.merge(c, 1, Integer::sum);
      }
    }
    double h = 0;
    for (int count : ascii) {
      if (count > 0) {
        double p = (double) count / n;
        h -= p * Math.log(p);
      }
    }
    if (other != null) {
      for (int count : other.values()) {
        double p = (double) count / n;
        h -= p * Math.log(p);
      }
    }
    return h / Math.log(2);
  }

  static double entropy(CharSequence s) {
    return entropy(s, 0, s.length());
  }

  /** Length of the longest run of one repeated character in {@code s[start, end)}. */
  static int longestRun(CharSequence s, int start, int end) {
    int best = 0;
    int run = 0;
    char prev = 0;
    for (int i = start; i < end; i++) {
      char c = s.charAt(i);
      run = (i > start && c == prev) ? run + 1 : 1;
      prev = c;
      best = Math.max(best, run);
    }
    return best;
  }

  /** Placeholder words: a candidate containing one (any case) is documentation, not a secret. */
  private static final String[] PLACEHOLDER_WORDS = {
    "example", "changeme", "change_me", "change-me", "changeit", "placeholder", "your_", "your-", "yourkey",
    "yoursecret", "yourtoken", "yourpassword", "<your", "xxxx", "****", "....", "____", "redacted", "dummy",
    "sample", "insert", "replace", "fake", "notreal", "not_real", "not-real", "secret_here", "key_here",
    "token_here", "password_here", "abcdefgh", "12345678", "00000000",
  };

  /**
   * True if {@code s[start, end)} is a placeholder rather than a secret: template syntax ({@code ${VAR}}, {@code {{
   * x }}}, {@code %s}, {@code <your-key>}), a placeholder word ({@code changeme}, {@code example}, {@code xxxx}, …), a
   * run of 6 or more repeated characters, or a literal {@code true}/{@code false}/{@code null}.
   */
  static boolean isPlaceholder(String s, int start, int end) {
    String v = s.substring(start, end);
    if (v.contains("${") || v.contains("{{") || v.contains("}}") || v.contains("#{")) {
      return true;
    }
    if (containsFormatSpecifier(v)) {
      return true;
    }
    String lower = v.toLowerCase(Locale.ROOT);
    if (lower.equals("true") || lower.equals("false") || lower.equals("null") || lower.equals("none")) {
      return true;
    }
    if (lower.startsWith("<") && lower.endsWith(">")) {
      return true;
    }
    for (String w : PLACEHOLDER_WORDS) {
      if (lower.contains(w)) {
        return true;
      }
    }
    return longestRun(v, 0, v.length()) >= 6;
  }

  private static boolean containsFormatSpecifier(String v) {
    int i = v.indexOf('%');
    while (i >= 0 && i + 1 < v.length()) {
      char c = v.charAt(i + 1);
      if (c == 's' || c == 'd' || c == 'S' || c == '(' || c == '1') {
        return true;
      }
      i = v.indexOf('%', i + 1);
    }
    return false;
  }

  /** Case-insensitive {@code contains} for an ASCII lower-case {@code needle}, without allocating. */
  static boolean containsIgnoreCase(String haystack, String needle) {
    int n = needle.length();
    int max = haystack.length() - n;
    char first = needle.charAt(0);
    for (int i = 0; i <= max; i++) {
      char c = haystack.charAt(i);
      if ((c | 0x20) == first && haystack.regionMatches(true, i, needle, 0, n)) {
        return true;
      }
    }
    return false;
  }
}
