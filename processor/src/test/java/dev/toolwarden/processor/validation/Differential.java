package dev.toolwarden.processor.validation;

import com.networknt.schema.Error;
import dev.toolwarden.processor.validation.Tool.Crashed;
import dev.toolwarden.processor.validation.Tool.Rejected;
import dev.toolwarden.processor.validation.Tool.Verdict;
import dev.toolwarden.runtime.spi.Violation;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Runs one tool's generated validator and the oracle on the same arguments and sorts every
 * disagreement: a crash of the generated code, a format-only difference (the two sides' format
 * semantics differ; reported, never silent), a named known discrepancy, or a real disagreement.
 */
final class Differential {

  /** The outcome of one input on both sides. */
  record Outcome(String json, Map<String, Object> arguments, Verdict subject, Oracle.Result oracle) {

    boolean oracleAccepts() {
      return oracle.valid();
    }

    boolean agree() {
      return !(subject instanceof Crashed) && subject.accepted() == oracleAccepts();
    }

    String describe(Tool tool) {
      StringBuilder b = new StringBuilder();
      b.append("tool:   ").append(tool).append('\n');
      b.append("schema: ").append(tool.schema()).append('\n');
      b.append("input:  ").append(json).append('\n');
      b.append("as SDK arguments: ").append(types(arguments)).append('\n');
      b.append("generated validator: ").append(describe(subject)).append('\n');
      b.append("networknt (formats asserted): ").append(oracle).append('\n');
      return b.toString();
    }

    /** The SDK's arguments with the Java type of every number, which is what decides most edge cases. */
    static String types(Object v) {
      if (v instanceof Map<?, ?> m) {
        StringBuilder b = new StringBuilder("{");
        m.forEach((k, x) -> b.append(b.length() > 1 ? ", " : "").append(k).append('=').append(types(x)));
        return b.append('}').toString();
      }
      if (v instanceof List<?> l) {
        StringBuilder b = new StringBuilder("[");
        l.forEach(x -> b.append(b.length() > 1 ? ", " : "").append(types(x)));
        return b.append(']').toString();
      }
      if (v instanceof Number n) {
        return n.getClass().getSimpleName() + "(" + n + ")";
      }
      if (v instanceof String s) {
        StringBuilder b = new StringBuilder();
        JsonText.quote(s, b);
        return b.toString();
      }
      return String.valueOf(v);
    }

    static String describe(Verdict v) {
      if (v instanceof Rejected r) {
        return "REJECT " + r.violations();
      }
      if (v instanceof Crashed c) {
        StringWriter w = new StringWriter();
        c.error().printStackTrace(new PrintWriter(w));
        return "CRASH " + w;
      }
      return "ACCEPT";
    }
  }

  /** What kind of disagreement. */
  enum Kind { CRASH, FORMAT_ONLY, KNOWN, REAL }

  record Disagreement(Kind kind, String label, Outcome outcome, String minimal) {

    /** Where and which way: "generated ACCEPTS, networknt REJECTS at /a/*". */
    String group() {
      Set<String> where = new java.util.TreeSet<>();
      if (outcome.subject() instanceof Rejected r) {
        r.violations().forEach(v -> where.add(normalize(v.pointer()) + " [" + v.rule() + "]"));
      }
      outcome.oracle().errors().forEach(e -> where.add(normalize(pointer(e)) + " [" + e.getKeyword() + "]"));
      return (outcome.subject() instanceof Crashed ? "generated CRASHES"
          : outcome.subject().accepted() ? "generated ACCEPTS, networknt REJECTS"
          : "generated REJECTS, networknt ACCEPTS") + " at " + where;
    }

    private static String normalize(String pointer) {
      return pointer.replaceAll("/[0-9]+", "/*").replaceAll("/k[0-9]+", "/*");
    }
  }

  /** A named, understood discrepancy that is reported but does not fail the run. */
  interface Known {
    String id();

    boolean matches(Tool tool, Outcome o);
  }

