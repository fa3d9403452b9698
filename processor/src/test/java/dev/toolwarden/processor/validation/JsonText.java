package dev.toolwarden.processor.validation;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Generated inputs are JSON trees of {@code Map} (insertion-ordered), {@code List}, {@code String},
 * {@code Boolean}, {@code null} and {@link Num} — a number kept as the exact text a client wrote
 * ({@code 1e2}, {@code -0}, {@code 3.0}), so the SDK's parser decides what Java type it becomes,
 * exactly as at run time.
 */
final class JsonText {

  /** A JSON number, as written. */
  record Num(String text) {
    Num {
      if (!text.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?")) {
        throw new IllegalArgumentException("not a JSON number: " + text);
      }
    }

    static Num of(long n) {
      return new Num(Long.toString(n));
    }

    static Num of(BigDecimal d) {
      return new Num(d.toString());
    }

    BigDecimal value() {
      return new BigDecimal(text);
    }

    @Override
    public String toString() {
      return text;
    }
  }

  private static final TypeRef<Map<String, Object>> MAP = new TypeRef<>() {};

  /** The SDK's mapper: what turns a tools/call request's arguments into {@code Map<String, Object>}. */
  static final McpJsonMapper SDK = McpJsonDefaults.getMapper();

  /** Reads schemas with exact numbers (bounds), for the generator only. */
  private static final JsonMapper EXACT = JsonMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .build();

  private JsonText() {}

  /** How the arguments' numbers are parsed. */
  enum Numbers {
    /** As the MCP SDK 2.1.0 does: Integer/Long/BigInteger for integers, Double for the rest. */
    SDK,
    /**
     * Integers as the SDK does, every other number as an exact BigDecimal: what a runtime would get
     * by giving the SDK a mapper with {@code USE_BIG_DECIMAL_FOR_FLOATS}, to stop losing digits.
     */
    EXACT;

    Map<String, Object> parse(String json) {
      return this == SDK ? sdkArguments(json) : exactArguments(json);
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> exactArguments(String json) {
    return EXACT.readValue(json, Map.class);
  }

  /** Parses JSON object text as the SDK does for tool arguments. */
  static Map<String, Object> sdkArguments(String json) {
    try {
      return SDK.readValue(json, MAP);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses a schema with exact numbers, into Maps and Lists. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> exact(String json) {
    return EXACT.readValue(json, Map.class);
  }

  static String write(Object v) {
    StringBuilder b = new StringBuilder();
    write(v, b);
    return b.toString();
  }

  private static void write(Object v, StringBuilder b) {
    if (v == null) {
      b.append("null");
    } else if (v instanceof String s) {
      quote(s, b);
    } else if (v instanceof Num n) {
      b.append(n.text());
    } else if (v instanceof Boolean) {
      b.append(v);
    } else if (v instanceof Map<?, ?> m) {
      b.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (!first) {
          b.append(',');
        }
        first = false;
        quote((String) e.getKey(), b);
        b.append(':');
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
    } else if (v instanceof Raw r) {
      b.append(r.text());
    } else {
      throw new IllegalArgumentException("not a JSON tree value: " + v.getClass());
    }
  }

  /** Verbatim JSON text inside a tree (used for random JSON). */
  record Raw(String text) {}

  /** Escapes every control character, every non-ASCII character and lone surrogates, so any string survives. */
  static void quote(String s, StringBuilder b) {
    b.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (c < 0x20 || c >= 0x7f) {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    b.append('"');
  }

  /** A deep copy of a tree (maps and lists are copied; leaves are immutable). */
  static Object copy(Object v) {
    if (v instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        out.put((String) e.getKey(), copy(e.getValue()));
      }
      return out;
    }
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      for (Object o : l) {
        out.add(copy(o));
      }
      return out;
    }
    return v;
  }
}
