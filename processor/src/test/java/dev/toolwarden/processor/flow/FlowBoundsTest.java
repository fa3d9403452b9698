package dev.toolwarden.processor.flow;

import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreeScanner;
import com.sun.source.util.Trees;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import org.junit.jupiter.api.Test;

/**
 * Adversarial sources: huge and deeply nested generated methods. The analysis always finishes, its work (the
 * number of expressions it evaluates, over all passes and helpers) stays within a fixed multiple of the method's
 * size, and doubling the method doubles the work — a bound on work, not on time, so a busy machine cannot fail it.
 */
class FlowBoundsTest {

  /** At most this many evaluations per tree node of the tool and its helpers (passes times a small constant). */
  private static final long PER_NODE = 4L * FlowAnalysis.MAX_PASSES;

  /** What the analysis did for one tool: its findings' rules, its work and the size of the class's bodies. */
  record Run(List<String> rules, long spent, long nodes) {}

  /** Runs the flow analysis alone on every {@code @McpTool} method of the compiled class. */
  static final class Probe extends AbstractProcessor {
    final Map<String, Run> runs = new LinkedHashMap<>();

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of("dev.toolwarden.McpTool");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      Trees trees = Trees.instance(processingEnv);
      FlowAnalysis analysis = new FlowAnalysis(trees, processingEnv.getTypeUtils());
      for (TypeElement a : annotations) {
        for (Element e : round.getElementsAnnotatedWith(a)) {
          ExecutableElement m = (ExecutableElement) e;
          List<String> rules = new ArrayList<>();
          analysis.analyse(m).forEach(f -> rules.add(f.rule().id()));
          long[] nodes = {0};
          new TreeScanner<Void, Void>() {
            @Override
            public Void scan(Tree tree, Void unused) {
              if (tree != null) {
                nodes[0]++;
              }
              return super.scan(tree, unused);
            }
          }.scan(trees.getTree(m.getEnclosingElement()), null);
          runs.put(m.getSimpleName().toString(), new Run(rules, analysis.spent(), nodes[0]));
        }
      }
      return false;
    }
  }

  private static Run analyse(String members) {
    Probe probe = new Probe();
    Compilation c = javac().withProcessors(probe).compile(JavaFileObjects.forSourceString("test.T",
        "package test; import dev.toolwarden.*; import java.util.*;\npublic class T {\n" + members + "\n}"));
    assertEquals(Compilation.Status.SUCCESS, c.status(), String.valueOf(c.errors()));
    assertEquals(1, probe.runs.size());
    Run run = probe.runs.values().iterator().next();
    assertTrue(run.spent() <= PER_NODE * run.nodes(), "work " + run.spent() + " for " + run.nodes() + " nodes");
    return run;
  }

  private static String tool(String body) {
    return "  @McpTool public String t(String q, boolean f) throws Exception {\n" + body + "\n    return \"\";\n  }\n";
  }

  /** n statements, each assigning a new local from the previous one. */
  private static String chain(int n) {
    StringBuilder b = new StringBuilder("    String v0 = q;\n");
    for (int i = 1; i <= n; i++) {
      b.append("    String v").append(i).append(" = v").append(i - 1).append(" + \"x\";\n");
    }
    return tool(b + "    Runtime.getRuntime().exec(v" + n + ");");
  }

  @Test
  void aLongChainOfLocalsIsFollowedToTheEndInLinearWork() {
    Run small = analyse(chain(1500));
    Run large = analyse(chain(3000));
    assertEquals(List.of("TW-COMMAND-INJECTION"), small.rules());
    assertEquals(List.of("TW-COMMAND-INJECTION"), large.rules());
    assertTrue(large.spent() <= 2.2 * small.spent(), small.spent() + " then " + large.spent());
  }

  @Test
  void aBackwardChainInALoopEndsAfterTheLastPass() {
    // each pass moves the value one variable back: more variables than passes, so the analysis gives up in bounds
    int n = 400;
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      b.append("    String v").append(i).append(" = \"\";\n");
    }
    b.append("    while (f) {\n");
    for (int i = 0; i < n - 1; i++) {
      b.append("      v").append(i).append(" = v").append(i + 1).append(";\n");
    }
    b.append("      v").append(n - 1).append(" = q;\n    }\n    Runtime.getRuntime().exec(v").append(n - 1).append(");");
    assertEquals(List.of("TW-COMMAND-INJECTION"), analyse(tool(b.toString())).rules());
  }

  @Test
  void aHugeConcatenationIsOneLinearPass() {
    StringBuilder b = new StringBuilder("    String s = \"a\"");
    for (int i = 0; i < 2000; i++) {
      b.append(i % 100 == 0 ? " + q" : " + \"b\"");
    }
    assertEquals(List.of("TW-SQL-INJECTION"),
        analyse(tool(b + ";\n    java.sql.DriverManager.getConnection(\"\").createStatement().execute(s);")).rules());
  }

  @Test
  void deeplyNestedHelperCallsAndRecursionStayBounded() {
    IntFunction<String> nested = depth -> "wrap(".repeat(depth) + "q" + ")".repeat(depth);
    String members = tool("    String s = " + nested.apply(40) + ";\n    Class.forName(loop(s, 5));")
        + "  private static String wrap(String s) { return s.isEmpty() ? wrap(s + \"x\") : s.trim(); }\n"
        + "  private String loop(String s, int n) { return n == 0 ? s : pong(s + n, n - 1); }\n"
        + "  private String pong(String s, int n) { return loop(s, n); }\n";
    assertEquals(List.of("TW-UNSAFE-EVAL"), analyse(members).rules());
  }

  @Test
  void aHelperCalledThousandsOfTimesIsAnalysedOncePerArgumentShape() {
    StringBuilder b = new StringBuilder("    String s = \"\";\n");
    for (int i = 0; i < 2000; i++) {
      b.append("    s = s + h(q, \"").append(i).append("\");\n");
    }
    String helper = "  private static String h(String a, String b) { String x = a; for (int i = 0; i < 3; i++) "
        + "{ x = x + b; } return x.trim(); }\n";
    assertEquals(List.of("TW-PATH-UNGUARDED"),
        analyse(tool(b + "    java.nio.file.Files.delete(java.nio.file.Path.of(s));") + helper).rules());
  }
}
