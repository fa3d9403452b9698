package dev.toolwarden.runtime.internal.telemetry;

import dev.toolwarden.runtime.audit.AuditEvent;
import dev.toolwarden.runtime.audit.AuditSink;
import dev.toolwarden.runtime.internal.path.PathGuard;
import dev.toolwarden.runtime.internal.pipeline.CallChain;
import dev.toolwarden.runtime.internal.pipeline.Caller;
import dev.toolwarden.runtime.internal.pipeline.Pipeline;
import dev.toolwarden.runtime.internal.pipeline.ToolCallHandler;
import dev.toolwarden.runtime.internal.ratelimit.InMemoryRateLimiter;
import dev.toolwarden.runtime.spi.ToolDefinition;
import dev.toolwarden.runtime.spi.ToolHints;
import dev.toolwarden.runtime.spi.ToolOutcome;
import dev.toolwarden.runtime.spi.ToolPolicy;
import dev.toolwarden.runtime.testtools.PolicyTools;
import dev.toolwarden.runtime.testtools.PolicyToolsBundle;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The whole pipeline of {@link PolicyTools} (plus a tool that starts its own span) in-process, with the real
 * OpenTelemetry SDK exporting to memory: spans through a simple processor, metrics through an in-memory reader.
 */
public final class TelemetryHarness {

  static final McpJsonMapper JSON = McpJsonDefaults.getMapper();
  static final String TRACED = "traced";

  final InMemorySpanExporter spans = InMemorySpanExporter.create();
  final InMemoryMetricReader metrics = InMemoryMetricReader.create();
  public final OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
      .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
      .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(metrics).build())
      .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
      .build();
  final List<AuditEvent> events = new CopyOnWriteArrayList<>();
  final AtomicLong clock = new AtomicLong(5_000_000_000L);
  final Telemetry telemetry;
  final AuditSink audit;
  private final Map<String, ToolCallHandler> handlers = new HashMap<>();
  private Caller caller = new Caller("alice", Set.of());

  /** The names of the harness's tools. */
  static Set<String> toolNames() {
    Set<String> names = new LinkedHashSet<>();
    new PolicyToolsBundle().tools().forEach(d -> names.add(d.name()));
    names.add(TRACED);
    return names;
  }

  public TelemetryHarness(Path root, boolean recordArguments) {
    List<ToolDefinition> tools = new ArrayList<>(new PolicyToolsBundle().tools());
    tools.add(new ToolDefinition(TRACED, null, "starts a span of its own", new ToolHints(true, false, true, false),
        "{\"type\":\"object\"}", null, new ToolPolicy(List.of(), null, List.of(), List.of()), (t, a, i) -> {
          sdk.getTracer("tool").spanBuilder("SELECT orders").startSpan().end(); // parent: the current span
          return ToolOutcome.text("done");
        }));
    telemetry = Telemetry.of(sdk, toolNames(), recordArguments, JSON);
    AuditSink sink = events::add;
    audit = sink.and(telemetry.auditMetrics());
    CallChain chain = Pipeline.standard(JSON, new InMemoryRateLimiter(clock::get, 1000), audit, telemetry);
    PathGuard paths = PathGuard.of(root == null ? Map.of() : Map.of("ws", root));
    for (ToolDefinition def : tools) {
      handlers.put(def.name(), new ToolCallHandler(def, new PolicyTools(), chain, exchange -> caller, paths));
    }
  }

  void as(String principal, String... scopes) {
    caller = new Caller(principal, Set.of(scopes));
  }

  McpSchema.CallToolResult call(String tool, Map<String, Object> args) {
    return call(tool, args, null);
  }

  McpSchema.CallToolResult call(String tool, Map<String, Object> args, Map<String, Object> meta) {
    return handlers.get(tool).apply(null, McpSchema.CallToolRequest.builder(tool).arguments(args).meta(meta).build());
  }

  public List<SpanData> finishedSpans() {
    return spans.getFinishedSpanItems();
  }

  SpanData lastServerSpan() {
    List<SpanData> all = finishedSpans();
    for (int i = all.size() - 1; i >= 0; i--) {
      if (all.get(i).getKind() == io.opentelemetry.api.trace.SpanKind.SERVER) {
        return all.get(i);
      }
    }
    throw new AssertionError("no server span in " + all);
  }

  public Collection<MetricData> collect() {
    return metrics.collectAllMetrics();
  }

  /** The sum of a counter's points whose attributes contain every given key/value pair. */
  public static long counter(Collection<MetricData> data, String name, Map<String, String> labels) {
    long sum = 0;
    for (MetricData m : data) {
      if (!m.getName().equals(name)) {
        continue;
      }
      for (LongPointData p : m.getLongSumData().getPoints()) {
        boolean match = true;
        for (Map.Entry<String, String> e : labels.entrySet()) {
          match &= e.getValue().equals(p.getAttributes().get(io.opentelemetry.api.common.AttributeKey.stringKey(e.getKey())));
        }
        if (match) {
          sum += p.getValue();
        }
      }
    }
    return sum;
  }
}
