package dev.toolwarden.runtime.internal.feature;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts the strings MCP sends for template variables and prompt arguments to the JSON type their schema property
 * declares ({@code integer}, {@code number}, {@code boolean}), so generated binding sees the same values a tool's
 * arguments would carry. A string that does not convert is left as it is: the binding then reports the type error
 * with its pointer, exactly as for a tool.
 */
final class ArgumentTypes {

  private enum Type { INTEGER, NUMBER, BOOLEAN }

  private final Map<String, Type> types;

  private ArgumentTypes(Map<String, Type> types) {
    this.types = Map.copyOf(types);
  }

  /** From a JSON Schema object's {@code properties}; an unreadable schema converts nothing. */
  static ArgumentTypes of(String schema, McpJsonMapper json) {
    Map<String, Type> types = new HashMap<>();
    Map<String, Object> root;
    try {
      root = json.readValue(schema, new TypeRef<Map<String, Object>>() {});
    } catch (Exception e) { // NOPMD: a broken schema is reported when the tool-shaped definition is checked
      return new ArgumentTypes(types);
    }
    if (root != null && root.get("properties") instanceof Map<?, ?> props) {
      for (Map.Entry<?, ?> e : props.entrySet()) {
        if (e.getValue() instanceof Map<?, ?> prop) {
          Type t = typeOf(prop.get("type"));
          if (t != null) {
            types.put(String.valueOf(e.getKey()), t);
          }
        }
      }
    }
    return new ArgumentTypes(types);
  }

  /** {@code "integer"}, or {@code ["integer", "null"]}: the first convertible type named. */
  private static Type typeOf(Object type) {
    if (type instanceof String s) {
      return switch (s) {
        case "integer" -> Type.INTEGER;
        case "number" -> Type.NUMBER;
        case "boolean" -> Type.BOOLEAN;
        default -> null;
      };
    }
    if (type instanceof List<?> list) {
      for (Object o : list) {
        Type t = typeOf(o);
        if (t != null) {
          return t;
        }
      }
    }
    return null;
  }

  /** A converted copy of {@code raw} (insertion order kept). */
  Map<String, Object> convert(Map<String, ?> raw) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (raw == null) {
      return out;
    }
    for (Map.Entry<String, ?> e : raw.entrySet()) {
      Type t = types.get(e.getKey());
      Object v = e.getValue();
      out.put(e.getKey(), t != null && v instanceof String s ? convert(t, s) : v);
    }
    return out;
  }

  private static Object convert(Type t, String s) {
    try {
      switch (t) {
        case INTEGER: {
          if (s.isEmpty() || s.length() > 400 || !s.matches("-?[0-9]+")) {
            return s;
          }
          BigInteger big = new BigInteger(s);
          if (big.bitLength() < 32) {
            return big.intValue();
          }
          return big.bitLength() < 64 ? (Object) big.longValue() : big;
        }
        case NUMBER: {
          if (s.isEmpty() || s.length() > 400 || !s.matches("-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?")) {
            return s;
          }
          BigDecimal d = new BigDecimal(s);
          double v = d.doubleValue();
          return Double.isFinite(v) ? (Object) v : s;
        }
        case BOOLEAN:
          return "true".equals(s) ? Boolean.TRUE : "false".equals(s) ? (Object) Boolean.FALSE : s;
        default:
          return s;
      }
    } catch (RuntimeException e) { // NOPMD: unconvertible stays a string; binding reports it
      return s;
    }
  }
}