  /** Totals for one tool. */
  static final class Report {
    final Tool tool;
    int inputs;
    int accepted;
    int rejected;
    int lineTerminatorInputs;
    final List<Disagreement> disagreements = new ArrayList<>();
    final Map<String, Integer> formatOnly = new TreeMap<>();
    final Map<String, Set<String>> formatExamples = new TreeMap<>();
    final Map<String, Integer> known = new TreeMap<>();
    /** Inputs on which networknt threw (the SDK would call them invalid), with examples. */
    int oracleCrashes;
    final List<String> oracleCrashExamples = new ArrayList<>();
    /** Inputs the SDK's copy of the schema (bounds as doubles) judges differently from the schema text. */
    int sdkSchemaDiffers;
    long millis;
    String label = "";
    final List<String> sdkSchemaExamples = new ArrayList<>();

    Report(Tool tool) {
      this.tool = tool;
    }

    List<Disagreement> failures() {
      return disagreements.stream().filter(d -> d.kind() == Kind.CRASH || d.kind() == Kind.REAL).toList();
    }
  }

  /**
   * Formats whose semantics differ irreducibly or by documented choice between the generated
   * validator (java.time, java.net.URI, a pragmatic e-mail check) and networknt (ethlo ITU, an RFC
   * 3986 grammar, commons-validator with a TLD list). Differences there are counted and printed;
   * a format-only difference in any other format (uuid, date) fails like any disagreement.
   */
  static final Set<String> EXPECTED_FORMAT_DIFFERENCES = Set.of("email", "date-time", "duration", "uri");

  private final Tool tool;
  private final Inputs gen;
  private final List<Known> knownDiscrepancies;
  private final Report report;
  private Map<String, Object> agreedValid;
  private final Set<String> seen = new HashSet<>();

  private final JsonText.Numbers numbers;

  Differential(Tool tool, long seed, List<Known> knownDiscrepancies) {
    this(tool, seed, knownDiscrepancies, JsonText.Numbers.SDK);
  }

  Differential(Tool tool, long seed, List<Known> knownDiscrepancies, JsonText.Numbers numbers) {
    this.numbers = numbers;
    this.tool = tool;
    this.gen = new Inputs(tool.exactSchema(), seed);
    this.knownDiscrepancies = knownDiscrepancies;
    this.report = new Report(tool);
  }

  Inputs generator() {
    return gen;
  }

  static long parseNanos;
  static long subjectNanos;
  static long oracleNanos;

  static Outcome evaluate(Tool tool, String json) {
    return evaluate(tool, json, JsonText.Numbers.SDK);
  }

  static Outcome evaluate(Tool tool, String json, JsonText.Numbers numbers) {
    long t0 = System.nanoTime();
    Map<String, Object> args = numbers.parse(json);
    long t1 = System.nanoTime();
    Verdict subject = tool.invoke(args);
    long t2 = System.nanoTime();
    // the same map: generated invokers only read their arguments
    Oracle.Result oracle = tool.oracle().validate(args);
    long t3 = System.nanoTime();
    parseNanos += t1 - t0;
    subjectNanos += t2 - t1;
    oracleNanos += t3 - t2;
    return new Outcome(json, args, subject, oracle);
  }

  /** Generates and compares at least {@code target} distinct inputs. */
  Report run(int target) {
    long start = System.nanoTime();
    try {
      return runUntil(target);
    } finally {
      report.millis = (System.nanoTime() - start) / 1_000_000;
    }
  }

  private Report runUntil(int target) {
    int rounds = 0;
    while (report.inputs < target && rounds++ < 10_000) {
      Map<String, Object> base = gen.validArguments();
      compare(base);
      // keep every round small enough that several bases contribute
      for (Map<String, Object> m : gen.singleMutations(base, Math.max(200, target / 6))) {
        compare(m);
      }
      for (int i = 0; i < 40; i++) {
        compare(gen.multiMutation(base, 2 + gen.random().nextInt(4)));
      }
      for (int i = 0; i < 40; i++) {
        compare(gen.randomArguments());
      }
      for (int i = 0; i < 10; i++) {
        compare(gen.validArguments());
      }
    }
    return report;
  }

  void compare(Map<String, Object> arguments) {
    compare(JsonText.write(arguments), arguments);
  }

