package dev.toolwarden.runtime.internal.server;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;

/**
 * Builds the SDK's JSON mapper and prepares it for the first two requests ({@code initialize},
 * {@code tools/list}) on a second thread ({@link StartupWarmup}) while the main thread assembles the server. The SDK's start-up is
 * mostly Jackson's (creating the mapper, then introspecting each message type the first time it is read or
 * written); done in parallel with loading the bundles, the call pipeline, the SDK server and Reactor, it
 * leaves the critical path (BENCHMARKS.md, "Start-up"). It changes no state but caches the mapper fills anyway,
 * and a failure here only means that the first request does the work. Off with
 * {@code toolwarden.startup.json-warmup=false} (e.g. on a single core, where it cannot run in parallel).
 */
final class JsonWarmup {

  private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
      + "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"w\",\"version\":\"1\"}}}";
  private static final String INITIALIZE_PARAMS =
      "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"w\",\"version\":\"1\"}}";
  private static final String SCHEMA = "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"}}}";

  private JsonWarmup() {}

  /** Prepares the mapper and returns it (on the warm-up thread, {@link StartupWarmup}). */
  @SuppressWarnings("deprecation") // logging(): the capability the server announces (see ServerAssembly)
  static McpJsonMapper warm() {
    McpJsonMapper json = McpJsonDefaults.getMapper(); // the main thread waits here if it needs it first
    try {
      McpSchema.deserializeJsonRpcMessage(json, INITIALIZE);
      json.readValue(INITIALIZE_PARAMS, McpSchema.InitializeRequest.class);
      McpSchema.Tool tool = McpSchema.Tool.builder("w", json, SCHEMA).description("w")
          .annotations(new McpSchema.ToolAnnotations("w", true, false, true, false, null)).build();
      McpSchema.ServerCapabilities caps = McpSchema.ServerCapabilities.builder().tools(true).logging().build();
      json.writeValueAsString(new McpSchema.JSONRPCResponse(McpSchema.JSONRPC_VERSION, 1,
          McpSchema.InitializeResult.builder("2025-06-18", caps, McpSchema.Implementation.builder("w", "1").build())
              .build(), null));
      json.writeValueAsString(new McpSchema.JSONRPCResponse(McpSchema.JSONRPC_VERSION, 2,
          McpSchema.ListToolsResult.builder(List.of(tool)).build(), null));
      json.writeValueAsString(Map.of("w", List.of(1, "w", true)));
    } catch (Exception | LinkageError e) {
      // only a head start: the first request does this work itself
    }
    return json;
  }
}
