package dev.toolwarden.benchmarks.servers;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpStatelessServerHandler;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpStatelessServerTransport;
import reactor.core.publisher.Mono;

/**
 * A stateless transport without a wire: it keeps the SDK server's request handler so that a benchmark can hand it
 * JSON-RPC requests directly, exactly as the HTTP transport does after parsing a body. Everything from the method
 * dispatch to the result object is the SDK's and the server's; only bytes and sockets are left out.
 */
public final class InProcessStateless implements McpStatelessServerTransport {

  private volatile McpStatelessServerHandler handler;

  @Override
  public void setMcpHandler(McpStatelessServerHandler handler) {
    this.handler = handler;
  }

  @Override
  public Mono<Void> closeGracefully() {
    return Mono.empty();
  }

  /** Handles one request and waits for its response. */
  public McpSchema.JSONRPCResponse request(McpSchema.JSONRPCRequest request) {
    return handler.handleRequest(McpTransportContext.EMPTY, request).block();
  }
}
