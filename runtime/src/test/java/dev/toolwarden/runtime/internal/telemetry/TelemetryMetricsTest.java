package dev.toolwarden.runtime.internal.telemetry;

import static dev.toolwarden.runtime.internal.telemetry.TelemetryHarness.counter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwarden.runtime.ToolwardenStartupException;
import dev.toolwarden.runtime.audit.AuditEvent;
import dev.toolwarden.runtime.audit.AuditOutcome;
import dev.toolwarden.runtime.internal.config.Config;
import dev.toolwarden.runtime.internal.config.Setting;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The instruments, read back from the SDK: counts, reason codes, bounded labels. */
class TelemetryMetricsTest {

  @TempDir
  Path root;

  @Test
  void callsAreCountedByToolAndOutcomeAndTimedInTheConventionsHistogram() {
    TelemetryHarness h = new TelemetryHarness(root, false);
    for (int i = 0; i < 5; i++) {
      h.call("limited", Map.of());
    }
    h.call("admin", Map.of());
    Collection<MetricData> data = h.collect();
    assertEquals(3, counter(data, "toolwarden.calls", Map.of("gen_ai.tool.name", "limited", "toolwarden.outcome", "ok")));
    assertEquals(2, counter(data, "toolwarden.calls", Map.of("gen_ai.tool.name", "limited",
        "toolwarden.outcome", "rate_limited", "error.type", "tool_error")));
    assertEquals(2, counter(data, "toolwarden.refusals", Map.of("gen_ai.tool.name", "limited",
        "toolwarden.reason", "rate_limited")));
    assertEquals(1, counter(data, "toolwarden.refusals", Map.of("gen_ai.tool.name", "admin",
        "toolwarden.reason", "scope_denied")));
    MetricData duration = data.stream().filter(m -> m.getName().equals("mcp.server.operation.duration")).findFirst()
        .orElseThrow();
    assertEquals("s", duration.getUnit());
    long count = 0;
    for (HistogramPointData p : duration.getHistogramData().getPoints()) {
      count += p.getCount();
      assertEquals(CallMetrics.DURATION_BUCKETS, p.getBoundaries());
      assertEquals("tools/call", p.getAttributes().get(McpAttributes.METHOD));
    }
    assertEquals(6, count);
  }

  @Test
  void authFailuresAreCountedByCauseAndUnknownToolNamesNeverBecomeLabels() {
    TelemetryHarness h = new TelemetryHarness(root, false);
    h.audit.record(AuditEvent.builder(AuditOutcome.AUTH_FAILED).reason("invalid_token (401): expired").build());
    h.audit.record(AuditEvent.builder(AuditOutcome.AUTH_FAILED).tool("admin")
        .reason("insufficient_scope (403): missing scope; requires [admin:all]").build());
    for (int i = 0; i < 50; i++) { // a client inventing tool names and reasons
      h.audit.record(AuditEvent.builder(AuditOutcome.AUTH_FAILED).tool("made-up-" + i).reason("x" + i + " (401)").build());
    }
    h.audit.record(AuditEvent.builder(AuditOutcome.CLIENT_RATE_LIMITED).build());
    Collection<MetricData> data = h.collect();
    assertEquals(1, counter(data, "toolwarden.auth.failures", Map.of("toolwarden.auth.cause", "invalid_token")));
    assertEquals(1, counter(data, "toolwarden.auth.failures", Map.of("toolwarden.auth.cause", "insufficient_scope")));
    assertEquals(50, counter(data, "toolwarden.auth.failures", Map.of("toolwarden.auth.cause", "_OTHER")));
    assertEquals(50, counter(data, "toolwarden.refusals", Map.of("gen_ai.tool.name", "_OTHER")));
    assertEquals(1, counter(data, "toolwarden.refusals", Map.of("toolwarden.reason", "client_rate_limited")));
    Set<String> toolLabels = new HashSet<>();
    data.stream().filter(m -> m.getName().equals("toolwarden.refusals"))
        .forEach(m -> m.getLongSumData().getPoints().forEach(p -> toolLabels.add(p.getAttributes().get(McpAttributes.TOOL))));
    assertTrue(toolLabels.remove(null), "the client limit's refusal names no tool");
    Set<String> allowed = new HashSet<>(TelemetryHarness.toolNames());
    allowed.add("_OTHER");
    assertTrue(allowed.containsAll(toolLabels), "label values: served tools and _OTHER only: " + toolLabels);
    assertTrue(toolLabels.contains("_OTHER") && !toolLabels.contains("made-up-1"), toolLabels.toString());
  }

