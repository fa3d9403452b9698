package dev.toolwarden.runtime.internal.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwarden.runtime.ServerBuilder;
import dev.toolwarden.runtime.Toolwarden;
import dev.toolwarden.runtime.internal.server.BuilderAccess;
import dev.toolwarden.runtime.testtools.EchoTools;
import dev.toolwarden.runtime.testtools.StdioSession;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Over a real stdio session (the server on pipes, spoken to in JSON-RPC lines): the span carries the request's
 * JSON-RPC id, the active-sessions gauge counts the one session while it lasts, and its end is one sample of
 * {@code mcp.server.session.duration}.
 */
class StdioTelemetryTest {

  private final TelemetryHarness otel = new TelemetryHarness(null, false);

  @Test
  void theSpanCarriesTheRequestIdAndTheSessionIsCountedThenMeasured() throws Exception {
    ServerBuilder builder = Toolwarden.server("otel-stdio", "1.0.0").tools(new EchoTools());
    BuilderAccess.settings(builder).openTelemetry = otel.sdk;
    try (StdioSession session = StdioSession.start(builder, "otel-stdio")) {
      assertTrue(StdioSession.text(session.call("echo", Map.of("text", "hi"))).contains("hi"));
      List<SpanData> spans = otel.finishedSpans().stream().filter(s -> s.getKind() == SpanKind.SERVER).toList();
      assertEquals(1, spans.size(), spans.toString());
      assertEquals("2", spans.get(0).getAttributes().get(McpAttributes.REQUEST_ID), "the second request of the session");
      assertEquals("pipe", spans.get(0).getAttributes().get(McpAttributes.NETWORK_TRANSPORT));
      assertEquals(1, activeSessions());
      assertTrue(histogram().isEmpty(), "no session has ended");
    }
    assertEquals(0, activeSessions(), "the input ended: so did the session");
    List<HistogramPointData> points = histogram();
    assertEquals(1, points.size(), points.toString());
    assertEquals(Attributes.of(AttributeKey.stringKey("network.transport"), "pipe",
        AttributeKey.stringKey("mcp.protocol.version"), "2025-06-18"), points.get(0).getAttributes());
    assertEquals(1, points.get(0).getCount());
    assertTrue(points.get(0).getSum() > 0, "it lived from initialize to the end of the input");
  }

  private long activeSessions() {
    return SessionTelemetryTest.metric(otel.collect(), "toolwarden.sessions.active").getLongGaugeData().getPoints()
        .iterator().next().getValue();
  }

  private List<HistogramPointData> histogram() {
    return otel.collect().stream().filter(m -> m.getName().equals("mcp.server.session.duration"))
        .map(MetricData::getHistogramData).flatMap(h -> h.getPoints().stream()).toList();
  }
}
