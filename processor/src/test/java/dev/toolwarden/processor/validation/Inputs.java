package dev.toolwarden.processor.validation;

import dev.toolwarden.processor.validation.JsonText.Num;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Generates arguments for one schema, driven by the schema itself: valid instances, and from each
 * of them every single-point mutation (boundary values, wrong types, nulls, missing and unknown
 * properties, sizes, duplicates, pattern and format near-misses), multi-point mutations and random
 * JSON. Whether a generated input is valid is not assumed anywhere: the oracle decides.
 */
final class Inputs {

  /** Numbers on type-range, precision and spelling edges, as JSON text. */
  static final List<String> EDGE_NUMBERS = List.of(
      "0", "-0", "0.0", "-0.0", "1", "-1", "1.0", "1e2", "1E2", "1e+2", "100e-2", "3.0", "3.5", "2.5", "0.5",
      "1e-9", "127", "128", "-128", "-129", "255", "32767", "32768", "-32768", "-32769", "2147483647",
      "2147483648", "-2147483648", "-2147483649", "2147483647.0", "2147483647.5", "4294967296", "9007199254740991",
      "9007199254740992", "9007199254740993", "9223372036854775807", "9223372036854775808", "-9223372036854775808",
      "-9223372036854775809", "9223372036854775807.0", "9.223372036854776E18", "18446744073709551616", "1e19",
      "1.0e19", "123456789012345678901234567890", "1e30", "1E+30", "-1e30", "1e308", "1.7976931348623157e308",
      "1.7976931348623159e308", "1e309", "1e400", "-1e400", "1e-400", "4.9e-324", "3.4028235e38",
      "3.4028234663852886e38", "3.4028236e38", "340282346638528859811704183484516925440",
      "340282346638528859811704183484516925441", "-3.4028235e38", "3.4e38", "-3.4e38", "-3.4000000000000001e38",
      "4611686018427387904", "4.611686018427388E18", "4611686018427387950", "4611686018427387951",
      "4.6116860184273879E18", "0.1", "0.3", "0.30000000000000004", "0.29999999999999999", "0.1000000000000000000001",
      "0.10000000000000000001", "0.100000000000000000009", "1.5", "-1.5", "-1.4999999999999999", "7.9", "8", "7",
      "-3", "-2", "2", "10", "9.999999999999999", "1000", "1000.0000000000001", "1e3", "1.500000000000000000001",
      "2e23", "1e22", "1e23");

  private static final BigDecimal[] DELTAS = {
      BigDecimal.ZERO, BigDecimal.ONE, BigDecimal.ONE.negate(), new BigDecimal("0.5"), new BigDecimal("-0.5"),
      new BigDecimal("1e-9"), new BigDecimal("-1e-9"), new BigDecimal("1e-17"), new BigDecimal("-1e-17")};

  private final Map<String, Object> root;
  private final Random rnd;

  Inputs(Map<String, Object> root, long seed) {
    this.root = root;
    this.rnd = new Random(seed);
  }

  Random random() {
    return rnd;
  }

  // ---- schema access -------------------------------------------------------------------------

  @SuppressWarnings("unchecked")
  Map<String, Object> resolve(Map<String, Object> s) {
    Object ref = s.get("$ref");
    if (ref instanceof String r && r.startsWith("#/$defs/")) {
      return resolve((Map<String, Object>) ((Map<String, Object>) root.get("$defs")).get(r.substring(8)));
    }
    return s;
  }

  /** The non-null branch of a nullable {@code anyOf}, resolved; the schema itself otherwise. */
  @SuppressWarnings("unchecked")
  Map<String, Object> main(Map<String, Object> s) {
    s = resolve(s);
    if (s.get("anyOf") instanceof List<?> branches) {
      for (Object b : branches) {
        Map<String, Object> m = (Map<String, Object>) b;
        if (!"null".equals(m.get("type"))) {
          return resolve(m);
        }
      }
    }
    return s;
  }

  static boolean nullable(Map<String, Object> s) {
    if (s.get("type") instanceof List<?> types && types.contains("null")) {
      return true;
    }
    if (s.get("anyOf") instanceof List<?> branches) {
      for (Object b : branches) {
        if (b instanceof Map<?, ?> m && "null".equals(m.get("type"))) {
          return true;
        }
      }
    }
    return false;
  }

