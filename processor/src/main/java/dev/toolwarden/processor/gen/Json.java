package dev.toolwarden.processor.gen;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** A minimal, deterministic JSON writer for schema trees (maps keep insertion order). */
public final class Json {

  private Json() {}

  public static String write(Object value) {
    StringBuilder b = new StringBuilder();
    write(value, b);
    return b.toString();
  }

  private static void write(Object v, StringBuilder b) {
    if (v == null) {
      b.append("null");
    } else if (v instanceof String s) {
      b.append(quote(s));
    } else if (v instanceof BigDecimal d) {
      b.append(d.toString());
    } else if (v instanceof Number || v instanceof Boolean) {
      b.append(v);
    } else if (v instanceof RawJson r) {
      b.append(r.text());
    } else if (v instanceof Map<?, ?> m) {
      b.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (!first) {
          b.append(',');
        }
        first = false;
        b.append(quote(String.valueOf(e.getKey()))).append(':');
        write(e.getValue(), b);
      }
      b.append('}');
    } else if (v instanceof List<?> l) {
      b.append('[');
      for (int i = 0; i < l.size(); i++) {
        if (i > 0) {
          b.append(',');
        }
        write(l.get(i), b);
      }
      b.append(']');
    } else {
      throw new IllegalArgumentException("not JSON: " + v.getClass());
    }
  }

  /** Indented JSON, two spaces a level, one member per line. */
  public static String pretty(Object value) {
    StringBuilder b = new StringBuilder();
    pretty(value, b, 0);
    return b.toString();
  }

  private static void pretty(Object v, StringBuilder b, int depth) {
    String indent = "  ".repeat(depth + 1);
    if (v instanceof Map<?, ?> m && !m.isEmpty()) {
      b.append("{\n");
      int i = 0;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        b.append(indent).append(quote(String.valueOf(e.getKey()))).append(": ");
        pretty(e.getValue(), b, depth + 1);
        b.append(++i < m.size() ? ",\n" : "\n");
      }
      b.append("  ".repeat(depth)).append('}');
    } else if (v instanceof List<?> l && !l.isEmpty()) {
      b.append("[\n");
      for (int i = 0; i < l.size(); i++) {
        b.append(indent);
        pretty(l.get(i), b, depth + 1);
        b.append(i + 1 < l.size() ? ",\n" : "\n");
      }
      b.append("  ".repeat(depth)).append(']');
    } else {
      write(v, b);
    }
  }

  /** Already-serialised JSON text, e.g. a default value. */
  public record RawJson(String text) {}

  public static String quote(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        case '\b' -> b.append("\\b");
        case '\f' -> b.append("\\f");
        default -> {
          if (c < 0x20 || c == '\u2028' || c == '\u2029') {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}
