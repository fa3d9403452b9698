package dev.toolwarden.benchmarks;

import dev.toolwarden.benchmarks.servers.OnlyBundles;
import dev.toolwarden.benchmarks.tools.PipelineTools;
import dev.toolwarden.benchmarks.tools.PipelineTools_ToolBundle;
import dev.toolwarden.runtime.Toolwarden;
import dev.toolwarden.runtime.audit.AuditSink;
import dev.toolwarden.runtime.internal.pipeline.ToolCallHandler;
import dev.toolwarden.runtime.internal.server.BuilderAccess;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * What the audit trail costs the calling thread of one tools/call, at a server's pace (one call every
 * {@code --gap-us}, as a sequential client sends them) rather than JMH's back-to-back calls, which would
 * only measure how fast the log can be written: the whole pipeline with the default trail (JSON lines on
 * {@code toolwarden.audit}, queued for the background writer) against the same line written on the
 * calling thread (as before issue 16), and an in-memory sink (no log at all). The variants alternate
 * within every round; medians and p99 of the per-call time over all rounds. Run with the log going
 * where a server's goes, e.g. {@code -Dorg.slf4j.simpleLogger.logFile=/dev/null} or stderr.
 *
 * <p>{@code java -cp toolwarden-benchmarks.jar dev.toolwarden.benchmarks.AuditCostBenchmark [--calls 20000]
 * [--rounds 3] [--gap-us 100]}
 */
public final class AuditCostBenchmark {

  private AuditCostBenchmark() {}

  public static void main(String[] args) {
    int calls = 20_000;
    int rounds = 3;
    long gapNanos = 100_000;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--calls" -> calls = Integer.parseInt(args[++i]);
        case "--rounds" -> rounds = Integer.parseInt(args[++i]);
        case "--gap-us" -> gapNanos = Long.parseLong(args[++i]) * 1000;
        default -> throw new IllegalArgumentException(args[i]);
      }
    }
    Map<String, ToolCallHandler> variants = new LinkedHashMap<>();
    variants.put("default (queued)", handler(null));
    variants.put("line on caller", handler(AuditSink.slf4j()));
    variants.put("in-memory sink", handler(e -> { }));
    McpSchema.CallToolRequest request = new McpSchema.CallToolRequest("lookup", Map.of("id", "acct-42", "count", 7));
    Map<String, long[]> times = new LinkedHashMap<>();
    List<String> names = List.copyOf(variants.keySet());
    for (String name : names) {
      measure(variants.get(name), request, calls / 2, gapNanos, new long[calls / 2]); // warm-up
      times.put(name, new long[calls * rounds]);
    }
    System.out.println("# one call every " + gapNanos / 1000 + " us; " + rounds + " alternating rounds of " + calls
        + " calls; " + Stats.load());
    for (int r = 0; r < rounds; r++) {
      for (int k = 0; k < names.size(); k++) {
        String name = names.get((k + r) % names.size());
        long[] round = new long[calls];
        measure(variants.get(name), request, calls, gapNanos, round);
        System.arraycopy(round, 0, times.get(name), r * calls, calls);
      }
    }
    System.out.printf(Locale.ROOT, "%-18s %10s %10s %10s%n", "audit", "p50 ns", "p90 ns", "p99 ns");
    for (String name : names) {
      long[] t = times.get(name);
      Arrays.sort(t);
      System.out.printf(Locale.ROOT, "%-18s %10d %10d %10d%n", name, Stats.percentile(t, 50), Stats.percentile(t, 90),
          Stats.percentile(t, 99));
    }
    System.out.println("# done; " + Stats.load());
    System.exit(0); // the audit writer and the SDK's threads are daemons, but be explicit
  }

  private static ToolCallHandler handler(AuditSink sink) {
    var builder = Toolwarden.server("bench", "1.0.0")
        .classLoader(new OnlyBundles(PipelineTools_ToolBundle.class.getName())).tools(new PipelineTools());
    if (sink != null) {
      builder.auditSink(sink);
    }
    return BuilderAccess.callHandlers(builder).get("lookup");
  }

  private static void measure(ToolCallHandler handler, McpSchema.CallToolRequest request, int calls, long gapNanos,
      long[] into) {
    for (int i = 0; i < calls; i++) {
      long t0 = System.nanoTime();
      McpSchema.CallToolResult r = handler.apply(null, request);
      into[i] = System.nanoTime() - t0;
      if (Boolean.TRUE.equals(r.isError())) {
        throw new IllegalStateException("call failed: " + r);
      }
      LockSupport.parkNanos(gapNanos);
    }
  }
}
