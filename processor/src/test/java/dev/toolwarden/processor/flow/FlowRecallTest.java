package dev.toolwarden.processor.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.util.ArrayList;
import java.util.List;
import javax.tools.Diagnostic;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Recall and guards: every sink crossed with every flow shape fails the build with the sink's rule on the sink's
 * line, naming the argument; the same corpus with the sink kind's guard on the argument compiles.
 */
class FlowRecallTest {

  static List<FlowCorpus.SinkCase> sinks() {
    return FlowCorpus.sinks();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sinks")
  void everyFlowShapeFailsTheBuildOnTheSinkLine(FlowCorpus.SinkCase sink) {
    List<String> lines = FlowCorpus.toolClass(sink, "");
    Compilation c = FlowSources.compile(FlowSources.tool(lines));
    List<String> errors = FlowSources.diagnostics(c, Diagnostic.Kind.ERROR, sink.ruleId());
    List<FlowCorpus.Shape> shapes = FlowCorpus.shapes();
    List<String> missing = new ArrayList<>();
    for (int i = 0; i < shapes.size(); i++) {
      String prefix = FlowSources.lineOf(lines, "/* SINK-" + i + " */") + ": ";
      String source = "tool argument " + shapes.get(i).source() + " of t" + i + " reaches ";
      if (errors.stream().noneMatch(e -> e.startsWith(prefix) && e.contains(source) && e.contains("; path: ")
          && e.contains("Fix: "))) {
        missing.add(shapes.get(i).name() + " (expected on line " + prefix + source + ")");
      }
    }
    assertEquals(List.of(), missing, "flows not reported; all errors: " + String.join("\n", errors));
    assertEquals(shapes.size(), errors.size(), "one error per shape: " + String.join("\n", errors));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sinks")
  void theGuardOfTheSinkKindMakesEveryShapeCompile(FlowCorpus.SinkCase sink) {
    List<String> lines = FlowCorpus.toolClass(sink, sink.guard());
    Compilation c = FlowSources.compile(FlowSources.tool(lines));
    List<String> errors = new ArrayList<>();
    c.errors().forEach(e -> errors.add(e.getLineNumber() + ": " + e.getMessage(null)));
    assertEquals(List.of(), errors);
    assertTrue(c.status() == Compilation.Status.SUCCESS);
  }
}
