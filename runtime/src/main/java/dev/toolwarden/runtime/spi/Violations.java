package dev.toolwarden.runtime.spi;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects every violation found while binding one call's arguments, so the caller learns
 * about all of them at once. Generated code creates one per call.
 */
public final class Violations {

  private static final int MAX_SHOWN_VALUE = 64;

  /** A caller cannot make us build an unbounded error: later violations are counted only. */
  private static final int MAX_VIOLATIONS = 100;

  private List<Violation> list;
  /** Per shown violation, the prefixes not yet joined into its pointer (innermost first), or null. */
  private List<List<String>> prefixes;
  private int count;

  /** An empty collector; generated code creates one per call. */
  public Violations() {}

  /** Number of violations added so far; generated code compares it to detect a failed read. */
  public int size() {
    return count;
  }

  /** Whether no violation was added. */
  public boolean isEmpty() {
    return count == 0;
  }

  /**
   * Adds a violation.
   *
   * @param pointer JSON pointer of the value
   * @param rule the JSON Schema keyword that failed
   * @param message what was expected
   * @param value the offending value, shown unless {@code redacted}
   * @param redacted whether the value is {@code @Redact}ed and must not be shown
   */
  public void add(String pointer, String rule, String message, Object value, boolean redacted) {
    count++;
    if (count > MAX_VIOLATIONS) {
      return;
    }
    if (list == null) {
      list = new ArrayList<>(4);
    }
    list.add(new Violation(pointer, rule, message + describe(value, redacted)));
  }

  /** Adds a violation that shows no value (missing argument, unknown argument). */
  public void add(String pointer, String rule, String message) {
    count++;
    if (count > MAX_VIOLATIONS) {
      return;
    }
    if (list == null) {
      list = new ArrayList<>(4);
    }
    list.add(new Violation(pointer, rule, message));
  }

  /**
   * Puts {@code prefix} in front of the pointers of the violations added since {@code mark} (a
   * {@link #size()} taken before). Generated code binds a record or a list element with pointers
   * relative to it and calls this only when binding it failed, so a valid call builds no pointer string.
   * The prefixes are only collected here and joined once by {@link #list()}: a deeply nested invalid
   * value costs its depth per shown violation, not its depth squared.
   *
   * @param mark the {@link #size()} before the value was bound
   * @param prefix the value's JSON pointer, relative to the enclosing value that is bound
   */
  public void prefix(int mark, String prefix) {
    if (list == null || mark >= list.size() || prefix.isEmpty()) {
      return;
    }
    if (prefixes == null) {
      prefixes = new ArrayList<>();
    }
    while (prefixes.size() < list.size()) {
      prefixes.add(null);
    }
    for (int i = mark; i < list.size(); i++) {
      List<String> p = prefixes.get(i);
      if (p == null) {
        p = new ArrayList<>(4);
        prefixes.set(i, p);
      }
      p.add(prefix);
    }
  }

  /** Joins the collected prefixes into the pointers: outermost (added last) first. */
  private void applyPrefixes() {
    for (int i = 0; i < prefixes.size(); i++) {
      List<String> p = prefixes.get(i);
      if (p != null) {
        Violation old = list.get(i);
        StringBuilder b = new StringBuilder();
        for (int j = p.size() - 1; j >= 0; j--) {
          b.append(p.get(j));
        }
        list.set(i, new Violation(b.append(old.pointer()).toString(), old.rule(), old.message()));
      }
    }
    prefixes = null;
  }

  /** The violations, in the order found. */
  public List<Violation> list() {
    if (prefixes != null) {
      applyPrefixes();
    }
    List<Violation> out = list == null ? new ArrayList<>() : new ArrayList<>(list);
    if (count > MAX_VIOLATIONS) {
      out.add(new Violation("", "limit", (count - MAX_VIOLATIONS) + " more violations not shown"));
    }
    return out;
  }

  /** Throws when any violation was added. */
  public void throwIfAny() throws ArgumentsRejectedException {
    if (count != 0) {
      throw new ArgumentsRejectedException(list());
    }
  }

  /** Escapes a JSON pointer reference token (RFC 6901). */
  public static String escape(String token) {
    if (token.indexOf('~') < 0 && token.indexOf('/') < 0) {
      return token;
    }
    return token.replace("~", "~0").replace("/", "~1");
  }

  private static String describe(Object value, boolean redacted) {
    if (redacted) {
      return " (value redacted)";
    }
    return " (got " + render(value) + ")";
  }

  /** A short, single-line, control-character-free rendering of a client value. */
  static String render(Object value) {
    if (value == null) {
      return "null";
    }
    String kind;
    String text;
    if (value instanceof String s) {
      kind = "\"";
      text = s;
    } else if (value instanceof Number || value instanceof Boolean) {
      return value.toString();
    } else if (value instanceof java.util.Map) {
      return "an object";
    } else if (value instanceof java.util.List) {
      return "an array";
    } else {
      return "a value";
    }
    StringBuilder b = new StringBuilder(Math.min(text.length(), MAX_SHOWN_VALUE) + 8).append(kind);
    int shown = 0;
    for (int i = 0; i < text.length() && shown < MAX_SHOWN_VALUE; i++, shown++) {
      char c = text.charAt(i);
      if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == '\u2028' || c == '\u2029') {
        b.append(String.format("\\u%04x", (int) c));
      } else if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else {
        b.append(c);
      }
    }
    if (shown < text.length()) {
      b.append("…");
    }
    return b.append(kind).toString();
  }
}
