package dev.toolwarden.runtime.internal.transport;

import io.modelcontextprotocol.spec.McpServerTransportProviderBase;
import java.util.List;
import java.util.Objects;
import reactor.core.publisher.Mono;

/**
 * The part of an SDK transport provider that Toolwarden's wrappers pass through unchanged (notifications,
 * closing, protocol versions): each wrapper changes only how sessions are made, so it extends this and adds its
 * own {@code setSessionFactory}.
 */
public abstract class ForwardingTransportProvider implements McpServerTransportProviderBase {

  private final McpServerTransportProviderBase delegate;

  /** Forwards to {@code delegate}. */
  protected ForwardingTransportProvider(McpServerTransportProviderBase delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  @Override
  public Mono<Void> notifyClients(String method, Object params) {
    return delegate.notifyClients(method, params);
  }

  @Override
  public Mono<Void> notifyClient(String sessionId, String method, Object params) {
    return delegate.notifyClient(sessionId, method, params);
  }

  @Override
  public void close() {
    delegate.close();
  }

  @Override
  public Mono<Void> closeGracefully() {
    return delegate.closeGracefully();
  }

  @Override
  public List<String> protocolVersions() {
    return delegate.protocolVersions();
  }
}
