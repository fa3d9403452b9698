package dev.toolwarden.runtime.http;

import static dev.toolwarden.runtime.http.ModernWire.JSON;
import static dev.toolwarden.runtime.http.ModernWire.headers;
import static dev.toolwarden.runtime.http.ModernWire.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwarden.runtime.RunningServer;
import dev.toolwarden.runtime.Toolwarden;
import dev.toolwarden.runtime.testtools.EchoTools;
import dev.toolwarden.runtime.testtools.ProgressTools;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A tool's progress on Streamable HTTP, in raw requests so the order on the wire is what is checked. MCP 2026-07-28:
 * a {@code tools/call} whose {@code _meta} carries a {@code progressToken} is answered as an event stream whose
 * {@code notifications/progress} events carry that token and precede the result; without a token (or without an
 * {@code Accept} that takes a stream) the answer stays one JSON object. 2025-11-25: the SDK's session does the same.
 */
class Protocol2026ProgressHttpTest {

  private static RunningServer server;

  @BeforeAll
  static void start() {
    server = Toolwarden.server("progress-http", "1.0.0")
        .tools(new EchoTools(), new ProgressTools())
        .http(HttpOptions.loopback(0));
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  /** A modern {@code tools/call} of {@code tool}, with {@code progressToken} in its {@code _meta} unless null. */
  private static String call(int id, String tool, Object progressToken) {
    Map<String, Object> meta = new LinkedHashMap<>(ModernWire.meta());
    if (progressToken != null) {
      meta.put("progressToken", progressToken);
    }
    return ModernWire.json(Map.of("jsonrpc", "2.0", "id", id, "method", "tools/call",
        "params", Map.of("name", tool, "arguments", Map.of(), "_meta", meta)));
  }

  /** Every JSON-RPC message of a response, in the order it was written: the events of a stream, or the one body. */
  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> messages(HttpResponse<String> r) throws Exception {
    List<Map<String, Object>> out = new ArrayList<>();
    if (!r.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream")) {
      out.add(JSON.readValue(r.body(), Map.class));
      return out;
    }
    for (String line : r.body().split("\n")) {
      if (line.startsWith("data:") && !line.substring(5).isBlank()) {
        out.add(JSON.readValue(line.substring(5).trim(), Map.class));
      }
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> params(Map<String, Object> message) {
    return (Map<String, Object>) message.get("params");
  }

  private static Map<String, Object> progress(Object token, double progress, Double total, String message) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("progressToken", token);
    p.put("progress", progress);
    if (total != null) {
      p.put("total", total);
    }
    p.put("message", message);
    return p;
  }

  @SuppressWarnings("unchecked")
  private static String text(Map<String, Object> response) {
    return ModernWire.text((Map<String, Object>) response.get("result"));
  }

  @Test
  void aModernCallWithAProgressTokenStreamsItsProgressBeforeTheResult() throws Exception {
    HttpResponse<String> r = post(server.url(), call(1, "report", "tok-h1"), headers("tools/call", "report"));
    assertEquals(200, r.statusCode(), r.body());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"), r.headers().map()
        .toString());
    assertEquals("no", r.headers().firstValue("X-Accel-Buffering").orElse(""));
    List<Map<String, Object>> messages = messages(r);
    assertEquals(3, messages.size(), r.body());
    // in order, each only what the tool reported with the client's token; the tool's log message is not sent
    assertEquals("notifications/progress", messages.get(0).get("method"));
    assertEquals(progress("tok-h1", 1.0, 2.0, "half way"), params(messages.get(0)));
    assertEquals(Map.of("jsonrpc", "2.0", "method", "notifications/progress", "params",
        progress("tok-h1", 2.0, 2.0, "done")), messages.get(1), "nothing but the notification's own fields");
    assertEquals(1, ((Number) messages.get(2).get("id")).intValue(), "the result comes last");
    assertTrue(text(messages.get(2)).startsWith("reported;"), r.body());
  }

  @Test
  void aModernCallWithoutAProgressTokenStaysOneJsonAnswer() throws Exception {
    HttpResponse<String> r = post(server.url(), call(2, "report", null), headers("tools/call", "report"));
    assertEquals(200, r.statusCode(), r.body());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), r.body());
    assertFalse(r.body().contains("notifications/progress"), r.body());
    assertTrue(text(messages(r).get(0)).startsWith("reported;"), r.body());
  }

  @Test
  void anIntegerTokenComesBackAsSentAndATokenOfAnotherTypeAsksForNothing() throws Exception {
    HttpResponse<String> integer = post(server.url(), call(3, "report", 7), headers("tools/call", "report"));
    List<Map<String, Object>> messages = messages(integer);
    assertEquals(3, messages.size(), integer.body());
    assertEquals(7, params(messages.get(0)).get("progressToken"), integer.body());
    // "Progress tokens MUST be a string or integer value": an object token is not one this server echoes
    HttpResponse<String> object = post(server.url(), call(4, "report", Map.of("secret", "x")),
        headers("tools/call", "report"));
    assertTrue(object.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), object.body());
    assertFalse(object.body().contains("notifications/progress"), object.body());
  }

  @Test
  void onlyIncreasingFiniteProgressIsSent() throws Exception {
    HttpResponse<String> r = post(server.url(), call(5, "steps", "tok-steps"), headers("tools/call", "steps"));
    List<Map<String, Object>> messages = messages(r);
    assertEquals(List.of(
        progress("tok-steps", 0.0, 3.0, "started"),
        progress("tok-steps", 1.0, 3.0, "one"),
        progress("tok-steps", 2.0, null, "two"), // an infinite total is left out
        progress("tok-steps", 3.0, 3.0, "done")),
        messages.subList(0, messages.size() - 1).stream().map(Protocol2026ProgressHttpTest::params).toList(),
        r.body());
    assertEquals("stepped", text(messages.get(messages.size() - 1)));
  }

  @Test
  void aClientThatTakesNoEventStreamGetsTheJsonAnswerWithoutProgress() throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url()))
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .timeout(Duration.ofSeconds(60))
        .POST(HttpRequest.BodyPublishers.ofString(call(6, "report", "tok-json")));
    headers("tools/call", "report").forEach(b::header);
    HttpResponse<String> r = ModernWire.HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    assertFalse(r.body().contains("notifications/progress"), r.body());
    assertFalse(r.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"), r.body());
  }

  @Test
  void aLegacySessionGetsItsProgressBeforeTheResultToo() throws Exception {
    HttpResponse<String> init = post(server.url(), ModernWire.legacy(10, "initialize", Map.of("protocolVersion",
        "2025-11-25", "capabilities", Map.of(), "clientInfo", Map.of("name", "old", "version", "1"))), Map.of());
    assertEquals(200, init.statusCode(), init.body());
    String session = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
    Map<String, String> h = Map.of("Mcp-Session-Id", session, "MCP-Protocol-Version", "2025-11-25");
    post(server.url(), "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}", h);
    HttpResponse<String> r = post(server.url(), ModernWire.legacy(11, "tools/call", Map.of("name", "report",
        "arguments", Map.of(), "_meta", Map.of("progressToken", "tok-legacy"))), h);
    assertEquals(200, r.statusCode(), r.body());
    // the legacy era also sends the tool's log message (its level defaults to the SDK's): left out here
    List<Map<String, Object>> messages = messages(r).stream()
        .filter(m -> !"notifications/message".equals(m.get("method"))).toList();
    assertEquals(3, messages.size(), r.body());
    assertEquals(List.of("tok-legacy", "tok-legacy"), messages.subList(0, 2).stream()
        .map(m -> params(m).get("progressToken")).toList(), r.body());
    assertEquals(List.of(1.0, 2.0), messages.subList(0, 2).stream()
        .map(m -> ((Number) params(m).get("progress")).doubleValue()).toList(), r.body());
    assertEquals(11, ((Number) messages.get(2).get("id")).intValue(), r.body());
  }
}
