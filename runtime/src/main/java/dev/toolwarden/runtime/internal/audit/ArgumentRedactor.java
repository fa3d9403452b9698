package dev.toolwarden.runtime.internal.audit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies a tool's {@code @Redact} input pointers (the {@code /input/…} entries of
 * {@code ToolPolicy.redacted()}, {@code *} for every list element or map value) to the
 * arguments a client sent: a bounded copy with each redacted value replaced by {@value #MASK}
 * for the audit trail, and the redacted values themselves, so that messages can be scrubbed of
 * them. Built once per tool; thread-safe.
 */
public final class ArgumentRedactor {

  public static final String MASK = "****";

  static final int MAX_DEPTH = 6;
  static final int MAX_ENTRIES = 32;
  static final int MAX_STRING = 200;

  private static final String INPUT = "/input";

  private final Node root;

  private ArgumentRedactor(Node root) {
    this.root = root;
  }

  /** From the pointers of {@code ToolPolicy.redacted()}; output pointers are ignored here. */
  public static ArgumentRedactor of(Collection<String> redactedPointers) {
    Node root = new Node();
    for (String p : redactedPointers) {
      if (!p.equals(INPUT) && !p.startsWith(INPUT + "/")) {
        continue;
      }
      Node n = root;
      if (p.length() > INPUT.length()) {
        for (String token : p.substring(INPUT.length() + 1).split("/", -1)) {
          n = n.child(unescape(token));
        }
      }
      n.redacted = true;
    }
    return new ArgumentRedactor(root);
  }

  /** Whether the tool has no redacted input. */
  public boolean isEmpty() {
    return !root.redacted && root.children.isEmpty() && root.any == null;
  }

  /**
   * A copy of {@code arguments} for the audit trail: redacted values masked, at most
   * {@value #MAX_DEPTH} levels, {@value #MAX_ENTRIES} entries per object or array and
   * {@value #MAX_STRING} characters per string.
   */
  public Object redact(Map<String, Object> arguments) {
    return copy(arguments, List.of(root), 0);
  }

  /** The values under redacted pointers, as text (every leaf of a redacted object or array). */
  public List<String> secrets(Map<String, Object> arguments) {
    if (isEmpty()) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    collect(arguments, List.of(root), out, 0);
    return out;
  }

  private static Object copy(Object value, List<Node> nodes, int depth) {
    for (Node n : nodes) {
      if (n.redacted) {
        return MASK;
      }
    }
    if (value instanceof Map<?, ?> m) {
      if (depth >= MAX_DEPTH) {
        return "…";
      }
      Map<String, Object> out = new LinkedHashMap<>();
      int i = 0;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (i++ == MAX_ENTRIES) {
          out.put("…", (m.size() - MAX_ENTRIES) + " more");
          break;
        }
        String key = String.valueOf(e.getKey());
        out.put(key.length() > 64 ? key.substring(0, 64) + "…" : key, copy(e.getValue(), next(nodes, key), depth + 1));
      }
      return out;
    }
    if (value instanceof List<?> l) {
      if (depth >= MAX_DEPTH) {
        return "…";
      }
      List<Object> out = new ArrayList<>(Math.min(l.size(), MAX_ENTRIES + 1));
      for (int i = 0; i < l.size(); i++) {
        if (i == MAX_ENTRIES) {
          out.add((l.size() - MAX_ENTRIES) + " more");
          break;
        }
        out.add(copy(l.get(i), next(nodes, Integer.toString(i)), depth + 1));
      }
      return out;
    }
    if (value instanceof String s && s.length() > MAX_STRING) {
      return s.substring(0, MAX_STRING) + "…";
    }
    return value;
  }

  private static void collect(Object value, List<Node> nodes, List<String> out, int depth) {
    if (nodes.isEmpty() || depth > 64) {
      return;
    }
    for (Node n : nodes) {
      if (n.redacted) {
        leaves(value, out, depth);
        return;
      }
    }
    if (value instanceof Map<?, ?> m) {
      for (Map.Entry<?, ?> e : m.entrySet()) {
        collect(e.getValue(), next(nodes, String.valueOf(e.getKey())), out, depth + 1);
      }
    } else if (value instanceof List<?> l) {
      for (int i = 0; i < l.size(); i++) {
        collect(l.get(i), next(nodes, Integer.toString(i)), out, depth + 1);
      }
    }
  }

  private static void leaves(Object value, List<String> out, int depth) {
    if (value == null || depth > 64) {
      return;
    }
    if (value instanceof Map<?, ?> m) {
      for (Object v : m.values()) {
        leaves(v, out, depth + 1);
      }
    } else if (value instanceof List<?> l) {
      for (Object v : l) {
        leaves(v, out, depth + 1);
      }
    } else {
      out.add(value.toString());
    }
  }

  private static List<Node> next(List<Node> nodes, String key) {
    List<Node> out = null;
    for (Node n : nodes) {
      Node c = n.children.get(key);
      if (c != null) {
        (out == null ? out = new ArrayList<>(2) : out).add(c);
      }
      if (n.any != null) {
        (out == null ? out = new ArrayList<>(2) : out).add(n.any);
      }
    }
    return out == null ? List.of() : out;
  }

  private static String unescape(String token) {
    return token.replace("~1", "/").replace("~0", "~");
  }

  private static final class Node {
    boolean redacted;
    final Map<String, Node> children = new HashMap<>();
    Node any;

    Node child(String token) {
      if (token.equals("*")) {
        return any == null ? any = new Node() : any;
      }
      return children.computeIfAbsent(token, k -> new Node());
    }
  }
}
