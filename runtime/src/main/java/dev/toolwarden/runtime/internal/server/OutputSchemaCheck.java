package dev.toolwarden.runtime.internal.server;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The SDK's check of a tool's structured output against its output schema, compiled once for the schemas the
 * processor writes. The SDK's validator (networknt, JSON Schema 2020-12) converts the content to a JSON tree,
 * hashes the whole schema to find its cache entry and prints the content back to text on every call; for an
 * output schema of a generated bundle — {@code type}, {@code properties}, {@code required},
 * {@code additionalProperties}, {@code items}, {@code uniqueItems}, {@code enum} of strings, {@code anyOf}, local
 * {@code $ref}s and annotations — the same verdict is a walk over the content.
 *
 * <p>Exactly the SDK's verdict or none: a schema with any other keyword does not compile ({@link #compile} returns
 * null), and content on which this check could differ from the SDK's (a fraction where an integer is expected, a
 * number that is not finite, a map with a key that is not a string, objects or lists among unique items, a Java
 * type the writer does not produce) is {@link Verdict#UNSURE}: the caller asks the SDK's validator then.
 * {@code format} is an annotation in the SDK's validator (2020-12 default), so it is one here too.
 * {@code OutputSchemaCheckTest} compares both on random content.
 */
final class OutputSchemaCheck {

  /** What the check says of one content. */
  enum Verdict { VALID, INVALID, UNSURE }

  private static final Set<String> ANNOTATIONS = Set.of("$schema", "description", "title", "format", "default",
      "examples", "deprecated", "readOnly", "writeOnly", "$comment");

  private final Node root;

  private OutputSchemaCheck(Node root) {
    this.root = root;
  }

  /** The check of {@code schema}, or null when it uses a keyword this check does not know. */
  static OutputSchemaCheck compile(Map<String, Object> schema) {
    try {
      Map<?, ?> defs = schema.get("$defs") instanceof Map<?, ?> d ? d : Map.of();
      return new OutputSchemaCheck(new Compiler(defs).node(schema, true));
    } catch (Unsupported | ClassCastException e) { // a keyword it does not know, or one of a shape it cannot read
      return null;
    }
  }

  /** The verdict on {@code content}; the first problem found is written to {@code problem} when invalid. */
  Verdict check(Object content, StringBuilder problem) {
    return root.check(content, "$", problem);
  }

  /** A schema node: one JSON Schema object. */
  private interface Node {
    Verdict check(Object value, String path, StringBuilder problem);
  }

  private static final class Unsupported extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unsupported() {
      super(null, null, false, false);
    }
  }

  /** Compiles schema objects into nodes, resolving {@code #/$defs/..} references lazily (records may recurse). */
  private static final class Compiler {
    private final Map<?, ?> defs;
    private final Map<String, Node> compiledDefs = new java.util.HashMap<>();

    Compiler(Map<?, ?> defs) {
      this.defs = defs;
    }

    Node node(Object schemaObject, boolean root) {
      if (!(schemaObject instanceof Map<?, ?> schema)) {
        throw new Unsupported(); // boolean schemas are not written by the processor
      }
      List<Node> parts = new ArrayList<>();
      for (Map.Entry<?, ?> e : schema.entrySet()) {
        String keyword = (String) e.getKey();
        Object value = e.getValue();
        switch (keyword) {
          case "type" -> parts.add(type(value));
          case "enum" -> parts.add(enumeration(value));
          case "properties" -> parts.add(properties(value));
          case "required" -> parts.add(required(value));
          case "additionalProperties" -> parts.add(additional(value, schema.get("properties")));
          case "items" -> parts.add(items(node(value, false)));
          case "uniqueItems" -> {
            if (Boolean.TRUE.equals(value)) {
              parts.add(OutputSchemaCheck::unique);
            } else if (!Boolean.FALSE.equals(value)) {
              throw new Unsupported();
            }
          }
          case "anyOf" -> parts.add(anyOf(value));
          case "$ref" -> parts.add(reference(value));
          case "$defs" -> {
            if (!root) {
              throw new Unsupported();
            }
          }
          default -> {
            if (!ANNOTATIONS.contains(keyword)) {
              throw new Unsupported();
            }
          }
        }
      }
      return (value, path, problem) -> {
        Verdict verdict = Verdict.VALID;
        for (Node part : parts) {
          verdict = both(verdict, part.check(value, path, problem));
          if (verdict == Verdict.INVALID) {
            return verdict;
          }
        }
        return verdict;
      };
    }

    private Node reference(Object value) {
      if (!(value instanceof String ref) || !ref.startsWith("#/$defs/") || !defs.containsKey(ref.substring(8))) {
        throw new Unsupported();
      }
      String name = ref.substring(8);
      Node known = compiledDefs.get(name);
      if (known != null) {
        return known;
      }
      Node[] target = new Node[1];
      Node proxy = (v, p, pr) -> target[0].check(v, p, pr); // a record that contains itself meets this proxy
      compiledDefs.put(name, proxy);
      target[0] = node(defs.get(name), false);
      return proxy;
    }

    private Node anyOf(Object value) {
      if (!(value instanceof List<?> list) || list.isEmpty()) {
        throw new Unsupported();
      }
      List<Node> branches = new ArrayList<>();
      for (Object branch : list) {
        branches.add(node(branch, false));
      }
      return (v, path, problem) -> {
        boolean unsure = false;
        for (Node branch : branches) {
          Verdict verdict = branch.check(v, path, new StringBuilder());
          if (verdict == Verdict.VALID) {
            return verdict;
          }
          unsure |= verdict == Verdict.UNSURE;
        }
        if (unsure) {
          return Verdict.UNSURE;
        }
        return invalid(problem, path, "matches none of the allowed schemas");
      };
    }

    private Node properties(Object value) {
      if (!(value instanceof Map<?, ?> props)) {
        throw new Unsupported();
      }
      Map<String, Node> nodes = new java.util.LinkedHashMap<>();
      for (Map.Entry<?, ?> p : props.entrySet()) {
        nodes.put((String) p.getKey(), node(p.getValue(), false));
      }
      return (v, path, problem) -> {
        if (!(v instanceof Map<?, ?> map)) {
          return Verdict.VALID; // applies to objects only
        }
        Verdict verdict = Verdict.VALID;
        for (Map.Entry<String, Node> p : nodes.entrySet()) {
          if (map.containsKey(p.getKey())) {
            verdict = both(verdict, p.getValue().check(map.get(p.getKey()), path + "." + p.getKey(), problem));
            if (verdict == Verdict.INVALID) {
              return verdict;
            }
          }
        }
        return verdict;
      };
    }

    private static Node required(Object value) {
      if (!(value instanceof List<?> names)) {
        throw new Unsupported();
      }
      List<String> required = new ArrayList<>();
      for (Object name : names) {
        required.add((String) name);
      }
      return (v, path, problem) -> {
        if (!(v instanceof Map<?, ?> map)) {
          return Verdict.VALID;
        }
        for (String name : required) {
          if (!map.containsKey(name)) {
            return invalid(problem, path, "required property '" + name + "' not found");
          }
        }
        return Verdict.VALID;
      };
    }

    private Node additional(Object value, Object properties) {
      Set<String> declared = new HashSet<>();
      if (properties instanceof Map<?, ?> props) {
        for (Object k : props.keySet()) {
          declared.add((String) k);
        }
      }
      Node extra = Boolean.FALSE.equals(value) ? null : node(value, false);
      return (v, path, problem) -> {
        if (!(v instanceof Map<?, ?> map)) {
          return Verdict.VALID;
        }
        Verdict verdict = Verdict.VALID;
        for (Map.Entry<?, ?> e : map.entrySet()) {
          if (!(e.getKey() instanceof String key)) {
            return Verdict.UNSURE;
          }
          if (declared.contains(key)) {
            continue;
          }
          if (extra == null) {
            return invalid(problem, path, "property '" + key + "' is not defined in the schema");
          }
          verdict = both(verdict, extra.check(e.getValue(), path + "." + key, problem));
          if (verdict == Verdict.INVALID) {
            return verdict;
          }
        }
        return verdict;
      };
    }

    private static Node items(Node item) {
      return (v, path, problem) -> {
        if (!(v instanceof List<?> list)) {
          return Verdict.VALID;
        }
        Verdict verdict = Verdict.VALID;
        for (int i = 0; i < list.size(); i++) {
          verdict = both(verdict, item.check(list.get(i), path + "[" + i + "]", problem));
          if (verdict == Verdict.INVALID) {
            return verdict;
          }
        }
        return verdict;
      };
    }

    private static Node enumeration(Object value) {
      if (!(value instanceof List<?> constants)) {
        throw new Unsupported();
      }
      for (Object c : constants) {
        if (c != null && !(c instanceof String)) {
          throw new Unsupported(); // the processor writes enums of constant names (and null)
        }
      }
      Set<Object> allowed = new HashSet<>(constants); // strings and null
      return (v, path, problem) -> {
        if (!isPlainValue(v)) {
          return Verdict.UNSURE;
        }
        return allowed.contains(v) ? Verdict.VALID : invalid(problem, path, "does not have a value in the enumeration");
      };
    }

    private static Node type(Object value) {
      List<String> types = new ArrayList<>();
      if (value instanceof String t) {
        types.add(t);
      } else if (value instanceof List<?> list) {
        for (Object t : list) {
          types.add((String) t);
        }
      } else {
        throw new Unsupported();
      }
      for (String t : types) {
        if (!Set.of("string", "integer", "number", "boolean", "object", "array", "null").contains(t)) {
          throw new Unsupported();
        }
      }
      return (v, path, problem) -> {
        Verdict verdict = Verdict.INVALID;
        for (String t : types) {
          Verdict one = isOfType(v, t);
          if (one == Verdict.VALID) {
            return one;
          }
          if (one == Verdict.UNSURE) {
            verdict = one;
          }
        }
        return verdict == Verdict.UNSURE ? verdict
            : invalid(problem, path, (v == null ? "null" : "a value") + " found, " + String.join(" or ", types) + " expected");
      };
    }
  }

  private static Verdict isOfType(Object v, String type) {
    if (!isPlainValue(v)) {
      return Verdict.UNSURE; // not something the generated writers produce: the SDK's conversion decides
    }
    if ((v instanceof Double d && !Double.isFinite(d)) || (v instanceof Float f && !Float.isFinite(f))) {
      return Verdict.UNSURE;
    }
    if ("integer".equals(type) && (v instanceof Double || v instanceof Float || v instanceof java.math.BigDecimal)) {
      return Verdict.UNSURE; // an integral fraction counts as an integer in 2020-12: the SDK's validator decides
    }
    boolean is = switch (type) {
      case "null" -> v == null;
      case "string" -> v instanceof String;
      case "boolean" -> v instanceof Boolean;
      case "object" -> v instanceof Map;
      case "array" -> v instanceof List;
      case "number" -> v instanceof Number;
      case "integer" -> v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte
          || v instanceof BigInteger;
      default -> false;
    };
    return is ? Verdict.VALID : Verdict.INVALID;
  }

  /** The Java values the generated writers put into structured content. */
  private static boolean isPlainValue(Object v) {
    return v == null || v instanceof String || v instanceof Boolean || v instanceof Map || v instanceof List
        || v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte
        || v instanceof BigInteger || v instanceof Double || v instanceof Float || v instanceof java.math.BigDecimal;
  }

  /**
   * {@code uniqueItems}: the SDK's validator compares JSON tree nodes, which are equal only when of the same kind
   * (an int 1 and a long 1 are different nodes, and so are different Java boxes); that is Java's {@code equals}
   * on strings, booleans, null and boxed numbers. Objects and lists among the items are left to the SDK.
   */
  private static Verdict unique(Object v, String path, StringBuilder problem) {
    if (!(v instanceof List<?> list)) {
      return Verdict.VALID;
    }
    Set<Object> seen = new HashSet<>();
    for (Object item : list) {
      if (item instanceof Map || item instanceof List || !isPlainValue(item)
          || item instanceof Double || item instanceof Float || item instanceof java.math.BigDecimal) {
        return Verdict.UNSURE;
      }
      if (!seen.add(item)) { // a HashSet holds null too
        return invalid(problem, path, "must have only unique items");
      }
    }
    return Verdict.VALID;
  }

  /** The verdict of two checks of one value: invalid if either is, else unsure if either is. */
  private static Verdict both(Verdict a, Verdict b) {
    if (a == Verdict.INVALID || b == Verdict.INVALID) {
      return Verdict.INVALID;
    }
    return a == Verdict.UNSURE || b == Verdict.UNSURE ? Verdict.UNSURE : Verdict.VALID;
  }

  private static Verdict invalid(StringBuilder problem, String path, String message) {
    if (problem.length() == 0) {
      problem.append(path).append(": ").append(message);
    }
    return Verdict.INVALID;
  }
}