  void compare(String json, Map<String, Object> tree) {
    if (!seen.add(json)) {
      return;
    }
    report.inputs++;
    if (json.contains("\\u000a\"") || json.contains("\\u000d\"") || json.contains("\\u2028\"")
        || json.contains("\\u0085\"")) {
      report.lineTerminatorInputs++;
    }
    Outcome o = evaluate(tool, json, numbers);
    if (o.oracle().crash() != null || o.oracle().saturated()) {
      report.oracleCrashes++;
      if (report.oracleCrashExamples.size() < 5) {
        report.oracleCrashExamples.add(json + " -> " + (o.oracle().crash() == null ? "asLong() saturated 2^63"
            : o.oracle().crash().getMessage()) + "; generated validator: "
            + (o.subject().accepted() ? "ACCEPT" : "REJECT") + ", networknt on the widened tree: "
            + (o.oracleAccepts() ? "ACCEPT" : "REJECT"));
      }
    }
    if (tool.oracle().sdkRoundsBounds()) {
      Oracle.Result asSdk = tool.oracle().validateAsSdk(o.arguments());
      if (asSdk.valid() != o.oracleAccepts()) {
        report.sdkSchemaDiffers++;
        if (report.sdkSchemaExamples.size() < 5) {
          report.sdkSchemaExamples.add(json + " -> schema text: " + (o.oracleAccepts() ? "ACCEPT" : "REJECT")
              + ", SDK's Map of the schema: " + asSdk);
        }
      }
    }
    if (o.oracleAccepts()) {
      report.accepted++;
    } else {
      report.rejected++;
    }
    if (o.agree()) {
      if (o.oracleAccepts() && agreedValid == null) {
        agreedValid = tree;
      }
      return;
    }
    classify(o, tree);
  }

  private void classify(Outcome o, Map<String, Object> tree) {
    if (o.subject() instanceof Crashed) {
      report.disagreements.add(new Disagreement(Kind.CRASH, "crash", o, minimize(tree, o)));
      return;
    }
    String format = formatOnly(o);
    if (format != null && !EXPECTED_FORMAT_DIFFERENCES.containsAll(
        List.of(format.substring(0, format.indexOf(':')).split("\\+")))) {
      format = null; // uuid, date or an unknown format: the two sides must agree there
    }
    if (format != null) {
      report.formatOnly.merge(format, 1, Integer::sum);
      Set<String> ex = report.formatExamples.computeIfAbsent(format, k -> new java.util.LinkedHashSet<>());
      if (ex.size() < 15) {
        ex.add(formatExample(o));
      }
      report.disagreements.add(new Disagreement(Kind.FORMAT_ONLY, format, o, null));
      return;
    }
    // a known discrepancy, possibly next to format-only differences in other arguments
    Outcome withoutFormats = withoutFormats(o);
    for (Known k : knownDiscrepancies) {
      if (k.matches(tool, o) || withoutFormats != null && k.matches(tool, withoutFormats)) {
        report.known.merge(k.id(), 1, Integer::sum);
        report.disagreements.add(new Disagreement(Kind.KNOWN, k.id(), o, null));
        return;
      }
    }
    report.disagreements.add(new Disagreement(Kind.REAL, "real", o, minimize(tree, o)));
  }

  /** The outcome with the format errors (or format violations) of the side that rejects taken out. */
  private static Outcome withoutFormats(Outcome o) {
    if (o.subject().accepted()) {
      List<Error> rest = o.oracle().errors().stream().filter(e -> !"format".equals(e.getKeyword())).toList();
      return rest.size() == o.oracle().errors().size() ? null
          : new Outcome(o.json(), o.arguments(), o.subject(), new Oracle.Result(rest, o.oracle().crash(),
              o.oracle().unresolved(), o.oracle().saturated()));
    }
    if (o.subject() instanceof Rejected r) {
      List<Violation> rest = r.violations().stream().filter(v -> !"format".equals(v.rule())).toList();
      return rest.size() == r.violations().size() ? null : new Outcome(o.json(), o.arguments(), new Rejected(rest),
          o.oracle());
    }
    return null;
  }

  /**
   * The format behind a format-only difference ("email: generated rejects, networknt accepts"), or
   * null when the difference is not about formats alone.
   */
  private String formatOnly(Outcome o) {
    if (o.subject().accepted()) {
      // the oracle rejects: format-only when it accepts with formats as annotations
      if (!tool.oracle().validateIgnoringFormats(o.arguments()).valid() || o.oracle().unresolved()) {
        return null;
      }
      Set<String> formats = new java.util.TreeSet<>();
      for (Error e : o.oracle().errors()) {
        formats.add(formatAt(pointer(e)));
      }
      return String.join("+", formats) + ": generated validator ACCEPTS, networknt REJECTS";
    }
    List<Violation> vs = ((Rejected) o.subject()).violations();
    Set<String> formats = new java.util.TreeSet<>();
    for (Violation v : vs) {
      if (!v.rule().equals("format")) {
        return null;
      }
      formats.add(formatAt(v.pointer()));
    }
    return String.join("+", formats) + ": generated validator REJECTS, networknt ACCEPTS";
  }

