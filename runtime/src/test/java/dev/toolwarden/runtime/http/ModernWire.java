package dev.toolwarden.runtime.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Raw Streamable HTTP for the tests of both eras: modern requests with their headers, legacy ones in a session. */
final class ModernWire {

  static final McpJsonMapper JSON = McpJsonDefaults.getMapper();
  static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  static final String VERSION = "2026-07-28";

  private ModernWire() {}

  /** The required per-request {@code _meta} of 2026-07-28. */
  static Map<String, Object> meta() {
    return Map.of("io.modelcontextprotocol/protocolVersion", VERSION,
        "io.modelcontextprotocol/clientCapabilities", Map.of(),
        "io.modelcontextprotocol/clientInfo", Map.of("name", "raw-2026", "version", "1"));
  }

  /** A modern request body: {@code params} plus the required {@code _meta}. */
  static String modern(int id, String method, Map<String, Object> params) {
    Map<String, Object> p = new LinkedHashMap<>(params);
    p.put("_meta", meta());
    return json(Map.of("jsonrpc", "2.0", "id", id, "method", method, "params", p));
  }

  /** A modern request body whose client declares {@code capabilities}. */
  static String modern(Object id, String method, Map<String, Object> params, Map<String, Object> capabilities) {
    Map<String, Object> p = new LinkedHashMap<>(params);
    Map<String, Object> meta = new LinkedHashMap<>(meta());
    meta.put("io.modelcontextprotocol/clientCapabilities", capabilities);
    p.put("_meta", meta);
    return json(Map.of("jsonrpc", "2.0", "id", id, "method", method, "params", p));
  }

  /** A legacy request body (no modern {@code _meta}). */
  static String legacy(int id, String method, Map<String, Object> params) {
    return json(Map.of("jsonrpc", "2.0", "id", id, "method", method, "params", params));
  }

  static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The headers a conforming modern client sends for {@code method} naming {@code name} (or null). */
  static Map<String, String> headers(String method, String name) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("MCP-Protocol-Version", VERSION);
    h.put("Mcp-Method", method);
    if (name != null) {
      h.put("Mcp-Name", name);
    }
    return h;
  }

  static HttpResponse<String> post(String url, String body, Map<String, String> headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
        .header("Content-Type", "application/json")
        .header("Accept", "application/json, text/event-stream")
        .timeout(Duration.ofSeconds(60))
        .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(b::header);
    return sendAgainWhenNoAnswer(b.build());
  }

  /**
   * Sends {@code request}, and again (on a new connection) when nothing at all came back: the shared client may pick
   * a pooled connection its server closed a moment ago (after a 413 that left the body unsent, or a server of an
   * earlier test class on the same port), and the JDK client resends only idempotent methods itself. Any answer,
   * whatever its status, is returned as it is; a timeout is not sent again.
   */
  static HttpResponse<String> sendAgainWhenNoAnswer(HttpRequest request) throws IOException, InterruptedException {
    for (int attempt = 1; ; attempt++) {
      try {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      } catch (IOException noAnswer) {
        if (attempt == 3 || noAnswer instanceof java.net.http.HttpTimeoutException) {
          throw noAnswer;
        }
      }
    }
  }

  /** The JSON-RPC message of a response: the body itself, or the last {@code data:} line of an event stream. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> message(HttpResponse<String> r) throws IOException {
    String body = r.body();
    if (r.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream")) {
      String last = null;
      for (String line : body.split("\n")) {
        if (line.startsWith("data:")) {
          last = line.substring(5).trim();
        }
      }
      body = last;
    }
    return JSON.readValue(body, Map.class);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> result(HttpResponse<String> r) throws IOException {
    Map<String, Object> m = message(r);
    assertEquals(null, m.get("error"), r.body());
    return (Map<String, Object>) m.get("result");
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> error(HttpResponse<String> r) throws IOException {
    Map<String, Object> m = message(r);
    assertEquals(null, m.get("result"), r.body());
    return (Map<String, Object>) m.get("error");
  }

  /** The first text content of a tool result. */
  @SuppressWarnings("unchecked")
  static String text(Map<String, Object> result) {
    return (String) ((java.util.List<Map<String, Object>>) result.get("content")).get(0).get("text");
  }
}
