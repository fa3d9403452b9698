package dev.toolwarden.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A minimal Streamable HTTP client session: initialize, initialized, then requests. */
final class McpHttp {

  private final HttpClient http;
  private final URI endpoint;
  private final String bearer;
  private String session;
  private int nextId = 1;

  McpHttp(String url, String bearer) {
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
        .build();
    this.endpoint = URI.create(url);
    this.bearer = bearer;
  }

  McpHttp open() throws Exception {
    HttpResponse<String> r = post("{\"jsonrpc\":\"2.0\",\"id\":" + (nextId++) + ",\"method\":\"initialize\",\"params\":"
        + "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"bench\",\"version\":\"1\"}}}");
    if (r.statusCode() != 200) {
      throw new IllegalStateException("initialize: HTTP " + r.statusCode() + " " + r.body());
    }
    session = r.headers().firstValue("mcp-session-id").orElse(null);
    post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
    return this;
  }

  /** Sends a request and returns the response body (JSON or one SSE event). */
  String request(String method, String params) throws Exception {
    HttpResponse<String> r = post("{\"jsonrpc\":\"2.0\",\"id\":" + (nextId++) + ",\"method\":\"" + method + "\""
        + (params == null ? "" : ",\"params\":" + params) + "}");
    if (r.statusCode() != 200 || !r.body().contains("\"result\"")) {
      throw new IllegalStateException(method + ": HTTP " + r.statusCode() + " " + r.body());
    }
    return r.body();
  }

  private HttpResponse<String> post(String body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(60))
        .header("Content-Type", "application/json")
        .header("Accept", "application/json, text/event-stream")
        .header("MCP-Protocol-Version", "2025-06-18")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (session != null) {
      b.header("Mcp-Session-Id", session);
    }
    if (bearer != null) {
      b.header("Authorization", "Bearer " + bearer);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
