package dev.toolwarden.processor.validation;

import dev.toolwarden.processor.validation.Differential.Disagreement;
import dev.toolwarden.processor.validation.Differential.Kind;
import dev.toolwarden.processor.validation.Differential.Report;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The generated validator accepts exactly what its schema accepts: for every tool of the corpus,
 * thousands of generated and random inputs go to the generated invoker and to networknt (the MCP
 * SDK's validator, 2020-12, formats asserted), and both must agree on accept/reject for every one.
 * Format-only differences and named known discrepancies are counted and printed, never silent.
 */
class DifferentialTest {

  /** Inputs per tool; -Dtoolwarden.diff.inputs=N to run more. */
  static final int INPUTS_PER_TOOL = Integer.getInteger("toolwarden.diff.inputs", 2000);

  static final long SEED = Long.getLong("toolwarden.diff.seed", 20261107L);

  private static final List<Report> REPORTS = new ArrayList<>();

  /** Arguments parsed as the MCP SDK parses them (doubles for fractions and exponents). */
  @TestFactory
  Stream<DynamicTest> generatedValidatorAgreesWithNetworknt() {
    return tests(JsonText.Numbers.SDK, INPUTS_PER_TOOL);
  }

  /**
   * The same with every non-integer number parsed as an exact BigDecimal (a mapper with
   * USE_BIG_DECIMAL_FOR_FLOATS), which exercises Check's BigDecimal paths; fewer inputs.
   */
  @TestFactory
  Stream<DynamicTest> generatedValidatorAgreesWithNetworkntOnExactNumbers() {
    return tests(JsonText.Numbers.EXACT, INPUTS_PER_TOOL / 4);
  }

  private Stream<DynamicTest> tests(JsonText.Numbers numbers, int inputs) {
    return Corpus.get().tools.stream().map(tool -> DynamicTest.dynamicTest(tool + " [" + numbers + "]", () -> {
      Report r = new Differential(tool, SEED ^ tool.name().hashCode() ^ numbers.ordinal(), KnownDiscrepancies.ALL,
          numbers).run(inputs);
      r.label = numbers.toString();
      synchronized (REPORTS) {
        REPORTS.add(r);
      }
      print(r);
      List<Disagreement> failures = r.failures();
      if (!failures.isEmpty()) {
        StringBuilder b = new StringBuilder(failures.size() + " disagreement(s) between the generated validator"
            + " and networknt for " + tool + " (of " + r.inputs + " inputs); one per kind:\n");
        Map<String, List<Disagreement>> groups = new TreeMap<>();
        for (Disagreement d : failures) {
          groups.computeIfAbsent(d.group(), k -> new ArrayList<>()).add(d);
        }
        for (Map.Entry<String, List<Disagreement>> g : groups.entrySet()) {
          Disagreement d = g.getValue().get(0);
          b.append("---- ").append(g.getValue().size()).append(" x ").append(g.getKey()).append('\n')
              .append(d.outcome().describe(tool));
          b.append("minimal: ").append(d.minimal()).append('\n');
        }
        throw new AssertionError(b.toString());
      }
    }));
  }

  static void print(Report r) {
    StringBuilder b = new StringBuilder();
    b.append(String.format("%-45s %-5s inputs=%5d accepted=%5d rejected=%5d line-terminator-suffixed=%4d",
        r.tool, r.label, r.inputs, r.accepted, r.rejected, r.lineTerminatorInputs));
    long real = r.disagreements.stream().filter(d -> d.kind() == Kind.REAL).count();
    long crash = r.disagreements.stream().filter(d -> d.kind() == Kind.CRASH).count();
    b.append(" real=").append(real).append(" crash=").append(crash).append(" ms=").append(r.millis);
    if (!r.formatOnly.isEmpty()) {
      b.append("\n    FORMAT-ONLY differences (reported, not failed):");
      for (Map.Entry<String, Integer> e : r.formatOnly.entrySet()) {
        b.append("\n      ").append(e.getValue()).append(" x ").append(e.getKey());
        for (String ex : r.formatExamples.get(e.getKey())) {
          b.append("\n         e.g. ").append(ex);
        }
      }
    }
    if (r.oracleCrashes > 0) {
      b.append("\n    NETWORKNT DEFECT (asLong() on a double >= 2^63: throws, or saturates 2^63) on ")
          .append(r.oracleCrashes).append(" inputs; verdict taken on the same numbers as big integers:");
      r.oracleCrashExamples.forEach(e -> b.append("\n      e.g. ").append(e));
    }
    if (r.sdkSchemaDiffers > 0) {
      b.append("\n    SDK-ROUNDED SCHEMA: ").append(r.sdkSchemaDiffers)
          .append(" inputs judged differently by the schema as the SDK holds it (bounds parsed as doubles):");
      r.sdkSchemaExamples.forEach(e -> b.append("\n      e.g. ").append(e));
    }
    if (!r.known.isEmpty()) {
      b.append("\n    KNOWN discrepancies (reported, not failed): ").append(r.known);
      for (Disagreement d : r.disagreements) {
        if (d.kind() == Kind.KNOWN) {
          b.append("\n      first ").append(d.label()).append(": ").append(d.outcome().json());
          break;
        }
      }
    }
    System.out.println(b);
  }

  @AfterAll
  static void summary() {
    int inputs = 0;
    int lineTerminated = 0;
    Map<String, Integer> formats = new TreeMap<>();
    Map<String, Integer> known = new TreeMap<>();
    int failures = 0;
    int oracleDefects = 0;
    int sdkRounded = 0;
    synchronized (REPORTS) {
      for (Report r : REPORTS) {
        oracleDefects += r.oracleCrashes;
        sdkRounded += r.sdkSchemaDiffers;
        inputs += r.inputs;
        lineTerminated += r.lineTerminatorInputs;
        r.formatOnly.forEach((k, v) -> formats.merge(k, v, Integer::sum));
        r.known.forEach((k, v) -> known.merge(k, v, Integer::sum));
        failures += r.failures().size();
      }
      System.out.println("==== differential summary: " + REPORTS.size() + " runs (schema x number parsing), "
          + inputs + " inputs compared, "
          + failures + " real disagreements/crashes, " + lineTerminated
          + " inputs with a string ending in a line terminator");
    }
    System.out.println("==== format-only differences (formats asserted by networknt vs. the generated validator):");
    formats.forEach((k, v) -> System.out.println("     " + v + " x " + k));
    System.out.println("==== known discrepancies: " + known);
    System.out.println("==== networknt asLong() defect worked around on " + oracleDefects + " inputs; the SDK's"
        + " double-rounded copy of a schema judged " + sdkRounded + " inputs differently from the schema text");
    System.out.printf("==== time: parse %d ms, generated validators %d ms, networknt %d ms%n",
        Differential.parseNanos / 1_000_000, Differential.subjectNanos / 1_000_000, Differential.oracleNanos / 1_000_000);
  }
}
