package dev.toolwarden.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A minimal Streamable HTTP client: a 2025 session (initialize, initialized, then requests with the session id), or,
 * {@link #modern}, a stateless MCP 2026-07-28 client (no handshake; every request carries {@code _meta} with the
 * protocol version and the client's capabilities, and the {@code MCP-Protocol-Version}, {@code Mcp-Method} and
 * {@code Mcp-Name} headers the revision requires).
 */
final class McpHttp {

  static final String MODERN_VERSION = "2026-07-28";
  private static final String MODERN_META = "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"" + MODERN_VERSION
      + "\",\"io.modelcontextprotocol/clientCapabilities\":{},"
      + "\"io.modelcontextprotocol/clientInfo\":{\"name\":\"bench\",\"version\":\"1\"}}";

  private final HttpClient http;
  private final URI endpoint;
  private final String bearer;
  private final boolean modern;
  private String session;
  private int nextId = 1;

  McpHttp(String url, String bearer) {
    this(url, bearer, false);
  }

  /** A 2026-07-28 client of {@code url}: {@link #open()} sends nothing, each request stands alone. */
  static McpHttp modern(String url, String bearer) {
    return new McpHttp(url, bearer, true);
  }

  private McpHttp(String url, String bearer, boolean modern) {
    this.modern = modern;
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
        .build();
    this.endpoint = URI.create(url);
    this.bearer = bearer;
  }

  McpHttp open() throws Exception {
    if (modern) {
      return this; // no handshake, no session
    }
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
    return request(method, params, null);
  }

  /**
   * Sends a request and returns the response body; {@code mcpName} is the {@code Mcp-Name} header of a modern
   * {@code tools/call}, {@code resources/read} or {@code prompts/get} (ignored by a 2025 session). A modern answer must
   * say {@code resultType: complete}: proof that the 2026 adapter, not the SDK, answered.
   */
  String request(String method, String params, String mcpName) throws Exception {
    String sentParams = params;
    if (modern) {
      String inner = params == null ? "" : params.strip().substring(1, params.strip().length() - 1).strip();
      sentParams = "{" + MODERN_META + (inner.isEmpty() ? "" : "," + inner) + "}";
    }
    HttpResponse<String> r = post("{\"jsonrpc\":\"2.0\",\"id\":" + (nextId++) + ",\"method\":\"" + method + "\""
        + (sentParams == null ? "" : ",\"params\":" + sentParams) + "}", method, mcpName);
    if (r.statusCode() != 200 || !r.body().contains("\"result\"")
        || (modern && !r.body().contains("\"resultType\":\"complete\""))) {
      throw new IllegalStateException(method + ": HTTP " + r.statusCode() + " " + r.body());
    }
    return r.body();
  }

  private HttpResponse<String> post(String body) throws Exception {
    return post(body, null, null);
  }

  private HttpResponse<String> post(String body, String method, String mcpName) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(60))
        .header("Content-Type", "application/json")
        .header("Accept", "application/json, text/event-stream")
        .header("MCP-Protocol-Version", modern ? MODERN_VERSION : "2025-06-18")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (modern && method != null) {
      b.header("Mcp-Method", method);
      if (mcpName != null) {
        b.header("Mcp-Name", mcpName);
      }
    }
    if (session != null) {
      b.header("Mcp-Session-Id", session);
    }
    if (bearer != null) {
      b.header("Authorization", "Bearer " + bearer);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
