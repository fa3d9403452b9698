package dev.toolwarden.benchmarks;

import dev.toolwarden.benchmarks.servers.BareSdk;
import dev.toolwarden.benchmarks.servers.InProcessStateless;
import dev.toolwarden.benchmarks.servers.OnlyBundles;
import dev.toolwarden.benchmarks.tools.ResourceTools;
import dev.toolwarden.runtime.Toolwarden;
import dev.toolwarden.runtime.audit.AuditEvent;
import dev.toolwarden.runtime.internal.server.BuilderAccess;
import dev.toolwarden.runtime.internal.server.ServerAssembly;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.Map;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * A whole {@code resources/read} in process, through the SDK server's own request dispatch (method routing, params
 * conversion, its choice of specification, the handler, the result): the annotated {@code ResourceTools} served by
 * Toolwarden (generated binding and checks of the template variables, scope, rate limit, output redaction, audit to
 * an in-memory sink, its own URI matcher) vs the same template and fixed resource registered by hand on the bare SDK
 * ({@code BareSdk.statement}, {@code BareSdk.motd}). Both servers are the SDK's stateless server on a transport
 * without a wire ({@link InProcessStateless}); the HTTP benchmark ({@code HttpBenchmark --feature resource}) measures
 * the session transport.
 *
 * <p>{@code sdkThreadHop=false} (default) runs the SDK's sync handlers on the calling thread, as its
 * {@code immediateExecution} option does: otherwise both servers hand every request to Reactor's bounded-elastic pool
 * and back, a thread hop of the same cost for both that only adds noise to the difference measured here.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class ResourceBenchmark {

  @Param({"false"})
  public boolean sdkThreadHop;

  private InProcessStateless toolwarden;
  private InProcessStateless sdk;
  private McpSchema.JSONRPCRequest template;
  private McpSchema.JSONRPCRequest fixed;
  volatile AuditEvent lastEvent;

  @Setup
  public void setUp() {
    if (!sdkThreadHop) {
      Schedulers.setFactory(new Schedulers.Factory() {
        @Override
        public Scheduler newBoundedElastic(int threadCap, int queuedTaskCap, ThreadFactory threadFactory, int ttl) {
          return Schedulers.immediate();
        }
      });
    }
    toolwarden = new InProcessStateless();
    ServerAssembly.assemble(BuilderAccess.settings(Toolwarden.server("bench", "1.0.0")
        .classLoader(new OnlyBundles(ResourceTools.class.getName() + "_ToolBundle"))
        .tools(new ResourceTools())
        .auditSink(e -> lastEvent = e)), null).stateless(toolwarden);
    sdk = new InProcessStateless();
    McpServer.sync(sdk).serverInfo("bench", "1.0.0")
        .capabilities(McpSchema.ServerCapabilities.builder().resources(false, false).build())
        .resources(BareSdk.statelessMotd(ResourceTools.MOTD))
        .resourceTemplates(BareSdk.statelessStatement(McpJsonDefaults.getMapper()))
        .build();
    template = read("accounts://acct-42/statements/7");
    fixed = read("bench://motd");
    same(template, "{\"id\":\"acct-42\",\"cardNumber\":\"****1111\",\"page\":7}");
    same(fixed, ResourceTools.MOTD);
  }

  private static McpSchema.JSONRPCRequest read(String uri) {
    return new McpSchema.JSONRPCRequest("2.0", "resources/read", 1, Map.of("uri", uri));
  }

  /** Both servers must answer {@code request} with exactly {@code text}, or the benchmark compares nothing. */
  private void same(McpSchema.JSONRPCRequest request, String text) {
    for (InProcessStateless server : new InProcessStateless[] {toolwarden, sdk}) {
      McpSchema.JSONRPCResponse r = server.request(request);
      String got = r.error() != null ? "error " + r.error().message()
          : ((McpSchema.TextResourceContents) ((McpSchema.ReadResourceResult) r.result()).contents().get(0)).text();
      if (!text.equals(got)) {
        throw new IllegalStateException((server == sdk ? "bare SDK" : "Toolwarden") + " answered " + got);
      }
    }
  }

  /** Toolwarden: a template variable pair bound, checked and served with every policy. */
  @Benchmark
  public McpSchema.JSONRPCResponse toolwardenTemplate() {
    return toolwarden.request(template);
  }

  /** Bare SDK: the same template, variables checked by hand. */
  @Benchmark
  public McpSchema.JSONRPCResponse bareSdkTemplate() {
    return sdk.request(template);
  }

  /** Toolwarden: the fixed text resource with every policy. */
  @Benchmark
  public McpSchema.JSONRPCResponse toolwardenFixed() {
    return toolwarden.request(fixed);
  }

  /** Bare SDK: the same fixed resource. */
  @Benchmark
  public McpSchema.JSONRPCResponse bareSdkFixed() {
    return sdk.request(fixed);
  }

  /**
   * The same four reads measured by the calling thread's CPU time (everything runs on it here), which a loaded machine
   * hardly moves: {@code java -cp toolwarden-benchmarks.jar dev.toolwarden.benchmarks.ResourceBenchmark [rounds]
   * [batch]}; medians of alternating batches after 5 warm-up rounds.
   */
  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
    int batch = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
    ResourceBenchmark b = new ResourceBenchmark();
    b.setUp();
    java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
    String[] names = {"bareSdkTemplate", "toolwardenTemplate", "bareSdkFixed", "toolwardenFixed"};
    Map<String, java.util.List<Double>> perOp = new java.util.LinkedHashMap<>();
    Object sink = null;
    for (int r = -5; r < rounds; r++) {
      for (int k = 0; k < names.length; k++) {
        String name = names[(k + Math.max(r, 0)) % names.length];
        long t0 = cpu.getCurrentThreadCpuTime();
        for (int i = 0; i < batch; i++) {
          sink = switch (name) {
            case "bareSdkTemplate" -> b.bareSdkTemplate();
            case "toolwardenTemplate" -> b.toolwardenTemplate();
            case "bareSdkFixed" -> b.bareSdkFixed();
            default -> b.toolwardenFixed();
          };
        }
        if (r >= 0) {
          perOp.computeIfAbsent(name, x -> new java.util.ArrayList<>())
              .add((cpu.getCurrentThreadCpuTime() - t0) / (double) batch);
        }
      }
    }
    System.out.println("# resources/read in process, thread CPU ns per read, median of " + rounds
        + " alternating batches of " + batch + "; " + Stats.load() + (sink == null ? " (no reads)" : ""));
    for (String name : names) {
      double m = Stats.median(perOp.get(name));
      double base = Stats.median(perOp.get(name.replace("toolwarden", "bareSdk")));
      System.out.printf(java.util.Locale.ROOT, "%-20s %10.0f ns CPU %8.2fx the bare SDK%n", name, m, m / base);
    }
  }
}
