package dev.toolwarden.runtime.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwarden.runtime.RunningServer;
import dev.toolwarden.runtime.Toolwarden;
import dev.toolwarden.runtime.audit.AuditEvent;
import dev.toolwarden.runtime.audit.AuditOutcome;
import dev.toolwarden.runtime.testtools.PolicyTools;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The per-client HTTP limit (429 + Retry-After before any MCP work) and session-keyed limits over HTTP. */
class ClientRateLimitTest {

  @TempDir java.nio.file.Path temp;

  /** Without a session: the transport answers 400 once the limit lets it through. */
  private static final String LIST = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}";

  @Test
  void aClientOverItsBudgetGets429WithRetryAfterAndOneAuditEvent() throws Exception {
    List<AuditEvent> events = new CopyOnWriteArrayList<>();
    try (RunningServer server = Toolwarden.server("limit-http", "1.0.0")
        .tools(new PolicyTools())
        .root("ws", temp)
        .auditSink(events::add)
        .httpClientLimit(3, Duration.ofMinutes(1))
        .http(HttpOptions.loopback(0))) {
      HttpClient http = HttpClient.newHttpClient();
      HttpRequest request = HttpRequest.newBuilder(URI.create(server.url()))
          .header("Content-Type", "application/json")
          .header("Accept", "application/json, text/event-stream")
          .POST(HttpRequest.BodyPublishers.ofString(LIST))
          .build();
      for (int i = 0; i < 3; i++) {
        assertEquals(400, http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode(), "request " + i);
      }
      for (int i = 0; i < 5; i++) {
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(429, r.statusCode());
        long retry = Long.parseLong(r.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retry >= 1 && retry <= 20, "one request every 20 s: " + retry);
        assertTrue(r.body().contains("Too many requests: retry after " + retry + " s"), r.body());
        assertFalse(r.body().contains("Exception"), r.body());
      }
      List<AuditEvent> limited = events.stream().filter(e -> e.outcome() == AuditOutcome.CLIENT_RATE_LIMITED).toList();
      assertEquals(1, limited.size(), "one event per client and window: " + events);
      assertEquals("127.0.0.1", limited.get(0).remote());
      assertTrue(limited.get(0).toJson().contains("\"outcome\":\"client_rate_limited\""));
    }
  }

  @Test
  void sessionKeyedLimitsGiveEachSessionItsOwnBudgetAndTheClientIdIsAudited() {
    List<AuditEvent> events = new CopyOnWriteArrayList<>();
    try (RunningServer server = Toolwarden.server("session-http", "1.0.0")
            .tools(new PolicyTools())
        .root("ws", temp)
            .auditSink(events::add)
            .http(HttpOptions.loopback(0));
        McpSyncClient one = client(server, "one");
        McpSyncClient two = client(server, "two")) {
      one.initialize();
      two.initialize();
      McpSchema.CallToolRequest call = new McpSchema.CallToolRequest("limited_session", Map.of());
      assertFalse(one.callTool(call).isError());
      assertFalse(one.callTool(call).isError());
      McpSchema.CallToolResult third = one.callTool(call);
      assertTrue(third.isError());
      assertFalse(two.callTool(call).isError(), "another session, another budget");
      assertFalse(two.callTool(call).isError());
      assertTrue(two.callTool(call).isError());
      AuditEvent first = events.get(0);
      assertTrue(first.client().startsWith("one/") || first.client().startsWith("two/"), first.toString());
      assertEquals(16, first.session().length());
      assertEquals(2, events.stream().filter(e -> e.outcome() == AuditOutcome.RATE_LIMITED).count());
    }
  }

  private static McpSyncClient client(RunningServer server, String name) {
    return McpClient.sync(HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + server.port())
            .endpoint("/mcp").build())
        .clientInfo(new McpSchema.Implementation(name, "1.0"))
        .requestTimeout(Duration.ofSeconds(20))
        .build();
  }
}
