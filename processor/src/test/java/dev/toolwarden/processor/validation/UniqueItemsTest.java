package dev.toolwarden.processor.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwarden.processor.validation.Differential.Outcome;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code uniqueItems} (a {@code Set} argument) judged by JSON Schema 2020-12's own equality —
 * numbers are equal when mathematically equal, whatever their spelling — because here the oracle
 * itself is wrong (networknt compares JsonNodes: {@code [1, 1.0]} counts as unique, see
 * NETWORKNT-UNIQUE-NUMBERS). Each case states the verdict the specification gives.
 */
class UniqueItemsTest {

  /** An arguments object for SetTools#sets, its verdict by the specification, and a known bug if any. */
  record Case(String arguments, boolean valid, String knownBug) {}

  private static final String BASE = "\"tags\":[],\"ids\":[1],\"small\":[],\"ratios\":[],\"amounts\":[],\"flags\":[]";

  private static Case c(String override, boolean valid) {
    return c(override, valid, null);
  }

  private static Case c(String override, boolean valid, String knownBug) {
    String key = override.substring(1, override.indexOf('"', 1));
    String rest = BASE.replaceFirst("\"" + key + "\":\\[[^\\]]*\\]", "");
    rest = rest.replace(",,", ",").replaceAll("^,|,$", "");
    return new Case("{" + override + (rest.isEmpty() ? "" : "," + rest) + "}", valid, knownBug);
  }

  // 1 and 1.0, 100 and 1e2, 0 and -0.0 are the same JSON number: a Set must reject them as
  // duplicates (the generated reader counts distinct items with Check.distinct, not Java equals)

  static final List<Case> CASES = List.of(
      c("\"ids\":[1,1.0]", false),
      c("\"ids\":[1,1e0]", false),
      c("\"ids\":[1,2]", true),
      c("\"small\":[2147483647,2147483647.0]", false),
      c("\"small\":[-0,0]", false),
      c("\"tags\":[\"a\",\"a\"]", false),
      c("\"tags\":[\"a\",\"A\"]", true),
      c("\"tags\":[\"\\u00e9\",\"e\\u0301\"]", true),
      c("\"flags\":[true,true]", false),
      c("\"flags\":[true,false]", true),
      c("\"ratios\":[1,1.0]", false),
      c("\"ratios\":[0.1,0.10]", false),
      c("\"ratios\":[0,-0.0]", false),
      c("\"ratios\":[0.0,-0.0]", false),
      c("\"ratios\":[0.5,-0.5]", true),
      c("\"amounts\":[1.5,1.50]", false),
      c("\"amounts\":[1,1.0]", false),
      c("\"amounts\":[100,1e2]", false),
      c("\"amounts\":[0,-0.0]", false),
      c("\"amounts\":[1,2]", true));

  @Test
  void setsRejectDuplicatesAsJsonSchemaDefinesThem() {
    Tool tool = Corpus.get().tool("sets");
    List<String> failures = new ArrayList<>();
    List<String> known = new ArrayList<>();
    List<String> fixed = new ArrayList<>();
    for (Case c : CASES) {
      Outcome o = Differential.evaluate(tool, c.arguments());
      String line = c.arguments() + ": specification " + (c.valid() ? "ACCEPT" : "REJECT") + ", generated "
          + Outcome.describe(o.subject()) + ", networknt "
          + (o.oracleAccepts() ? "ACCEPT" : "REJECT");
      System.out.println(line);
      boolean right = o.subject().accepted() == c.valid() && !(o.subject() instanceof Tool.Crashed);
      if (c.knownBug() != null) {
        (right ? fixed : known).add(c.knownBug() + " " + line);
      } else if (!right) {
        failures.add(line);
      }
    }
    known.forEach(k -> System.out.println("KNOWN BUG " + k));
    assertEquals(List.of(), failures);
    assertTrue(fixed.isEmpty(), () -> "fixed, remove the known-bug marker: " + fixed);
  }
}
