package dev.toolwarden.runtime.internal.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwarden.runtime.RunningServer;
import dev.toolwarden.runtime.ServerBuilder;
import dev.toolwarden.runtime.Toolwarden;
import dev.toolwarden.runtime.audit.AuditEvent;
import dev.toolwarden.runtime.http.HttpOptions;
import dev.toolwarden.runtime.internal.server.BuilderAccess;
import dev.toolwarden.runtime.testtools.EchoTools;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Over real Streamable HTTP: the trace headers, the protocol version header and the JSON-RPC id reach the span
 * through the transport's hook; {@code params._meta} wins over the headers, which become a link.
 */
class HttpTelemetryTest {

  private static final String HEADER_TRACE = "0af7651916cd43dd8448eb211c80319c";
  private static final String HEADER_SPAN = "b7ad6b7169203331";
  private static final String META_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String META_SPAN = "00f067aa0ba902b7";

  private final TelemetryHarness otel = new TelemetryHarness(null, false); // its SDK, exporting to memory
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private RunningServer server;
  private String session;

  @BeforeEach
  void start() throws Exception {
    ServerBuilder builder = Toolwarden.server("otel-http", "1.0.0").tools(new EchoTools());
    BuilderAccess.settings(builder).openTelemetry = otel.sdk;
    server = builder.http(HttpOptions.loopback(0));
    HttpResponse<String> init = post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
        + "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}");
    session = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
    post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void theHttpTraceHeadersParentTheSpanWhichCarriesRequestIdProtocolVersionAndHashedSession() throws Exception {
    HttpResponse<String> r = post("{\"jsonrpc\":\"2.0\",\"id\":\"req-7\",\"method\":\"tools/call\",\"params\":"
        + "{\"name\":\"echo\",\"arguments\":{\"text\":\"hi\"}}}");
    assertTrue(r.body().contains("hi"), r.body());

    SpanData span = serverSpan();
    assertEquals("tools/call echo", span.getName());
    assertEquals(HEADER_TRACE, span.getTraceId());
    assertEquals(HEADER_SPAN, span.getParentSpanId());
    assertEquals("req-7", span.getAttributes().get(McpAttributes.REQUEST_ID));
    assertEquals("2025-06-18", span.getAttributes().get(McpAttributes.PROTOCOL_VERSION));
    assertEquals("tcp", span.getAttributes().get(McpAttributes.NETWORK_TRANSPORT));
    assertEquals(AuditEvent.hashSession(session), span.getAttributes().get(McpAttributes.SESSION));
    assertTrue(span.getLinks().isEmpty());
  }

  @Test
  void metaTraceContextWinsAndTheHttpContextBecomesALink() throws Exception {
    post("{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"tools/call\",\"params\":{\"name\":\"echo\",\"arguments\":"
        + "{\"text\":\"hi\"},\"_meta\":{\"traceparent\":\"00-" + META_TRACE + "-" + META_SPAN + "-01\"}}}");
    SpanData span = serverSpan();
    assertEquals(META_TRACE, span.getTraceId());
    assertEquals(META_SPAN, span.getParentSpanId());
    assertEquals("8", span.getAttributes().get(McpAttributes.REQUEST_ID));
    List<LinkData> links = span.getLinks();
    assertEquals(1, links.size());
    assertEquals(HEADER_TRACE, links.get(0).getSpanContext().getTraceId());
  }

  @Test
  void aRequestIdShapedLikeATokenIsScrubbed() throws Exception {
    String jwt = JwtShaped.token();
    post("{\"jsonrpc\":\"2.0\",\"id\":\"" + jwt + "\",\"method\":\"tools/call\",\"params\":"
        + "{\"name\":\"echo\",\"arguments\":{\"text\":\"hi\"}}}");
    assertEquals("****", serverSpan().getAttributes().get(McpAttributes.REQUEST_ID));
  }

  @Test
  void activeSessionsCountsTheSessionsTheServerHolds() throws Exception {
    assertEquals(1, activeSessions());
    String first = session;
    session = null;
    HttpResponse<String> init = post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
        + "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}");
    assertEquals(200, init.statusCode(), init.body());
    assertEquals(2, activeSessions());
    HttpResponse<String> delete = http.send(HttpRequest.newBuilder(URI.create(server.url())).DELETE()
        .header("Mcp-Session-Id", first).header("MCP-Protocol-Version", "2025-06-18").build(),
        HttpResponse.BodyHandlers.ofString());
    assertTrue(delete.statusCode() < 300, delete.statusCode() + " " + delete.body());
    assertEquals(1, activeSessions(), "the ended session is forgotten");

    // its end is one sample of the conventions' session histogram: transport, protocol, version; no session id
    var points = otel.collect().stream().filter(m -> m.getName().equals("mcp.server.session.duration"))
        .flatMap(m -> m.getHistogramData().getPoints().stream()).toList();
    assertEquals(1, points.size(), points.toString());
    assertEquals(io.opentelemetry.api.common.Attributes.builder().put("network.transport", "tcp")
        .put("network.protocol.name", "http").put("mcp.protocol.version", "2025-06-18").build(),
        points.get(0).getAttributes());
    assertEquals(1, points.get(0).getCount());
  }

  private long activeSessions() {
    return otel.collect().stream().filter(m -> m.getName().equals("toolwarden.sessions.active")).findFirst()
        .orElseThrow().getLongGaugeData().getPoints().iterator().next().getValue();
  }

  private SpanData serverSpan() {
    List<SpanData> spans = otel.finishedSpans().stream().filter(s -> s.getKind() == SpanKind.SERVER).toList();
    assertEquals(1, spans.size(), spans.toString());
    return spans.get(0);
  }

  private HttpResponse<String> post(String body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url()))
        .header("Content-Type", "application/json")
        .header("Accept", "application/json, text/event-stream")
        .header("traceparent", "00-" + HEADER_TRACE + "-" + HEADER_SPAN + "-01")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (session != null) {
      b.header("Mcp-Session-Id", session).header("MCP-Protocol-Version", "2025-06-18");
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
