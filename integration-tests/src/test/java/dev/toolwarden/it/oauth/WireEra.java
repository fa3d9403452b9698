package dev.toolwarden.it.oauth;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * How a raw HTTP request of the OAuth battery is sent in one MCP era. The battery writes each request once, as a plain
 * JSON-RPC body; the era turns it into what a client of that revision puts on the wire.
 *
 * <ul>
 *   <li>{@link #LEGACY} (2025-11-25): the body as written, after {@code initialize}; the session id is the caller's.
 *   <li>{@link #MODERN} (2026-07-28): no handshake and no session; every request carries
 *       {@code params._meta} with the protocol version, the client's capabilities and info, and the headers the
 *       revision requires: {@code MCP-Protocol-Version}, {@code Mcp-Method}, and {@code Mcp-Name} (the tool or prompt
 *       name, the resource URI) for {@code tools/call}, {@code prompts/get} and {@code resources/read}.
 * </ul>
 */
enum WireEra {
  LEGACY("2025-11-25"),
  MODERN("2026-07-28");

  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
      + "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}";
  private static final String DISCOVER = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"server/discover\"}";

  final String version;

  WireEra(String version) {
    this.version = version;
  }

  boolean legacy() {
    return this == LEGACY;
  }

  /**
   * The first request a client of this era sends, on which a token is tried before anything else: {@code initialize}
   * (2025-11-25), {@code server/discover} (2026-07-28).
   */
  String opening() {
    return legacy() ? INITIALIZE : DISCOVER;
  }

  /** {@code jsonRpc} as this era sends it. */
  String body(String jsonRpc) {
    if (legacy()) {
      return jsonRpc;
    }
    ObjectNode message = (ObjectNode) JSON.readTree(jsonRpc);
    if (!message.has("method")) {
      return jsonRpc;
    }
    ObjectNode params = message.has("params") ? (ObjectNode) message.get("params") : message.putObject("params");
    ObjectNode meta = params.has("_meta") ? (ObjectNode) params.get("_meta") : params.putObject("_meta");
    meta.put("io.modelcontextprotocol/protocolVersion", version);
    meta.putObject("io.modelcontextprotocol/clientCapabilities");
    meta.putObject("io.modelcontextprotocol/clientInfo").put("name", "raw").put("version", "1");
    return JSON.writeValueAsString(message);
  }

  /** The headers this era adds to {@code body} (as {@link #body} made it): none in 2025-11-25. */
  Map<String, String> headers(String body) {
    Map<String, String> headers = new LinkedHashMap<>();
    if (legacy()) {
      return headers;
    }
    JsonNode message = JSON.readTree(body);
    String method = message.path("method").asString("");
    headers.put("MCP-Protocol-Version", version);
    if (!method.isEmpty()) {
      headers.put("Mcp-Method", method);
    }
    String name = switch (method) {
      case "tools/call", "prompts/get" -> message.path("params").path("name").asString(null);
      case "resources/read" -> message.path("params").path("uri").asString(null);
      default -> null;
    };
    if (name != null) {
      headers.put("Mcp-Name", name);
    }
    return headers;
  }
}
