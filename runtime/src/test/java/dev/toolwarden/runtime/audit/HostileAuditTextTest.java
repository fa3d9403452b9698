package dev.toolwarden.runtime.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwarden.runtime.RunningServer;
import dev.toolwarden.runtime.Toolwarden;
import dev.toolwarden.runtime.http.HttpOptions;
import dev.toolwarden.runtime.testtools.EchoTools;
import io.modelcontextprotocol.json.McpJsonDefaults;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Over real Streamable HTTP, what a hostile client can put into the strings the audit trail writes — its
 * {@code clientInfo}, a tool's arguments — costs the server linear time and yields one valid, bounded JSON line.
 */
class HostileAuditTextTest {

  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private RunningServer server;
  private String session;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  /**
   * A 1 MB {@code clientInfo} name of {@code eyJeyJ…} made the scrubber's JWT pattern quadratic: the audit line of
   * every call of that session took the writer minutes (the synchronous sink here: the call itself).
   */
  @Test
  void aHugeTokenLikeClientInfoIsWrittenQuicklyAsOneBoundedLine() throws Exception {
    server = Toolwarden.server("hostile-audit", "1.0.0").tools(new EchoTools())
        .auditSink(e -> lines.add(e.toJson())).http(HttpOptions.loopback(0));
    String name = "eyJ".repeat(350_000);
    String version = "1\r\n{\"outcome\":\"ok\",\"forged\":true}\u001b[31m\u2028\"";
    initialize(name, version);
    String text = "line1\r\nline2 \u001b[2J \"quoted\" \\ \u2029 " + "x".repeat(1_000_000);
    HttpResponse<String> r = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> post(
        "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"echo\",\"arguments\":"
            + "{\"text\":" + json(text) + "}}}"));
    assertEquals(200, r.statusCode());

    assertEquals(1, lines.size(), lines.toString().length() + " characters");
    String line = lines.get(0);
    assertFalse(line.contains("\n") || line.contains("\r") || line.contains("\u001b") || line.contains("\u2028")
        || line.contains("\u2029"), "one line, no raw control character");
    assertTrue(line.length() < 8_192, () -> "bounded: " + line.length());
    Map<?, ?> event = McpJsonDefaults.getMapper().readValue(line, Map.class);
    assertEquals("echo", event.get("tool"));
    assertFalse(event.containsKey("forged"));
    assertTrue(((String) event.get("client")).length() <= 257, "the client is cut");
  }

  private void initialize(String name, String version) throws Exception {
    HttpResponse<String> init = post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
        + "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":" + json(name)
        + ",\"version\":" + json(version) + "}}}");
    assertEquals(200, init.statusCode(), init.body());
    session = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
    post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
  }

  private static String json(String s) throws Exception {
    return McpJsonDefaults.getMapper().writeValueAsString(s);
  }

  private HttpResponse<String> post(String body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url()))
        .header("Content-Type", "application/json")
        .header("Accept", "application/json, text/event-stream")
        .timeout(Duration.ofSeconds(90))
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (session != null) {
      b.header("Mcp-Session-Id", session).header("MCP-Protocol-Version", "2025-06-18");
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