  @Test
  void theRateLimitBackendStateFollowsItsAuditEventsAndFallbackDecisionsAreCounted() {
    TelemetryHarness h = new TelemetryHarness(root, false);
    h.audit.record(AuditEvent.builder(AuditOutcome.RATE_LIMIT_BACKEND_UNAVAILABLE).reason("redis down").build());
    assertEquals(0, gauge(h.collect()));
    h.call("limited", Map.of());
    h.call("admin", Map.of()); // no rate limit: not a fallback decision
    assertEquals(1, counter(h.collect(), "toolwarden.ratelimit.fallback.decisions", Map.of("toolwarden.outcome", "ok")));
    h.audit.record(AuditEvent.builder(AuditOutcome.RATE_LIMIT_BACKEND_RECOVERED).reason("redis up").build());
    h.call("limited", Map.of());
    Collection<MetricData> data = h.collect();
    assertEquals(1, gauge(data));
    assertEquals(1, counter(data, "toolwarden.ratelimit.fallback.decisions", Map.of()));
  }

  private static long gauge(Collection<MetricData> data) {
    MetricData m = data.stream().filter(d -> d.getName().equals("toolwarden.ratelimit.backend.up")).findFirst()
        .orElseThrow();
    return m.getLongGaugeData().getPoints().iterator().next().getValue();
  }

  @Test
  void everyToolsCallAndRefusalSeriesStartsAtZero() {
    TelemetryHarness h = new TelemetryHarness(root, false);
    Collection<MetricData> data = h.collect();
    for (String tool : TelemetryHarness.toolNames()) {
      for (String reason : new String[] {"scope_denied", "rate_limited", "validation_rejected", "path_rejected"}) {
        assertTrue(hasPoint(data, "toolwarden.refusals", tool, "toolwarden.reason", reason), tool + " " + reason);
        assertTrue(hasPoint(data, "toolwarden.calls", tool, "toolwarden.outcome", reason), tool + " " + reason);
      }
    }
    assertEquals(0, counter(data, "toolwarden.calls", Map.of()), "all at zero");
  }

  private static boolean hasPoint(Collection<MetricData> data, String metric, String tool, String key, String value) {
    return data.stream().filter(m -> m.getName().equals(metric))
        .flatMap(m -> m.getLongSumData().getPoints().stream())
        .anyMatch(p -> tool.equals(p.getAttributes().get(McpAttributes.TOOL))
            && value.equals(p.getAttributes().get(io.opentelemetry.api.common.AttributeKey.stringKey(key))));
  }

  @Test
  void recordArgumentsIsOffByDefaultAndStrict() {
    assertEquals(false, Telemetry.recordArguments(new Config(k -> null, k -> null)));
    assertEquals(true, Telemetry.recordArguments(new Config(k -> null, k -> null).set(Setting.TELEMETRY_RECORD_ARGUMENTS.key(), "TRUE")));
    ToolwardenStartupException e = assertThrows(ToolwardenStartupException.class,
        () -> Telemetry.recordArguments(new Config(k -> null, k -> null).set(Setting.TELEMETRY_RECORD_ARGUMENTS.key(), "yes")));
    assertTrue(e.getMessage().contains("toolwarden.telemetry.record-arguments")
        && e.getMessage().contains("TOOLWARDEN_TELEMETRY_RECORD_ARGUMENTS"), e.getMessage());
  }
}
