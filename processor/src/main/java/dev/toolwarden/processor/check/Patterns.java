package dev.toolwarden.processor.check;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Regular expressions must mean the same to the generated validator (java.util.regex) and to
 * clients that read the schema (ECMA-262). This finds constructs only Java understands.
 */
public final class Patterns {

  private Patterns() {}

  /** The first line of the syntax error, or null when the expression compiles. */
  public static String syntaxError(String regex) {
    try {
      Pattern.compile(regex);
      return null;
    } catch (PatternSyntaxException e) {
      String d = e.getDescription();
      return d + (e.getIndex() >= 0 ? " near index " + e.getIndex() : "");
    }
  }

  /** A description of the first Java-only construct, or null when there is none. */
  public static String nonPortableConstruct(String regex) {
    boolean inClass = false;
    for (int i = 0; i < regex.length(); i++) {
      char c = regex.charAt(i);
      if (c == '\\' && i + 1 < regex.length()) {
        char n = regex.charAt(i + 1);
        switch (n) {
          case 'A', 'Z', 'z', 'G' -> { return "the anchor \\" + n; }
          case 'Q', 'E' -> { return "quoting with \\Q...\\E"; }
          case 'h', 'H', 'R', 'X', 'V' -> { return "the escape \\" + n; }
          case 'p', 'P' -> {
            if (regex.startsWith("{java", i + 2) || regex.startsWith("{Is", i + 2) || regex.startsWith("{In", i + 2)) {
              int close = regex.indexOf('}', i);
              return "the Java character class \\" + n + regex.substring(i + 2, close < 0 ? regex.length() : close + 1);
            }
          }
          default -> { }
        }
        i++;
        continue;
      }
      if (inClass) {
        if (c == ']') {
          inClass = false;
        } else if (c == '[') {
          return "a nested character class";
        } else if (c == '&' && i + 1 < regex.length() && regex.charAt(i + 1) == '&') {
          return "a character class intersection (&&)";
        }
        continue;
      }
      if (c == '[') {
        inClass = true;
        if (i + 1 < regex.length() && regex.charAt(i + 1) == ']') {
          i++; // ']' first in a class is a literal
        }
        continue;
      }
      if ((c == '+') && i > 0 && isQuantifierEnd(regex, i - 1)) {
        return "a possessive quantifier";
      }
      if (c == '(' && i + 2 < regex.length() && regex.charAt(i + 1) == '?') {
        char k = regex.charAt(i + 2);
        if (k == '>') {
          return "an atomic group (?>...)";
        }
        if (Character.isLetter(k) || k == '-') {
          int j = i + 2;
          while (j < regex.length() && (Character.isLetter(regex.charAt(j)) || regex.charAt(j) == '-')) {
            j++;
          }
          String flags = regex.substring(i + 2, j);
          boolean named = j < regex.length() && regex.charAt(j) == '<' && flags.isEmpty();
          if (!named && !flags.equals("i")) {
            return "the inline flags (?" + flags + ")";
          }
          if (flags.equals("i")) {
            return "the inline flag (?i): ECMA-262 has no inline flags";
          }
        }
      }
    }
    return null;
  }

  /** Whether the character at {@code i} ends a quantifier ({@code * + ? }}), unescaped. */
  private static boolean isQuantifierEnd(String regex, int i) {
    char c = regex.charAt(i);
    if (c != '*' && c != '+' && c != '?' && c != '}') {
      return false;
    }
    int backslashes = 0;
    for (int j = i - 1; j >= 0 && regex.charAt(j) == '\\'; j--) {
      backslashes++;
    }
    if (backslashes % 2 == 1) {
      return false;
    }
    if (c == '+' || c == '?') {
      // "a++" is possessive, but "a?+"... both possessive; "(?" was handled before
      return i > 0 && regex.charAt(i - 1) != '(';
    }
    return true;
  }
}
