package dev.toolwarden.processor.validation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwarden.processor.validation.Differential.Outcome;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The minimal inputs of the bugs the differential test found in the generated code and in
 * {@code Check}, kept as regressions: the generated validator must judge each as its schema does.
 */
class FixedBugsTest {

  record Bug(String id, String tool, String input, boolean schemaAccepts) {}

  static final List<Bug> BUGS = List.of(
      // fixed bugs stay as regressions: the generated validator now judges these as the schema does
      new Bug("TW-FLOAT-RANGE", "scalars_primitive",
          "{\"flag\":true,\"b\":1,\"s\":1,\"i\":1,\"l\":1,\"f\":340282346638528859811704183484516925441,\"d\":1}", false),
      new Bug("TW-FLOAT-RANGE", "scalars_primitive",
          "{\"flag\":true,\"b\":1,\"s\":1,\"i\":1,\"l\":1,\"f\":3.4028234663852886e38,\"d\":1}", false),
      new Bug("TW-FLOAT-RANGE", "scalars_primitive",
          "{\"flag\":true,\"b\":1,\"s\":1,\"i\":1,\"l\":1,\"f\":-340282346638528859811704183484516925441,\"d\":1}", false),
      new Bug("TW-OPTIONAL-MERGE", "optionals_merged", "{\"both\":\"ABC\"}", false),
      new Bug("TW-OPTIONAL-MERGE", "optionals_merged", "{\"blankAndSize\":\"abcd\"}", false));

  @Test
  void fixedBugsStayFixed() {
    List<String> fixed = new ArrayList<>();
    for (Bug b : BUGS) {
      Tool tool = Corpus.get().tool(b.tool());
      Outcome o = Differential.evaluate(tool, b.input());
      System.out.println("FIXED BUG " + b.id() + " on " + tool + "\n  input " + b.input() + "\n  schema "
          + (b.schemaAccepts() ? "ACCEPTS" : "REJECTS") + "; generated validator: " + Outcome.describe(o.subject())
          + "; networknt: " + o.oracle());
      if (o.subject().accepted() != b.schemaAccepts()) {
        fixed.add(b.id() + " " + b.input());
      }
      assertTrue(o.oracleAccepts() == b.schemaAccepts(), () -> "the oracle changed its mind on " + b);
    }
    assertTrue(fixed.isEmpty(), () -> "regressed: the generated validator disagrees with its schema again: " + fixed);
  }
}
