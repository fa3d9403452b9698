package dev.toolwarden.processor.flow;

/**
 * What a regular expression can match, over-approximated: the set of characters that may appear anywhere in a
 * matching value and the set that may appear first. Only a small, common subset of the syntax is understood
 * (literals, escaped punctuation, {@code \d}, {@code \w}, positive character classes with ranges, groups,
 * alternation, quantifiers and the anchors {@code ^ $}); anything else — {@code .}, negated classes, {@code \p{..}},
 * inline flags, lookarounds, back references — counts as "any character", so a guard is only ever trusted for an
 * expression whose alphabet is proven. Linear in the length of the expression.
 */
final class PatternAlphabet {

  /** Characters beyond ASCII are tracked as one flag: no sink kind allows them. */
  static final class CharSet {
    final boolean[] ascii = new boolean[128];
    boolean other;

    void add(int c) {
      if (c >= 0 && c < 128) {
        ascii[c] = true;
      } else {
        other = true;
      }
    }

    void addAll(CharSet s) {
      for (int i = 0; i < 128; i++) {
        ascii[i] |= s.ascii[i];
      }
      other |= s.other;
    }

    void addAny() {
      java.util.Arrays.fill(ascii, true);
      other = true;
    }

    /** Whether every character of this set is allowed by the kind. */
    boolean within(SinkKind kind) {
      if (other) {
        return false;
      }
      for (int i = 0; i < 128; i++) {
        if (ascii[i] && !kind.allows(i)) {
          return false;
        }
      }
      return true;
    }

    boolean contains(int c) {
      return c >= 0 && c < 128 ? ascii[c] : other;
    }
  }

  /** Every character a match may contain. */
  final CharSet all = new CharSet();
  /** Every character a non-empty match may start with. */
  final CharSet first = new CharSet();

  private final String re;
  private int pos;

  private PatternAlphabet(String re) {
    this.re = re;
  }

  /** The alphabet of a Java regular expression (as {@code @Pattern(regexp)} holds it, matching the whole value). */
  static PatternAlphabet of(String regexp) {
    PatternAlphabet p = new PatternAlphabet(regexp);
    try {
      p.alternation(p.first);
      if (p.pos < regexp.length()) {
        p.unknown();
      }
    } catch (RuntimeException e) {
      p.unknown(); // a construct outside the subset: trust nothing
    }
    return p;
  }

  private void unknown() {
    all.addAny();
    first.addAny();
    pos = re.length();
  }

  /** Parses {@code seq ('|' seq)*}; returns whether it can match the empty string. */
  private boolean alternation(CharSet firstOut) {
    boolean nullable = sequence(firstOut);
    while (pos < re.length() && re.charAt(pos) == '|') {
      pos++;
      nullable |= sequence(firstOut);
    }
    return nullable;
  }

  private boolean sequence(CharSet firstOut) {
    boolean nullableSoFar = true;
    while (pos < re.length() && re.charAt(pos) != '|' && re.charAt(pos) != ')') {
      CharSet atomFirst = new CharSet();
      boolean atomNullable = atom(atomFirst);
      atomNullable |= quantifier();
      if (nullableSoFar) {
        firstOut.addAll(atomFirst);
      }
      nullableSoFar &= atomNullable;
    }
    return nullableSoFar;
  }

  /** Parses one atom, adding its characters; returns whether it can match the empty string. */
  private boolean atom(CharSet firstOut) {
    char c = re.charAt(pos++);
    switch (c) {
      case '^', '$' -> {
        return true;
      }
      case '(' -> {
        if (re.startsWith("?:", pos)) {
          pos += 2;
        } else if (pos < re.length() && re.charAt(pos) == '?') {
          throw new IllegalArgumentException("lookaround or flags");
        }
        boolean nullable = alternation(firstOut);
        expect(')');
        return nullable;
      }
      case '[' -> {
        CharSet s = charClass();
        all.addAll(s);
        firstOut.addAll(s);
        return false;
      }
      case '\\' -> {
        CharSet s = escape();
        all.addAll(s);
        firstOut.addAll(s);
        return false;
      }
      case '.', '*', '+', '?', '{', ')', ']', '|' -> throw new IllegalArgumentException("not a literal");
      default -> {
        all.add(c);
        firstOut.add(c);
        return false;
      }
    }
  }

  private CharSet escape() {
    char c = re.charAt(pos++);
    CharSet s = new CharSet();
    if (c == 'd') {
      range(s, '0', '9');
    } else if (c == 'w') {
      range(s, 'a', 'z');
      range(s, 'A', 'Z');
      range(s, '0', '9');
      s.add('_');
    } else if (!Character.isLetterOrDigit(c) && c < 128) {
      s.add(c); // escaped punctuation is itself
    } else {
      throw new IllegalArgumentException("escape \\" + c);
    }
    return s;
  }

  private CharSet charClass() {
    CharSet s = new CharSet();
    if (re.charAt(pos) == '^') {
      throw new IllegalArgumentException("negated class");
    }
    while (re.charAt(pos) != ']') {
      char c = re.charAt(pos++);
      if (c == '[' || c == '&' && re.charAt(pos) == '&') {
        throw new IllegalArgumentException("nested class");
      }
      if (c == '\\') {
        s.addAll(escape());
        continue;
      }
      if (re.charAt(pos) == '-' && re.charAt(pos + 1) != ']') {
        char end = re.charAt(pos + 1);
        if (end == '\\' || end == '[' || end < c) {
          throw new IllegalArgumentException("range");
        }
        pos += 2;
        range(s, c, end);
      } else {
        s.add(c);
      }
    }
    pos++;
    return s;
  }

  private static void range(CharSet s, char from, char to) {
    for (int x = from; x <= to; x++) {
      s.add(x);
    }
  }

  /** Parses an optional quantifier; returns whether it allows zero repetitions. */
  private boolean quantifier() {
    if (pos >= re.length()) {
      return false;
    }
    char c = re.charAt(pos);
    boolean zero;
    if (c == '?' || c == '*') {
      pos++;
      zero = true;
    } else if (c == '+') {
      pos++;
      zero = false;
    } else if (c == '{') {
      int close = re.indexOf('}', pos);
      String body = re.substring(pos + 1, close);
      if (!body.matches("[0-9]{1,9}(,[0-9]{0,9})?")) {
        throw new IllegalArgumentException("quantifier");
      }
      zero = Integer.parseInt(body.split(",", -1)[0]) == 0;
      pos = close + 1;
    } else {
      return false;
    }
    if (pos < re.length() && (re.charAt(pos) == '?' || re.charAt(pos) == '+')) {
      pos++; // lazy or possessive: same language
    }
    return zero;
  }

  private void expect(char c) {
    if (pos >= re.length() || re.charAt(pos) != c) {
      throw new IllegalArgumentException("expected " + c);
    }
    pos++;
  }
}
