package dev.toolwarden.runtime.internal.resource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A compiled resource URI template, in exactly the RFC 6570 subset {@code docs/uri-templates.md} fixes (the processor
 * accepts the same): a scheme, literals, and one-variable expressions {@code {name}}, {@code {/name}},
 * {@code {+name}}, {@code {/name*}}, never two adjacent, {@code {+}} and {@code {/*}} only last.
 *
 * <p>Matching is a single left-to-right pass with no backtracking: a literal must match exactly; an expression
 * followed by a literal takes the shortest non-empty run up to that literal's first occurrence; the last expression
 * takes the rest. So it is linear in the URI's length whatever the client sends, and never throws: malformed
 * percent-encoding or invalid UTF-8 is simply no match.
 */
public final class UriTemplate {

  /** The four expression kinds. */
  enum Kind {
    /** {@code {name}}: one or more characters other than {@code / ? #}. */
    SIMPLE,
    /** {@code {/name}}: {@code /} then one or more characters other than {@code / ? #}. */
    SEGMENT,
    /** {@code {+name}}: one or more characters other than {@code ? #}; last only. */
    RESERVED,
    /** {@code {/name*}}: {@code /seg} repeated; a list of segments; last only. */
    EXPLODED
  }

  /** A literal ({@code name == null}) or an expression. */
  record Part(String literal, Kind kind, String name) {
    boolean isLiteral() {
      return literal != null;
    }
  }

  private static final String RESERVED_CHARS = ":/?#[]@!$&'()*+,;=";

  private final String text;
  private final List<Part> parts;
  private final List<String> variables;
  private final int literalLength;

  private UriTemplate(String text, List<Part> parts) {
    this.text = text;
    this.parts = List.copyOf(parts);
    List<String> names = new ArrayList<>();
    int literal = 0;
    for (Part p : parts) {
      if (p.isLiteral()) {
        literal += p.literal().length();
      } else {
        names.add(p.name());
      }
    }
    this.variables = Collections.unmodifiableList(names);
    this.literalLength = literal;
  }

  /**
   * Compiles {@code text}.
   *
   * @throws IllegalArgumentException saying what is outside the supported subset (never echoing more than the template)
   */
  public static UriTemplate compile(String text) {
    if (text == null || text.isEmpty()) {
      throw new IllegalArgumentException("the URI template is empty");
    }
    int colon = schemeEnd(text);
    List<Part> parts = new ArrayList<>();
    Set<String> names = new HashSet<>();
    StringBuilder literal = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '{') {
        if (i < colon) {
          throw new IllegalArgumentException("an expression inside the scheme");
        }
        int close = text.indexOf('}', i);
        if (close < 0) {
          throw new IllegalArgumentException("an unclosed '{' at offset " + i);
        }
        if (literal.length() > 0) {
          parts.add(new Part(literal.toString(), null, null));
          literal.setLength(0);
        } else if (!parts.isEmpty() && !parts.get(parts.size() - 1).isLiteral()) {
          throw new IllegalArgumentException("two adjacent expressions at offset " + i + ": separate them by a literal");
        }
        Part expr = expression(text.substring(i + 1, close), i);
        if (!names.add(expr.name())) {
          throw new IllegalArgumentException("the variable '" + expr.name() + "' appears twice");
        }
        parts.add(expr);
        i = close + 1;
      } else if (c == '}') {
        throw new IllegalArgumentException("a '}' outside an expression at offset " + i);
      } else if (c == '%') {
        if (i + 2 >= text.length() || PercentCoding.hex(text.charAt(i + 1)) < 0 || PercentCoding.hex(text.charAt(i + 2)) < 0) {
          throw new IllegalArgumentException("a malformed percent-encoding at offset " + i);
        }
        literal.append(text, i, i + 3);
        i += 3;
      } else if (PercentCoding.isUnreserved(c) || RESERVED_CHARS.indexOf(c) >= 0) {
        literal.append(c);
        i++;
      } else {
        throw new IllegalArgumentException("the character '" + printable(c) + "' at offset " + i
            + " is not allowed in a URI (percent-encode it)");
      }
    }
    if (literal.length() > 0) {
      parts.add(new Part(literal.toString(), null, null));
    }
    for (int k = 0; k < parts.size() - 1; k++) {
      Part p = parts.get(k);
      if (!p.isLiteral() && (p.kind() == Kind.RESERVED || p.kind() == Kind.EXPLODED)) {
        throw new IllegalArgumentException("'{" + (p.kind() == Kind.RESERVED ? "+" + p.name() : "/" + p.name() + "*")
            + "}' must be the last part of the template (it may contain '/', so nothing can follow it)");
      }
    }
    return new UriTemplate(text, parts);
  }

  private static int schemeEnd(String text) {
    int colon = text.indexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException("the template does not start with a scheme ('scheme:')");
    }
    for (int i = 0; i < colon; i++) {
      char c = text.charAt(i);
      boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
          || i > 0 && (c >= '0' && c <= '9' || c == '+' || c == '.' || c == '-');
      if (!ok) {
        throw new IllegalArgumentException("the template does not start with a scheme ('scheme:')");
      }
    }
    return colon;
  }

  private static Part expression(String body, int offset) {
    Kind kind = Kind.SIMPLE;
    String name = body;
    if (body.startsWith("+")) {
      kind = Kind.RESERVED;
      name = body.substring(1);
    } else if (body.startsWith("/")) {
      kind = Kind.SEGMENT;
      name = body.substring(1);
      if (name.endsWith("*")) {
        kind = Kind.EXPLODED;
        name = name.substring(0, name.length() - 1);
      }
    }
    if (!isVariableName(name)) {
      throw new IllegalArgumentException("the expression at offset " + offset + " is not one of {name}, {/name},"
          + " {+name}, {/name*} with a name [A-Za-z_][A-Za-z0-9_]*");
    }
    return new Part(null, kind, name);
  }

  static boolean isVariableName(String name) {
    if (name.isEmpty()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || i > 0 && c >= '0' && c <= '9';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** The template's text, as declared. */
  public String text() {
    return text;
  }

  /** The variable names, in template order. */
  public List<String> variables() {
    return variables;
  }

  /** Whether the template has any expression (a fixed URI has none). */
  public boolean hasVariables() {
    return !variables.isEmpty();
  }

  /** How many literal characters the template has: the more, the more specific. */
  public int literalLength() {
    return literalLength;
  }

  /** Whether {@code name} is a {@code {+name}} or {@code {/name}} variable: the only ones {@code @SafePath} may guard. */
  public boolean isPathShaped(String name) {
    for (Part p : parts) {
      if (name.equals(p.name())) {
        return p.kind() == Kind.RESERVED || p.kind() == Kind.SEGMENT;
      }
    }
    return false;
  }

  List<Part> parts() {
    return parts;
  }

  /**
   * Matches {@code uri} against this template.
   *
   * @return the decoded variables ({@code String}, or {@code List<String>} for {@code {/name*}}) in template order,
   *     or {@code null} when the URI does not match; never throws
   */
  public Map<String, Object> match(String uri) {
    if (uri == null || uri.indexOf('#') >= 0) {
      return null; // a fragment never names a resource
    }
    Map<String, Object> values = new LinkedHashMap<>();
    int pos = 0;
    int n = parts.size();
    for (int k = 0; k < n; k++) {
      Part part = parts.get(k);
      if (part.isLiteral()) {
        if (!uri.startsWith(part.literal(), pos)) {
          return null;
        }
        pos += part.literal().length();
        continue;
      }
      boolean last = k == n - 1;
      if (part.kind() == Kind.SEGMENT || part.kind() == Kind.EXPLODED) {
        if (pos >= uri.length() || uri.charAt(pos) != '/') {
          return null;
        }
        if (part.kind() == Kind.SEGMENT) {
          pos++;
        }
      }
      int end;
      if (last) {
        end = uri.length();
      } else {
        // the next part is a literal (never two adjacent expressions): its first occurrence ends the run
        end = uri.indexOf(parts.get(k + 1).literal(), pos + 1);
        if (end < 0) {
          return null;
        }
      }
      if (end <= pos) {
        return null; // every expression matches a non-empty run
      }
      Object value = value(part.kind(), uri, pos, end);
      if (value == null) {
        return null;
      }
      values.put(part.name(), value);
      pos = end;
    }
    return pos == uri.length() ? values : null;
  }

  private static Object value(Kind kind, String uri, int from, int to) {
    switch (kind) {
      case SIMPLE:
      case SEGMENT:
        return allowed(uri, from, to, false) ? PercentCoding.decode(uri, from, to) : null;
      case RESERVED:
        return allowed(uri, from, to, true) ? PercentCoding.decode(uri, from, to) : null;
      case EXPLODED: {
        List<String> segments = new ArrayList<>();
        int start = from; // at a '/'
        while (start < to) {
          int next = start + 1;
          while (next < to && uri.charAt(next) != '/') {
            next++;
          }
          if (next == start + 1 || !allowed(uri, start + 1, next, false)) {
            return null; // an empty segment, or '?'
          }
          String seg = PercentCoding.decode(uri, start + 1, next);
          if (seg == null) {
            return null;
          }
          segments.add(seg);
          start = next;
        }
        return List.copyOf(segments);
      }
      default:
        return null;
    }
  }

  private static boolean allowed(String uri, int from, int to, boolean slash) {
    for (int i = from; i < to; i++) {
      char c = uri.charAt(i);
      if (c == '?' || c == '#' || c == '/' && !slash) {
        return false;
      }
    }
    return true;
  }

  private static String printable(char c) {
    return c < 0x20 || c > 0x7e ? String.format("\\u%04x", (int) c) : String.valueOf(c);
  }

  /**
   * Expands the template with {@code values} (strings, or a list of strings for {@code {/name*}}), percent-encoding
   * every character a value may not carry literally: the inverse of {@link #match}.
   */
  public String expand(Map<String, ?> values) {
    StringBuilder b = new StringBuilder();
    for (Part p : parts) {
      if (p.isLiteral()) {
        b.append(p.literal());
        continue;
      }
      Object v = values.get(p.name());
      switch (p.kind()) {
        case SIMPLE -> b.append(PercentCoding.encode(String.valueOf(v), false));
        case SEGMENT -> b.append('/').append(PercentCoding.encode(String.valueOf(v), false));
        case RESERVED -> b.append(PercentCoding.encode(String.valueOf(v), true));
        case EXPLODED -> {
          for (Object seg : (List<?>) v) {
            b.append('/').append(PercentCoding.encode(String.valueOf(seg), false));
          }
        }
        default -> throw new IllegalStateException();
      }
    }
    return b.toString();
  }

  @Override
  public String toString() {
    return text;
  }
}
