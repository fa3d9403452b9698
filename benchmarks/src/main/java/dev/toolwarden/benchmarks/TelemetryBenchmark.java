package dev.toolwarden.benchmarks;

import dev.toolwarden.benchmarks.servers.OnlyBundles;
import dev.toolwarden.benchmarks.servers.TelemetrySdk;
import dev.toolwarden.benchmarks.tools.PipelineTools;
import dev.toolwarden.benchmarks.tools.PipelineTools_ToolBundle;
import dev.toolwarden.runtime.ServerBuilder;
import dev.toolwarden.runtime.Toolwarden;
import dev.toolwarden.runtime.audit.AuditEvent;
import dev.toolwarden.runtime.internal.pipeline.ToolCallHandler;
import dev.toolwarden.runtime.internal.server.BuilderAccess;
import io.modelcontextprotocol.spec.McpSchema;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What telemetry adds to a whole tools/call in process ({@link PipelineBenchmark}'s pipeline): without an SDK (the
 * OpenTelemetry API's no-op, what every user without one gets) and with the SDK configured ({@link TelemetrySdk}:
 * every span sampled and exported to nothing, metrics aggregated). Both in the same run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class TelemetryBenchmark {

  private ToolCallHandler withoutSdk;
  private ToolCallHandler withSdk;
  private OpenTelemetrySdk sdk;
  private McpSchema.CallToolRequest request;
  volatile AuditEvent lastEvent;

  @Setup
  public void setUp() {
    sdk = TelemetrySdk.create();
    withoutSdk = handler(OpenTelemetry.noop());
    withSdk = handler(sdk);
    Map<String, Object> args = new LinkedHashMap<>();
    args.put("id", "acct-42");
    args.put("count", 7);
    request = new McpSchema.CallToolRequest("lookup", args);
    for (ToolCallHandler h : new ToolCallHandler[] {withoutSdk, withSdk}) {
      McpSchema.CallToolResult r = h.apply(null, request);
      if (Boolean.TRUE.equals(r.isError())) {
        throw new IllegalStateException("pipeline: " + r);
      }
    }
  }

  private ToolCallHandler handler(OpenTelemetry otel) {
    ServerBuilder builder = Toolwarden.server("bench", "1.0.0")
        .classLoader(new OnlyBundles(PipelineTools_ToolBundle.class.getName()))
        .tools(new PipelineTools())
        .auditSink(e -> lastEvent = e);
    BuilderAccess.settings(builder).openTelemetry = otel;
    return BuilderAccess.callHandlers(builder).get("lookup");
  }

  @TearDown
  public void tearDown() {
    sdk.close();
  }

  /** The whole pipeline, no OpenTelemetry SDK: the API's no-op. */
  @Benchmark
  public McpSchema.CallToolResult pipelineWithoutSdk() {
    return withoutSdk.apply(null, request);
  }

  /** The whole pipeline with the SDK recording a span and the metrics of every call. */
  @Benchmark
  public McpSchema.CallToolResult pipelineWithSdk() {
    return withSdk.apply(null, request);
  }
}
