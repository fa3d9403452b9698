package dev.toolwarden.benchmarks;

import dev.toolwarden.benchmarks.tools.ValidationTools;
import dev.toolwarden.benchmarks.tools.ValidationTools_ToolBundle;
import dev.toolwarden.runtime.ToolContext;
import dev.toolwarden.runtime.spi.Invocation;
import dev.toolwarden.runtime.spi.PathRule;
import dev.toolwarden.runtime.spi.ToolDefinition;
import dev.toolwarden.runtime.spi.Violations;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * A cross-check of {@link ValidationBenchmark}'s {@code toolwarden} figures on a loaded machine: the
 * thread's CPU time per call of the generated invoker (valid input), median of 7 rounds of 200,000
 * calls after 12 million warm-up calls. Time the thread waits for a core is not counted, which wall-clock
 * JMH cannot avoid when other processes keep both cores busy; cache and hyper-thread contention still are.
 * Usage: {@code java -cp benchmarks/target/toolwarden-benchmarks.jar dev.toolwarden.benchmarks.ValidationCpuTime
 * small medium nested}.
 */
public final class ValidationCpuTime {

  private static final int CALLS = 200_000;

  private ValidationCpuTime() {}

  /** Prints the CPU time per call of each shape named in {@code args}. */
  public static void main(String[] args) throws Exception {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    Invocation noContext = new Invocation() {
      @Override
      public ToolContext context() {
        throw new IllegalStateException("no context in this benchmark");
      }

      @Override
      public Path resolvePath(PathRule rule, String pointer, String raw, Violations violations) {
        throw new IllegalStateException("no paths in this benchmark");
      }
    };
    ValidationTools target = new ValidationTools();
    long results = 0;
    for (String shape : args) {
      ToolDefinition tool = new ValidationTools_ToolBundle().tools().stream().filter(t -> t.name().equals(shape))
          .findFirst().orElseThrow();
      Map<String, Object> input = Inputs.map(shape, true);
      for (int i = 0; i < 60; i++) {
        results += calls(tool, target, input, noContext);
      }
      double[] rounds = new double[7];
      for (int k = 0; k < rounds.length; k++) {
        long start = threads.getCurrentThreadCpuTime();
        results += calls(tool, target, input, noContext);
        rounds[k] = (threads.getCurrentThreadCpuTime() - start) / (double) CALLS;
      }
      Arrays.sort(rounds);
      System.out.printf("%s valid: %.1f ns/op CPU (median of 7; min %.1f, max %.1f)%n", shape, rounds[3], rounds[0],
          rounds[6]);
    }
    // consumed, so the calls cannot be optimised away
    System.out.println("# " + results + " results");
  }

  private static long calls(ToolDefinition tool, ValidationTools target, Map<String, Object> input, Invocation inv)
      throws Exception {
    long n = 0;
    for (int j = 0; j < CALLS; j++) {
      n += tool.invoker().invoke(target, input, inv).hashCode() & 1;
    }
    return n;
  }
}
