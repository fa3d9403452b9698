package dev.toolwarden.processor.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A URI template of the subset Toolwarden supports (the runtime's matcher implements the same): a scheme without
 * expressions, literal text of RFC 3986 characters or {@code %XX}, and expressions {@code {name}}, {@code {/name}},
 * {@code {+name}} and {@code {/name*}}, one variable each, never adjacent, each variable once, {@code {+name}} and
 * {@code {/name*}} only last. {@link #parse} returns the template or says what is wrong with it.
 *
 * @param text the template as written
 * @param parts the literal and expression parts, in order
 */
public record UriTemplate(String text, List<Part> parts) {

  /** How an expression matches and what its value is. */
  public enum Operator {
    /** {@code {name}}: one or more characters other than {@code / ? #}. */
    SIMPLE("", ""),
    /** {@code {/name}}: {@code /} and one path segment. */
    SEGMENT("/", ""),
    /** {@code {+name}}: one or more characters other than {@code ? #}, {@code /} included. */
    RESERVED("+", ""),
    /** {@code {/name*}}: one or more {@code /segment}; the value is a list of segments. */
    SEGMENTS("/", "*");

    final String prefix;
    final String suffix;

    Operator(String prefix, String suffix) {
      this.prefix = prefix;
      this.suffix = suffix;
    }

    /** Whether the value may hold a path of several segments or is one segment: where {@code @SafePath} fits. */
    public boolean pathShaped() {
      return this == SEGMENT || this == RESERVED;
    }
  }

  /** A literal or an expression. */
  public sealed interface Part {}

  /** Literal text, matched exactly. */
  public record Literal(String text) implements Part {}

  /** One expression: its operator and variable name. */
  public record Expression(Operator operator, String name) implements Part {
    /** The expression as written in the template. */
    public String written() {
      return "{" + operator.prefix + name + operator.suffix + "}";
    }

    /** The expression without its variable name ({@code {+}}): two templates alike but for names match alike. */
    public String anonymous() {
      return "{" + operator.prefix + operator.suffix + "}";
    }
  }

  /** A template, or the reason the text is not one. */
  public record Parsed(UriTemplate template, String problem) {}

  /** RFC 3986 reserved and unreserved characters that may stand in a template's literal text. */
  private static final String LITERAL_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
      + "-._~:/?#[]@!$&'()*+,;=";

  /** The variables in order. */
  public List<Expression> variables() {
    List<Expression> out = new ArrayList<>();
    for (Part p : parts) {
      if (p instanceof Expression e) {
        out.add(e);
      }
    }
    return out;
  }

  /** The variable of that name, or null. */
  public Expression variable(String name) {
    for (Expression e : variables()) {
      if (e.name().equals(name)) {
        return e;
      }
    }
    return null;
  }

  /** Parses a template of the supported subset. */
  public static Parsed parse(String text) {
    int colon = schemeEnd(text);
    if (colon < 0) {
      return problem("it does not start with a URI scheme such as \"file:\" (a letter, then letters, digits, "
          + "'+', '-' or '.', then ':', with no expression in it)");
    }
    List<Part> parts = new ArrayList<>();
    Set<String> names = new HashSet<>();
    StringBuilder literal = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '{') {
        int close = text.indexOf('}', i);
        if (close < 0) {
          return problem("the expression at offset " + i + " is not closed with '}'");
        }
        String body = text.substring(i + 1, close);
        Expression e = expression(body);
        if (e == null) {
          return problem("the expression {" + body + "} is not supported: use {name}, {/name}, {+name} or "
              + "{/name*} with a name of [A-Za-z_][A-Za-z0-9_]*");
        }
        if (literal.length() > 0) {
          parts.add(new Literal(literal.toString()));
          literal.setLength(0);
        } else if (!parts.isEmpty() && parts.get(parts.size() - 1) instanceof Expression previous) {
          return problem("the expressions " + previous.written() + " and " + e.written()
              + " are adjacent: put literal text between them");
        }
        if (!names.add(e.name())) {
          return problem("the variable '" + e.name() + "' appears twice");
        }
        parts.add(e);
        i = close + 1;
      } else if (c == '}') {
        return problem("it has a '}' at offset " + i + " outside an expression");
      } else if (c == '%') {
        if (i + 2 >= text.length() || !isHex(text.charAt(i + 1)) || !isHex(text.charAt(i + 2))) {
          return problem("the '%' at offset " + i + " is not followed by two hexadecimal digits");
        }
        literal.append(text, i, i + 3);
        i += 3;
      } else if (LITERAL_CHARS.indexOf(c) >= 0) {
        literal.append(c);
        i++;
      } else {
        return problem("the character '" + printable(c) + "' at offset " + i
            + " is not allowed in a URI: percent-encode it");
      }
    }
    if (literal.length() > 0) {
      parts.add(new Literal(literal.toString()));
    }
    for (int p = 0; p < parts.size(); p++) {
      if (parts.get(p) instanceof Expression e && (e.operator() == Operator.RESERVED
          || e.operator() == Operator.SEGMENTS) && p != parts.size() - 1) {
        return problem(e.written() + " takes the rest of the URI, so it must be the last part of the template");
      }
    }
    return new Parsed(new UriTemplate(text, List.copyOf(parts)), null);
  }

  /** The offset of the scheme's ':', or -1 when the text does not start with a scheme (before any '{'). */
  static int schemeEnd(String text) {
    if (text.isEmpty() || !isAsciiLetter(text.charAt(0))) {
      return -1;
    }
    for (int i = 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ':') {
        return i;
      }
      if (!isAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.') {
        return -1;
      }
    }
    return -1;
  }

  private static Expression expression(String body) {
    Operator op = Operator.SIMPLE;
    String name = body;
    if (body.startsWith("/") && body.endsWith("*")) {
      op = Operator.SEGMENTS;
      name = body.substring(1, body.length() - 1);
    } else if (body.startsWith("/")) {
      op = Operator.SEGMENT;
      name = body.substring(1);
    } else if (body.startsWith("+")) {
      op = Operator.RESERVED;
      name = body.substring(1);
    }
    return isName(name) ? new Expression(op, name) : null;
  }

  private static boolean isName(String s) {
    if (s.isEmpty() || !(isAsciiLetter(s.charAt(0)) || s.charAt(0) == '_')) {
      return false;
    }
    for (int i = 1; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!isAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '_') {
        return false;
      }
    }
    return true;
  }

  private static boolean isAsciiLetter(char c) {
    return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
  }

  private static boolean isHex(char c) {
    return c >= '0' && c <= '9' || c >= 'A' && c <= 'F' || c >= 'a' && c <= 'f';
  }

  private static String printable(char c) {
    return c < 0x20 || c > 0x7e ? String.format("\\u%04x", (int) c) : String.valueOf(c);
  }

  private static Parsed problem(String why) {
    return new Parsed(null, why);
  }
}