  /** The first non-null JSON type of a (main) schema; "object" for a record. */
  static String type(Map<String, Object> s) {
    Object t = s.get("type");
    if (t instanceof String str) {
      return str;
    }
    if (t instanceof List<?> l) {
      for (Object o : l) {
        if (!"null".equals(o)) {
          return (String) o;
        }
      }
    }
    return "any";
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object o) {
    return o instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
  }

  static BigDecimal decimal(Object o) {
    return o == null ? null : new BigDecimal(o.toString());
  }

  static int integer(Object o, int fallback) {
    return o == null ? fallback : ((Number) o).intValue();
  }

  // ---- valid instances -----------------------------------------------------------------------

  Map<String, Object> validArguments() {
    return map(valid(root, 0));
  }

  Object valid(Map<String, Object> schema, int depth) {
    Map<String, Object> s = main(schema);
    boolean nullable = nullable(resolve(schema)) || nullable(s);
    if (nullable && rnd.nextInt(depth > 3 ? 2 : 8) == 0) {
      return null;
    }
    if (s.get("enum") instanceof List<?> values) {
      Object v;
      do {
        v = values.get(rnd.nextInt(values.size()));
      } while (v == null && values.size() > 1 && rnd.nextBoolean());
      return v;
    }
    switch (type(s)) {
      case "object" -> {
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Object> props = map(s.get("properties"));
        if (props != null) {
          List<?> required = s.get("required") instanceof List<?> r ? r : List.of();
          for (Map.Entry<String, Object> e : props.entrySet()) {
            if (required.contains(e.getKey()) || rnd.nextInt(depth > 3 ? 6 : 5) < 3) {
              out.put(e.getKey(), valid(map(e.getValue()), depth + 1));
            }
          }
        } else {
          Map<String, Object> values = map(s.get("additionalProperties"));
          int min = integer(s.get("minProperties"), 0);
          int max = integer(s.get("maxProperties"), Integer.MAX_VALUE);
          int n = depth > 3 ? min : min + rnd.nextInt(Math.max(1, Math.min(max - min, 3) + 1));
          for (int i = 0; out.size() < n && i < n + 5; i++) {
            out.put(key(i), values == null ? Num.of(i) : valid(values, depth + 1));
          }
        }
        return out;
      }
      case "array" -> {
        Map<String, Object> items = map(s.get("items"));
        int min = integer(s.get("minItems"), 0);
        int max = integer(s.get("maxItems"), Integer.MAX_VALUE);
        int n = depth > 3 ? min : min + rnd.nextInt(Math.max(1, Math.min(max - min, 3) + 1));
        boolean unique = Boolean.TRUE.equals(s.get("uniqueItems"));
        List<Object> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int tries = 0; out.size() < n && tries < 3 * n + 10; tries++) {
          Object v = valid(items, depth + 1);
          if (!unique || seen.add(JsonText.write(v))) {
            out.add(v);
          }
        }
        return out;
      }
      case "string" -> {
        return validString(s);
      }
      case "integer" -> {
        return validNumber(s, true);
      }
      case "number" -> {
        return validNumber(s, false);
      }
      case "boolean" -> {
        return rnd.nextBoolean();
      }
      default -> {
        return null;
      }
    }
  }

  private String key(int i) {
    return switch (rnd.nextInt(8)) {
      case 0 -> "k/" + i;
      case 1 -> "~" + i;
      case 2 -> "\u00e9" + i;
      default -> "k" + i;
    };
  }

  private String validString(Map<String, Object> s) {
    int min = integer(s.get("minLength"), 0);
    int max = integer(s.get("maxLength"), Integer.MAX_VALUE);
    List<String> candidates = new ArrayList<>();
    if (s.get("format") instanceof String f && !s.containsKey("pattern")) {
      candidates.addAll(Samples.validFormat(f, rnd));
    } else if (s.get("pattern") instanceof String p) {
      candidates.addAll(Samples.witnesses(p, rnd));
    }
    candidates.removeIf(c -> length(c) < min || length(c) > max);
    if (!candidates.isEmpty()) {
      return candidates.get(rnd.nextInt(candidates.size()));
    }
    int n = min + rnd.nextInt(Math.max(1, Math.min(max - min, 6) + 1));
    String out = Samples.randomString(rnd, n);
    if (s.containsKey("pattern") || s.containsKey("allOf")) {
      // not-blank: make sure one character is not whitespace
      out = n == 0 ? out : "x" + out.substring(out.offsetByCodePoints(0, 1));
    }
    return out;
  }

  static int length(String s) {
    return s.codePointCount(0, s.length());
  }

  private Num validNumber(Map<String, Object> s, boolean integer) {
    BigDecimal lo = lower(s, integer);
    BigDecimal hi = upper(s, integer);
    BigDecimal from = lo != null ? lo : hi != null ? hi.subtract(BigDecimal.valueOf(1000)) : BigDecimal.valueOf(-1000);
    BigDecimal to = hi != null ? hi : from.add(BigDecimal.valueOf(2000));
    if (rnd.nextInt(4) == 0) {
      // near a bound
      BigDecimal edge = rnd.nextBoolean() ? from : to;
      return new Num(edge.stripTrailingZeros().toPlainString());
    }
    BigDecimal span = to.subtract(from);
    if (span.compareTo(BigDecimal.valueOf(1_000_000)) > 0) {
      span = BigDecimal.valueOf(1_000_000);
      from = from.max(BigDecimal.valueOf(-500_000)).min(to.subtract(span));
    }
    BigDecimal v = from.add(span.multiply(BigDecimal.valueOf(rnd.nextDouble())));
    v = integer ? v.setScale(0, RoundingMode.CEILING) : v.setScale(rnd.nextInt(4), RoundingMode.CEILING);
    if (v.compareTo(to) > 0) {
      v = to;
    }
    if (!integer && s.containsKey("exclusiveMinimum") && v.compareTo(decimal(s.get("exclusiveMinimum"))) <= 0) {
      v = decimal(s.get("exclusiveMinimum")).add(new BigDecimal("0.001"));
    }
    if (!integer && s.containsKey("exclusiveMaximum") && v.compareTo(decimal(s.get("exclusiveMaximum"))) >= 0) {
      v = decimal(s.get("exclusiveMaximum")).subtract(new BigDecimal("0.001"));
    }
    return new Num(v.toPlainString());
  }

  private static BigDecimal lower(Map<String, Object> s, boolean integer) {
    if (s.containsKey("minimum")) {
      BigDecimal m = decimal(s.get("minimum"));
      return integer ? m.setScale(0, RoundingMode.CEILING) : m;
    }
    if (s.containsKey("exclusiveMinimum")) {
      BigDecimal m = decimal(s.get("exclusiveMinimum"));
      return integer ? m.setScale(0, RoundingMode.FLOOR).add(BigDecimal.ONE) : m;
    }
    return null;
  }

  private static BigDecimal upper(Map<String, Object> s, boolean integer) {
    if (s.containsKey("maximum")) {
      BigDecimal m = decimal(s.get("maximum"));
      return integer ? m.setScale(0, RoundingMode.FLOOR) : m;
    }
    if (s.containsKey("exclusiveMaximum")) {
      BigDecimal m = decimal(s.get("exclusiveMaximum"));
      return integer ? m.setScale(0, RoundingMode.CEILING).subtract(BigDecimal.ONE) : m;
    }
    return null;
  }

  // ---- replacement values at one node --------------------------------------------------------

  /** Values to put where a value of this schema belongs: boundaries, near misses and wrong types. */
  List<Object> variants(Map<String, Object> schema, Object current, int depth) {
    Map<String, Object> s = main(schema);
    List<Object> out = new ArrayList<>();
    out.add(null);
    out.add(true);
    out.add("5");
    out.add("");
    out.add(new Num("0"));
    out.add(new Num("1.5"));
    out.add(List.of());
    out.add(new LinkedHashMap<>());
    out.add(List.of("x"));
    out.add(new LinkedHashMap<>(Map.of("k", new Num("1"))));
    if (s.get("enum") instanceof List<?> values) {
      for (Object v : values) {
        out.add(v);
        if (v instanceof String str) {
          out.add(str.toLowerCase(Locale.ROOT));
          out.add(str.toUpperCase(Locale.ROOT));
          out.add(str + " ");
          out.add(" " + str);
        }
      }
      return out;
    }
    switch (type(s)) {
      case "integer", "number" -> numbers(s, out);
      case "string" -> strings(s, current, out);
      case "array" -> arrays(s, current, depth, out);
      case "object" -> objects(s, depth, out);
      case "boolean" -> {
        out.add(false);
        out.add(new Num("1"));
        out.add("true");
      }
      default -> { }
    }
    return out;
  }

  private void numbers(Map<String, Object> s, List<Object> out) {
    for (String k : List.of("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum")) {
      if (s.containsKey(k)) {
        BigDecimal b = decimal(s.get(k));
        for (BigDecimal d : DELTAS) {
          BigDecimal v = b.add(d);
          out.add(new Num(v.toPlainString()));
          out.add(new Num(v.toString()));
        }
        BigDecimal stripped = b.stripTrailingZeros();
        if (stripped.scale() <= 0) {
          out.add(new Num(stripped.toPlainString() + ".0"));
          out.add(new Num(stripped.toPlainString() + "e0"));
        }
        // the neighbours of the bound as a double
        double d = b.doubleValue();
        if (Double.isFinite(d)) {
          out.add(new Num(BigDecimal.valueOf(Math.nextUp(d)).toString()));
          out.add(new Num(BigDecimal.valueOf(Math.nextDown(d)).toString()));
          out.add(new Num(new BigDecimal(Math.nextUp(d)).toString()));
        }
      }
    }
    for (int i = 0; i < 12; i++) {
      out.add(new Num(EDGE_NUMBERS.get(rnd.nextInt(EDGE_NUMBERS.size()))));
    }
    Num v = validNumber(s, "integer".equals(type(s)));
    BigDecimal n = v.value();
    out.add(v);
    out.add(new Num(n.toPlainString() + (n.scale() <= 0 ? ".0" : "0")));
    out.add(new Num(n.toPlainString() + "e0"));
    out.add(new Num(n.movePointRight(1).toPlainString() + "e-1"));
    out.add(new Num(n.add(new BigDecimal("0.5")).toPlainString()));
    out.add(n.toPlainString());
    out.add(false);
  }

  private void strings(Map<String, Object> s, Object current, List<Object> out) {
    int min = integer(s.get("minLength"), -1);
    int max = integer(s.get("maxLength"), -1);
    for (int n : new int[] {min - 1, min, min + 1, max - 1, max, max + 1}) {
      if (n >= 0 && n < 100) {
        out.add("a".repeat(n));
        out.add(Samples.ASTRAL.repeat(n));
        out.add("b".repeat(Math.max(0, n - 1)) + Samples.ASTRAL);
        out.add(" ".repeat(n));
      }
    }
    List<String> bases = new ArrayList<>();
    if (current instanceof String c) {
      bases.add(c);
    }
    if (s.get("pattern") instanceof String p) {
      bases.addAll(Samples.witnesses(p, rnd));
    }
    if (s.get("format") instanceof String f) {
      bases.addAll(Samples.validFormat(f, rnd));
      out.addAll(Samples.edgeFormat(f));
    }
    for (String b : bases) {
      out.add(b);
      out.add(b + "\n");
      out.add(b + "\r\n");
      out.add(b + "\r");
      out.add(b + "\u2028");
      out.add(b + "\u0085");
      out.add("\n" + b);
      out.add(b + "x");
      out.add("x" + b);
      out.add(b + " ");
      out.add(b.toUpperCase(Locale.ROOT));
      out.add(b.toLowerCase(Locale.ROOT));
      if (!b.isEmpty()) {
        out.add(b.substring(0, b.offsetByCodePoints(b.length(), -1)));
        out.add(b.substring(b.offsetByCodePoints(0, 1)));
        out.add(b + b);
      }
    }
    for (int i = 0; i < 8; i++) {
      out.add(Samples.AWKWARD.get(rnd.nextInt(Samples.AWKWARD.size())));
    }
    out.add(Samples.randomString(rnd, rnd.nextInt(8)));
    out.add(new Num("5"));
    out.add(false);
  }

  private void arrays(Map<String, Object> s, Object current, int depth, List<Object> out) {
    Map<String, Object> items = map(s.get("items"));
    int min = integer(s.get("minItems"), -1);
    int max = integer(s.get("maxItems"), -1);
    for (int n : new int[] {min - 1, min, max, max + 1}) {
      if (n >= 0 && n < 50) {
        List<Object> l = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          l.add(valid(items, depth + 4));
        }
        out.add(l);
      }
    }
    Object element = valid(items, depth + 4);
    List<Object> withNull = new ArrayList<>();
    withNull.add(element);
    withNull.add(null);
    out.add(withNull);
    out.add(java.util.Arrays.asList(JsonText.copy(element), JsonText.copy(element)));
    if (element instanceof Num n) {
      // the same number spelled twice differently: equal for uniqueItems
      BigDecimal v = n.value();
      out.add(List.of(n, new Num(v.toPlainString() + (v.scale() <= 0 ? ".0" : "0"))));
      out.add(List.of(n, new Num(v.toPlainString() + "e0")));
    }
    if (current instanceof List<?> l && !l.isEmpty()) {
      List<Object> dup = new ArrayList<>(l);
      dup.add(JsonText.copy(l.get(rnd.nextInt(l.size()))));
      out.add(dup);
      List<Object> fewer = new ArrayList<>(l);
      fewer.remove(rnd.nextInt(fewer.size()));
      out.add(fewer);
    }
    out.add(List.of(List.of()));
    out.add("[]");
  }

  private void objects(Map<String, Object> s, int depth, List<Object> out) {
    Map<String, Object> values = map(s.get("additionalProperties"));
    if (s.containsKey("properties")) {
      Object v = valid(s, depth + 4);
      Map<String, Object> extra = new LinkedHashMap<>(map(v));
      extra.put("unknown", new Num("1"));
      out.add(extra);
      return;
    }
    int min = integer(s.get("minProperties"), -1);
    int max = integer(s.get("maxProperties"), -1);
    for (int n : new int[] {min - 1, min, max, max + 1}) {
      if (n >= 0 && n < 50) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
          m.put("k" + i, values == null ? Num.of(i) : valid(values, depth + 4));
        }
        out.add(m);
      }
    }
    if (values != null) {
      for (String k : List.of("a/b", "~1", "", " ", "\u00e9", Samples.ASTRAL, "__proto__", "constructor")) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(k, valid(values, depth + 4));
        out.add(m);
      }
      Map<String, Object> nullValue = new LinkedHashMap<>();
      nullValue.put("k", null);
      out.add(nullValue);
    }
  }

  // ---- walking and mutating a whole input ----------------------------------------------------

  /** A node of an instance: where it is and the schema that governs it. */
  record Node(List<Object> path, Map<String, Object> schema, Object value) {}

  void walk(Map<String, Object> schema, Object value, List<Object> path, Consumer<Node> visit) {
    visit.accept(new Node(path, schema, value));
    Map<String, Object> s = main(schema);
    if (value instanceof Map<?, ?> m) {
      Map<String, Object> props = map(s.get("properties"));
      Map<String, Object> extra = map(s.get("additionalProperties"));
      for (Map.Entry<?, ?> e : m.entrySet()) {
        Map<String, Object> child = props != null ? map(props.get(e.getKey())) : null;
        if (child == null) {
          child = extra;
        }
        if (child != null) {
          walk(child, e.getValue(), append(path, e.getKey()), visit);
        }
      }
    } else if (value instanceof List<?> l) {
      Map<String, Object> items = map(s.get("items"));
      if (items != null) {
        for (int i = 0; i < l.size(); i++) {
          walk(items, l.get(i), append(path, i), visit);
        }
      }
    }
  }

  private static List<Object> append(List<Object> path, Object token) {
    List<Object> p = new ArrayList<>(path);
    p.add(token);
    return p;
  }

  /**
   * {@code count} random single-point mutations of a valid instance: a replacement value at a random
   * node (boundaries, near misses, wrong types; each node's candidates computed once), or a structural
   * change of a random object (a property dropped, an unknown one added, an absent optional one set
   * to a valid value or to null).
   */
  List<Map<String, Object>> singleMutations(Map<String, Object> base, int count) {
    List<Map<String, Object>> out = new ArrayList<>();
    List<Node> nodes = new ArrayList<>();
    walk(root, base, List.of(), nodes::add);
    List<Node> objects = new ArrayList<>();
    for (Node n : nodes) {
      if (n.value() instanceof Map<?, ?>) {
        objects.add(n);
      }
    }
    List<Node> inner = new ArrayList<>(nodes);
    inner.removeIf(n -> n.path().isEmpty());
    Map<Node, List<Object>> candidates = new java.util.IdentityHashMap<>();
    for (int i = 0; i < count; i++) {
      if (!inner.isEmpty() && (objects.isEmpty() || rnd.nextInt(5) != 0)) {
        Node n = inner.get(rnd.nextInt(inner.size()));
        List<Object> vs = candidates.computeIfAbsent(n, k -> variants(k.schema(), k.value(), k.path().size()));
        out.add(replace(base, n.path(), vs.get(rnd.nextInt(vs.size()))));
      } else if (!objects.isEmpty()) {
        out.add(structural(base, objects.get(rnd.nextInt(objects.size()))));
      }
    }
    return out;
  }

  private Map<String, Object> structural(Map<String, Object> base, Node n) {
    Map<String, Object> copy = map(JsonText.copy(base));
    Map<String, Object> target = map(at(copy, n.path()));
    Map<String, Object> props = map(main(n.schema()).get("properties"));
    List<String> absent = new ArrayList<>();
    if (props != null) {
      for (String k : props.keySet()) {
        if (!target.containsKey(k)) {
          absent.add(k);
        }
      }
    }
    int r = rnd.nextInt(4);
    if (r == 0 && !target.isEmpty()) {
      List<String> keys = new ArrayList<>(target.keySet());
      target.remove(keys.get(rnd.nextInt(keys.size())));
    } else if (r == 1 && !absent.isEmpty()) {
      String k = absent.get(rnd.nextInt(absent.size()));
      target.put(k, valid(map(props.get(k)), n.path().size() + 1));
    } else if (r == 2 && !absent.isEmpty()) {
      target.put(absent.get(rnd.nextInt(absent.size())), null);
    } else {
      target.put(List.of("unknown", "Unknown", "a/b", "~", "").get(rnd.nextInt(5)), new Num("1"));
    }
    return copy;
  }

  /** Applies {@code k} random single-point replacements at distinct nodes. */
  Map<String, Object> multiMutation(Map<String, Object> base, int k) {
    List<Node> nodes = new ArrayList<>();
    walk(root, base, List.of(), nodes::add);
    nodes.removeIf(n -> n.path().isEmpty());
    Map<String, Object> out = base;
    for (int i = 0; i < k && !nodes.isEmpty(); i++) {
      Node n = nodes.remove(rnd.nextInt(nodes.size()));
      List<Object> vs = variants(n.schema(), n.value(), n.path().size());
      try {
        out = replace(out, n.path(), vs.get(rnd.nextInt(vs.size())));
      } catch (RuntimeException e) {
        // the node vanished under an earlier replacement: skip it
      }
    }
    return out;
  }

  private static Map<String, Object> replace(Map<String, Object> base, List<Object> path, Object value) {
    Map<String, Object> copy = map(JsonText.copy(base));
    Object parent = at(copy, path.subList(0, path.size() - 1));
    Object last = path.get(path.size() - 1);
    if (parent instanceof Map<?, ?> m) {
      map(m).put((String) last, JsonText.copy(value));
    } else {
      @SuppressWarnings("unchecked")
      List<Object> l = (List<Object>) parent;
      l.set((Integer) last, JsonText.copy(value));
    }
    return copy;
  }

  private static Object at(Object tree, List<Object> path) {
    Object cur = tree;
    for (Object t : path) {
      cur = cur instanceof Map<?, ?> m ? m.get(t) : ((List<?>) cur).get((Integer) t);
    }
    return cur;
  }

  // ---- random JSON ---------------------------------------------------------------------------

  Object randomJson(int depth) {
    int r = rnd.nextInt(depth > 2 ? 6 : 8);
    return switch (r) {
      case 0 -> null;
      case 1 -> rnd.nextBoolean();
      case 2 -> new Num(EDGE_NUMBERS.get(rnd.nextInt(EDGE_NUMBERS.size())));
      case 3 -> new Num(Long.toString(rnd.nextInt(2001) - 1000));
      case 4 -> Samples.AWKWARD.get(rnd.nextInt(Samples.AWKWARD.size()));
      case 5 -> Samples.randomString(rnd, rnd.nextInt(6));
      case 6 -> {
        List<Object> l = new ArrayList<>();
        for (int i = rnd.nextInt(4); i > 0; i--) {
          l.add(randomJson(depth + 1));
        }
        yield l;
      }
      default -> {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = rnd.nextInt(4); i > 0; i--) {
          m.put(rnd.nextBoolean() ? "k" + i : Samples.randomString(rnd, 2), randomJson(depth + 1));
        }
        yield m;
      }
    };
  }

  /** An arguments object whose keys mostly are the schema's, with random or valid values. */
  Map<String, Object> randomArguments() {
    Map<String, Object> out = new LinkedHashMap<>();
    Map<String, Object> props = map(root.get("properties"));
    for (Map.Entry<String, Object> e : props.entrySet()) {
      int r = rnd.nextInt(10);
      if (r < 4) {
        out.put(e.getKey(), valid(map(e.getValue()), 1));
      } else if (r < 8) {
        out.put(e.getKey(), randomJson(1));
      }
    }
    if (rnd.nextInt(10) == 0) {
      out.put(Samples.randomString(rnd, 3), randomJson(1));
    }
    return out;
  }
}
