package dev.toolwarden.runtime.internal.stdio;

import dev.toolwarden.runtime.internal.telemetry.TransportMetadata;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpServerSession;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * The SDK's stdio session with two additions for telemetry: each request is handled with its JSON-RPC id in the
 * transport context (where the HTTP transport puts it too, so the span gets {@code jsonrpc.request.id}), and
 * {@code initialize} and the session's end are reported to {@link StdioSessions}.
 *
 * <p>Why a subclass that delegates: the SDK's stdio transport (mcp 2.1.0) calls {@code handle} on the session its
 * factory returned and offers no other hook into the Reactor context a request is handled in. Every public method
 * is forwarded to the SDK's own session, which does all the work (its own instance state is unused);
 * {@code ObservedSessionTest} fails when an SDK update adds a public method this class does not forward.
 */
final class ObservedSession extends McpServerSession {

  private final McpServerSession delegate;
  private final StdioSessions sessions;

  ObservedSession(McpServerSession delegate, StdioSessions sessions) {
    super(delegate.getId(), Duration.ZERO, null, null, Map.of(), Map.of());
    this.delegate = delegate;
    this.sessions = sessions;
  }

  @Override
  public Mono<Void> handle(McpSchema.JSONRPCMessage message) {
    if (message instanceof McpSchema.JSONRPCNotification n && "notifications/cancelled".equals(n.method()) && n.params() instanceof Map<?, ?> p) {
      // the SDK does not act on it (java-sdk#130): the running call it names is told here
      sessions.cancellations().cancel(delegate.getId(), p.get("requestId"));
    }
    if (!(message instanceof McpSchema.JSONRPCRequest request)) {
      return delegate.handle(message);
    }
    if (McpSchema.METHOD_INITIALIZE.equals(request.method())) {
      sessions.initialized(request.params() instanceof Map<?, ?> p && p.get("protocolVersion") instanceof String v
          ? v : null);
    }
    Map<String, Object> values = new HashMap<>(2);
    TransportMetadata.captureRequestId(request.id(), values);
    McpTransportContext context = McpTransportContext.create(values);
    return delegate.handle(message).contextWrite(c -> c.put(McpTransportContext.KEY, context));
  }

  @Override
  public String getId() {
    return delegate.getId();
  }

  @Override
  public void init(McpSchema.ClientCapabilities clientCapabilities, McpSchema.Implementation clientInfo) {
    delegate.init(clientCapabilities, clientInfo);
  }

  @Override
  public void setMinLoggingLevel(McpSchema.LoggingLevel minLoggingLevel) {
    delegate.setMinLoggingLevel(minLoggingLevel);
  }

  @Override
  public boolean isNotificationForLevelAllowed(McpSchema.LoggingLevel loggingLevel) {
    return delegate.isNotificationForLevelAllowed(loggingLevel);
  }

  @Override
  public <T> Mono<T> sendRequest(String method, Object requestParams, TypeRef<T> typeRef) {
    return delegate.sendRequest(method, requestParams, typeRef);
  }

  @Override
  public Mono<Void> sendNotification(String method, Object params) {
    return delegate.sendNotification(method, params);
  }

  @Override
  public Mono<Void> sendNotification(String method) {
    return delegate.sendNotification(method);
  }

  @Override
  public Mono<Void> closeGracefully() {
    sessions.ended();
    return delegate.closeGracefully();
  }

  @Override
  public void close() {
    sessions.ended();
    delegate.close();
  }
}
