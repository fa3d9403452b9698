package dev.toolwarden.runtime.internal.server;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpServerSession;
import io.modelcontextprotocol.spec.McpServerTransport;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import reactor.core.publisher.Mono;

/**
 * Serves {@code tools/list} once on a throwaway SDK server whose transport goes nowhere, so that the SDK's server,
 * session and Reactor classes (several hundred, most of the first request's own start-up) are loaded and linked off
 * the critical path (after {@link JsonWarmup}, on the same second thread). No thread, socket, scheduler or global
 * state is made: the transport keeps the session factory and drops every message; the answer is read with
 * {@code block()} on the warm-up thread.
 *
 * <p>No {@code initialize}: the SDK logs every one at INFO with the client's name, so a warmed start-up would log a
 * client that never connected; the SDK's session serves a listing after the {@code initialized} notification alone,
 * and nothing of it is logged above DEBUG ({@code SdkWarmupTest}).
 */
final class SdkWarmup {

  private static final String SCHEMA = "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"}}}";

  private SdkWarmup() {}

  /** Runs the listing; returns the answers the server sent (one, when it was answered). */
  @SuppressWarnings("deprecation") // logging(): the capability the server announces (see SdkServerFactory)
  static List<McpSchema.JSONRPCMessage> warm(McpJsonMapper json) {
    Nowhere transport = new Nowhere(json);
    McpSchema.Tool tool = McpSchema.Tool.builder("w", json, SCHEMA).description("w").build();
    PrevalidatedSchemas schemas = new PrevalidatedSchemas();
    schemas.trust(tool.inputSchema()); // as for a generated bundle: no meta-schema check, no schema library
    McpSyncServer server = McpServer.sync(transport).serverInfo("w", "1").jsonMapper(json)
        .capabilities(McpSchema.ServerCapabilities.builder().tools(true).logging().build())
        .validateToolInputs(false).jsonSchemaValidator(schemas)
        .tools(new McpServerFeatures.SyncToolSpecification(tool,
            (exchange, request) -> McpSchema.CallToolResult.builder().addTextContent("w").build()))
        .build();
    try {
      McpServerSession session = transport.factory.create(transport);
      // the session serves requests once told it is initialized; without an initialize request (see above)
      session.handle(new McpSchema.JSONRPCNotification(McpSchema.JSONRPC_VERSION,
          McpSchema.METHOD_NOTIFICATION_INITIALIZED, null)).block(Duration.ofSeconds(5));
      session.handle(new McpSchema.JSONRPCRequest(McpSchema.JSONRPC_VERSION, McpSchema.METHOD_TOOLS_LIST, 2, null))
          .block(Duration.ofSeconds(5));
      session.close();
    } finally {
      server.close();
    }
    return List.copyOf(transport.sent);
  }

  /** A transport provider and session transport that keep the session factory and what is sent, and send nothing. */
  private static final class Nowhere implements McpServerTransportProvider, McpServerTransport {

    private final McpJsonMapper json;
    private final List<McpSchema.JSONRPCMessage> sent = new CopyOnWriteArrayList<>();
    private McpServerSession.Factory factory;

    Nowhere(McpJsonMapper json) {
      this.json = json;
    }

    @Override
    public void setSessionFactory(McpServerSession.Factory factory) {
      this.factory = factory;
    }

    @Override
    public Mono<Void> notifyClients(String method, Object params) {
      return Mono.empty();
    }

    @Override
    public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
      sent.add(message);
      return Mono.empty();
    }

    @Override
    public <T> T unmarshalFrom(Object data, TypeRef<T> type) {
      return json.convertValue(data, type);
    }

    @Override
    public Mono<Void> closeGracefully() {
      return Mono.empty();
    }

    @Override
    public void close() {
      // nothing was opened
    }

    // both interfaces declare it with a default: the class must choose (the provider's, the SDK's versions)
    @Override
    public List<String> protocolVersions() {
      return McpServerTransportProvider.super.protocolVersions();
    }
  }
}
