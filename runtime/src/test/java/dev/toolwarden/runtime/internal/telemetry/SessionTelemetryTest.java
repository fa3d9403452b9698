package dev.toolwarden.runtime.internal.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code mcp.server.session.duration} as the MCP conventions define it (histogram, seconds, the advised buckets),
 * from the sessions a transport reports: the conventions' attributes only, the error type for an evicted session.
 */
class SessionTelemetryTest {

  private final TelemetryHarness otel = new TelemetryHarness(null, false);

  /** A transport whose sessions the test ends. */
  private static final class FakeSessions implements SessionCount {
    EndedSession.Listener ends;

    @Override
    public int activeSessions() {
      return 7;
    }

    @Override
    public void reportEnds(EndedSession.Listener listener) {
      ends = listener;
    }
  }

  @Test
  void eachEndedSessionIsOneSampleWithTheConventionsAttributesOnly() {
    FakeSessions sessions = new FakeSessions();
    Telemetry.of(otel.sdk, java.util.Set.of(), false, null).observeSessions(sessions);
    sessions.ends.ended(new EndedSession(true, "2025-06-18", Duration.ofMillis(1500), EndedSession.Cause.CLOSED));
    sessions.ends.ended(new EndedSession(true, "2025-06-18", Duration.ofSeconds(600), EndedSession.Cause.EXPIRED));
    sessions.ends.ended(new EndedSession(true, "2025-06-18", Duration.ofSeconds(2), EndedSession.Cause.EVICTED));
    sessions.ends.ended(new EndedSession(false, null, Duration.ofSeconds(40), EndedSession.Cause.CLOSED));

    Collection<MetricData> data = otel.collect();
    MetricData histogram = metric(data, "mcp.server.session.duration");
    assertEquals("s", histogram.getUnit());
    HistogramPointData httpOk = point(histogram, Attributes.builder().put("network.transport", "tcp")
        .put("network.protocol.name", "http").put("mcp.protocol.version", "2025-06-18").build());
    assertEquals(2, httpOk.getCount(), "closed and expired sessions ended normally");
    assertEquals(601.5, httpOk.getSum(), 1e-9);
    assertEquals(CallMetrics.DURATION_BUCKETS, httpOk.getBoundaries());
    HistogramPointData evicted = point(histogram, Attributes.builder().put("network.transport", "tcp")
        .put("network.protocol.name", "http").put("mcp.protocol.version", "2025-06-18")
        .put("error.type", "evicted").build());
    assertEquals(1, evicted.getCount());
    HistogramPointData stdio = point(histogram, Attributes.of(AttributeKey.stringKey("network.transport"), "pipe"));
    assertEquals(1, stdio.getCount());
    assertEquals(40.0, stdio.getSum(), 1e-9);
    assertEquals(3, histogram.getHistogramData().getPoints().size(), "no other series");

    assertEquals(7, metric(data, "toolwarden.sessions.active").getLongGaugeData().getPoints().iterator().next()
        .getValue());
  }

  @Test
  void theNegotiatedVersionIsAlwaysOneTheServerSupports() {
    List<String> supported = List.of("2024-11-05", "2025-03-26", "2025-06-18");
    assertEquals("2025-03-26", EndedSession.negotiated("2025-03-26", supported));
    assertEquals("2025-06-18", EndedSession.negotiated("1999-01-01 or anything a client sends", supported));
    assertEquals("2025-06-18", EndedSession.negotiated(null, supported));
    assertNull(EndedSession.negotiated("2025-06-18", List.of()));
  }

  @Test
  void theNegotiatedVersionIsTheServersOwnStringNotTheClientsCopy() {
    List<String> supported = List.of("2024-11-05", "2025-03-26", "2025-06-18");
    String sent = new String("2025-03-26"); // as parsed from a request: a new string every time
    assertSame(supported.get(1), EndedSession.negotiated(sent, supported), "a session must not keep the request's copy");
  }

  static MetricData metric(Collection<MetricData> data, String name) {
    return data.stream().filter(m -> m.getName().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no " + name + " in " + data));
  }

  static HistogramPointData point(MetricData histogram, Attributes attributes) {
    List<HistogramPointData> points = histogram.getHistogramData().getPoints().stream()
        .filter(p -> p.getAttributes().equals(attributes)).toList();
    assertTrue(points.size() == 1, () -> "no single point with " + attributes + " in "
        + histogram.getHistogramData().getPoints());
    return points.get(0);
  }
}