  private String formatExample(Outcome o) {
    StringBuilder b = new StringBuilder();
    if (o.subject() instanceof Rejected r) {
      for (Violation v : r.violations()) {
        b.append(valueAt(o.json(), v.pointer())).append("; ");
      }
    } else {
      for (Error e : o.oracle().errors()) {
        b.append(valueAt(o.json(), pointer(e))).append("; ");
      }
    }
    return b.toString();
  }

  private static String valueAt(String json, String pointer) {
    Object cur = JsonText.sdkArguments(json);
    for (String t : tokens(pointer)) {
      if (cur instanceof Map<?, ?> m) {
        cur = m.get(t);
      } else if (cur instanceof List<?> l) {
        cur = l.get(Integer.parseInt(t));
      }
    }
    if (cur instanceof String s) {
      StringBuilder b = new StringBuilder();
      JsonText.quote(s, b);
      return b.toString();
    }
    return String.valueOf(cur);
  }

  static String pointer(Error e) {
    StringBuilder b = new StringBuilder();
    var p = e.getInstanceLocation();
    for (int i = 0; i < p.getNameCount(); i++) {
      b.append('/').append(String.valueOf(p.getElement(i)).replace("~", "~0").replace("/", "~1"));
    }
    return b.toString();
  }

  static List<String> tokens(String pointer) {
    List<String> out = new ArrayList<>();
    if (pointer.isEmpty()) {
      return out;
    }
    for (String t : pointer.substring(1).split("/", -1)) {
      out.add(t.replace("~1", "/").replace("~0", "~"));
    }
    return out;
  }

  /** The format keyword of the schema that governs the value at a pointer ("?" when none). */
  private String formatAt(String pointer) {
    Map<String, Object> s = tool.exactSchema();
    for (String t : tokens(pointer)) {
      s = gen.main(s);
      Map<String, Object> props = Inputs.map(s.get("properties"));
      if (props != null && props.containsKey(t)) {
        s = Inputs.map(props.get(t));
      } else if (Inputs.map(s.get("additionalProperties")) != null) {
        s = Inputs.map(s.get("additionalProperties"));
      } else if (Inputs.map(s.get("items")) != null) {
        s = Inputs.map(s.get("items"));
      } else {
        return "?";
      }
    }
    Object f = gen.main(s).get("format");
    return f == null ? "?" : f.toString();
  }

  /**
   * Shrinks a disagreeing input: each top-level argument in turn takes its value from an input both
   * sides accept (or goes away), as long as the same disagreement remains.
   */
  private String minimize(Map<String, Object> tree, Outcome original) {
    if (agreedValid == null) {
      return original.json();
    }
    Map<String, Object> cur = new LinkedHashMap<>(tree);
    Set<String> keys = new java.util.LinkedHashSet<>(cur.keySet());
    keys.addAll(agreedValid.keySet());
    for (String k : keys) {
      Map<String, Object> candidate = new LinkedHashMap<>(cur);
      if (agreedValid.containsKey(k)) {
        candidate.put(k, agreedValid.get(k));
      } else {
        candidate.remove(k);
      }
      Outcome o = evaluate(tool, JsonText.write(candidate), numbers);
      if (!o.agree() && o.subject().accepted() == original.subject().accepted()
          && (o.subject() instanceof Crashed) == (original.subject() instanceof Crashed)) {
        cur = candidate;
      }
    }
    // show only the arguments that differ from the accepted input
    Map<String, Object> shown = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : cur.entrySet()) {
      if (!JsonText.write(e.getValue()).equals(JsonText.write(agreedValid.get(e.getKey())))
          || !agreedValid.containsKey(e.getKey())) {
        shown.put(e.getKey(), e.getValue());
      }
    }
    return JsonText.write(cur) + "   (differing arguments: " + JsonText.write(shown) + ")";
  }
}
