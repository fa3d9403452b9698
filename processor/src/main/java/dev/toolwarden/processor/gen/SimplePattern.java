package dev.toolwarden.processor.gen;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@code @Pattern} regular expression simple enough to be checked by a loop with exactly the
 * result of {@code Pattern.compile(regex).matcher(s).matches()}: a sequence of atoms, each a
 * character class of printable ASCII characters and ranges ({@code [A-Z0-9_]}) or one such literal
 * character, each with a greedy quantifier, every atom but the last of a fixed count
 * ({@code [A-Z]{2}[0-9]+}, {@code [0-9]{5}}).
 *
 * <p>Why the loop is exact: every character an atom accepts is a single ASCII {@code char}, so a
 * string that matches has as many chars as code points; with all counts but the last fixed, there
 * is one way to split the string among the atoms, so no backtracking can find another. Anything
 * else (negated classes, escapes, alternation, groups, anchors, dots, lazy or possessive
 * quantifiers, inline flags) is not simple, and is left to {@code java.util.regex}.
 *
 * @param atoms the atoms in order
 */
record SimplePattern(List<Atom> atoms) {

  /** Characters that stand for themselves outside a class. */
  private static final String LITERALS = " -_@,:;=!%&~/<>'\"#";
  /** Characters that stand for themselves inside a class ({@code -} only at its end). */
  private static final String CLASS_LITERALS = " _@.,:;=!%~/<>'\"#+*?(){}|$";
  /** A bound beyond which a pattern is not worth a loop (and int sums stay far from overflow). */
  private static final int MAX_COUNT = 100_000;

  /**
   * One atom: a set of inclusive {@code char} ranges, repeated {@code min} to {@code max} times.
   *
   * @param ranges pairs of inclusive bounds, {@code [lo0, hi0, lo1, hi1, ...]}
   * @param min the least count
   * @param max the largest count, or -1 for no bound
   */
  record Atom(char[] ranges, int min, int max) {

    boolean fixed() {
      return min == max;
    }
  }

  /** The simple pattern of a regex, or null when it is not simple. */
  static SimplePattern parse(String regex) {
    List<Atom> atoms = new ArrayList<>();
    int i = 0;
    while (i < regex.length()) {
      char c = regex.charAt(i);
      char[] ranges;
      if (c == '[') {
        int end = regex.indexOf(']', i + 1);
        ranges = end < 0 ? null : charClass(regex.substring(i + 1, end));
        i = end + 1;
      } else if (isLiteral(c)) {
        ranges = new char[] {c, c};
        i++;
      } else {
        return null;
      }
      if (ranges == null) {
        return null;
      }
      int[] count = {1, 1};
      i = quantifier(regex, i, count);
      if (i < 0 || !atoms.isEmpty() && !atoms.get(atoms.size() - 1).fixed()) {
        return null;
      }
      atoms.add(new Atom(ranges, count[0], count[1]));
    }
    return atoms.isEmpty() ? null : new SimplePattern(List.copyOf(atoms));
  }

  /** The smallest length of a matching string. */
  int minLength() {
    long n = 0;
    for (Atom a : atoms) {
      n += a.min();
    }
    return (int) n;
  }

  /** The largest length of a matching string, or -1 for none. */
  int maxLength() {
    long n = 0;
    for (Atom a : atoms) {
      if (a.max() < 0) {
        return -1;
      }
      n += a.max();
    }
    return (int) n;
  }

  private static boolean isLiteral(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || LITERALS.indexOf(c) >= 0;
  }

  private static boolean isClassLiteral(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || CLASS_LITERALS.indexOf(c) >= 0;
  }

  /** The ranges of a class body ({@code A-Z0-9_}, a final {@code -} literal), or null. */
  private static char[] charClass(String body) {
    if (body.isEmpty()) {
      return null;
    }
    StringBuilder ranges = new StringBuilder();
    int i = 0;
    while (i < body.length()) {
      char lo = body.charAt(i);
      if (lo == '-' && i == body.length() - 1 && i > 0) {
        ranges.append('-').append('-');
        i++;
        continue;
      }
      if (!isClassLiteral(lo)) {
        return null;
      }
      char hi = lo;
      if (i + 2 < body.length() && body.charAt(i + 1) == '-') {
        hi = body.charAt(i + 2);
        if (!isClassLiteral(hi) || hi < lo) {
          return null;
        }
        i += 3;
      } else {
        i++;
      }
      ranges.append(lo).append(hi);
    }
    return ranges.toString().toCharArray();
  }

  /** Reads an optional greedy quantifier into {@code count}; returns the index after it, or -1. */
  private static int quantifier(String regex, int i, int[] count) {
    if (i >= regex.length()) {
      return i;
    }
    char q = regex.charAt(i);
    int next;
    switch (q) {
      case '?' -> { count[0] = 0; count[1] = 1; next = i + 1; }
      case '*' -> { count[0] = 0; count[1] = -1; next = i + 1; }
      case '+' -> { count[0] = 1; count[1] = -1; next = i + 1; }
      case '{' -> {
        int end = regex.indexOf('}', i);
        if (end < 0) {
          return -1;
        }
        String[] parts = regex.substring(i + 1, end).split(",", -1);
        if (parts.length > 2 || !isCount(parts[0]) || parts.length == 2 && !parts[1].isEmpty() && !isCount(parts[1])) {
          return -1;
        }
        count[0] = Integer.parseInt(parts[0]);
        count[1] = parts.length == 1 ? count[0] : parts[1].isEmpty() ? -1 : Integer.parseInt(parts[1]);
        if (count[1] >= 0 && count[1] < count[0]) {
          return -1;
        }
        next = end + 1;
      }
      default -> { return i; }
    }
    // a lazy (x+?) or possessive (x++) quantifier, or a quantified quantifier, is not simple
    if (next < regex.length() && "?+*{".indexOf(regex.charAt(next)) >= 0) {
      return -1;
    }
    return next;
  }

  private static boolean isCount(String s) {
    if (s.isEmpty() || s.length() > 6) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return Integer.parseInt(s) <= MAX_COUNT;
  }
}
