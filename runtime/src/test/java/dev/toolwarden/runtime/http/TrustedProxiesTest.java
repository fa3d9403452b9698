package dev.toolwarden.runtime.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.toolwarden.runtime.RunningServer;
import dev.toolwarden.runtime.Toolwarden;
import dev.toolwarden.runtime.audit.AuditEvent;
import dev.toolwarden.runtime.audit.AuditOutcome;
import dev.toolwarden.runtime.testtools.EchoTools;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Forwarding headers over real HTTP: believed from a trusted proxy (here the test itself, on
 * 127.0.0.1) for the per-client limit, the audit trail and the Host check; ignored from anyone else.
 */
class TrustedProxiesTest {

  private static final String LIST = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}";
  private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
      + "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Test
  void spoofedHeadersFromAnUntrustedPeerChangeNothing() throws Exception {
    List<AuditEvent> events = new CopyOnWriteArrayList<>();
    // a proxy is trusted, but not the loopback address the test connects from
    try (RunningServer server = server(events, HttpOptions.loopback(0).trustedProxies("10.0.0.0/8", "fd00::/8"))) {
      for (int i = 0; i < 2; i++) {
        assertEquals(400, send(server, LIST, "X-Forwarded-For", "198.51.100." + i).statusCode());
      }
      HttpResponse<String> refused = send(server, LIST, "Forwarded", "for=198.51.100.77");
      assertEquals(429, refused.statusCode(), "every spoofed address shares the peer's budget");
      assertEquals(List.of("127.0.0.1"), limitedAddresses(events));
    }
    try (RunningServer server = server(events, HttpOptions.loopback(0).trustedProxies("10.0.0.0/8"))) {
      assertEquals(200, send(server, INITIALIZE, "X-Forwarded-For", "198.51.100.1",
          "X-Forwarded-Host", "evil.example").statusCode(),
          "a forwarded Host from an untrusted peer is not what the Host check judges");
    }
  }

  @Test
  void aTrustedProxysClientsHaveTheirOwnBudgetsAndAreAudited() throws Exception {
    List<AuditEvent> events = new CopyOnWriteArrayList<>();
    try (RunningServer server = server(events, HttpOptions.loopback(0).trustedProxies("127.0.0.1", "::1"))) {
      for (int i = 0; i < 2; i++) {
        assertEquals(400, send(server, LIST, "X-Forwarded-For", "203.0.113.1, 198.51.100.1").statusCode());
      }
      assertEquals(429, send(server, LIST, "X-Forwarded-For", "203.0.113.99, 198.51.100.1").statusCode(),
          "a client cannot escape its budget by writing more hops on the left");
      assertEquals(400, send(server, LIST, "X-Forwarded-For", "198.51.100.2").statusCode(), "another client");
      assertEquals(400, send(server, LIST, "Forwarded", "for=\"[2001:db8::5]:4711\"").statusCode());
      assertEquals(List.of("198.51.100.1"), limitedAddresses(events));
    }
  }

  @Test
  void theHostCheckJudgesTheHostTheClientUsedThroughATrustedProxy() throws Exception {
    try (RunningServer server = server(new CopyOnWriteArrayList<>(),
        HttpOptions.loopback(0).trustedProxies("127.0.0.1").allowedHosts("mcp.example.com"))) {
      assertEquals(421, send(server, INITIALIZE, "X-Forwarded-For", "198.51.100.1",
          "X-Forwarded-Host", "evil.example").statusCode());
      assertEquals(200, send(server, INITIALIZE, "X-Forwarded-For", "198.51.100.2",
          "X-Forwarded-Host", "mcp.example.com").statusCode());
      assertEquals(421, send(server, INITIALIZE, "Forwarded", "for=198.51.100.3;host=evil.example").statusCode());
    }
  }

  private static RunningServer server(List<AuditEvent> events, HttpOptions options) {
    return Toolwarden.server("proxies", "1.0.0").tools(new EchoTools()).auditSink(events::add)
        .httpClientLimit(2, Duration.ofMinutes(1)).http(options);
  }

  private static List<String> limitedAddresses(List<AuditEvent> events) {
    return events.stream().filter(e -> e.outcome() == AuditOutcome.CLIENT_RATE_LIMITED).map(AuditEvent::remote).toList();
  }

  /** POSTs {@code body} with the header names and values {@code headers} (name, value, name, value, ...). */
  private static HttpResponse<String> send(RunningServer server, String body, String... headers) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(server.url()))
        .timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json")
        .header("Accept", "application/json, text/event-stream")
        .headers(headers)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
