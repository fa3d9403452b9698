package dev.toolwarden.runtime.internal.stdio;

import dev.toolwarden.runtime.internal.transport.ForwardingTransportProvider;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpServerSession;
import io.modelcontextprotocol.spec.McpServerTransport;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import reactor.core.publisher.Mono;

/**
 * Wraps the SDK's stdio transport provider so that its session sends one message at a time.
 *
 * <p>Why: the SDK's stdio session transport (mcp 2.1.0) enqueues with {@code tryEmitNext} on a
 * unicast sink, which fails, and drops the message ("Failed to enqueue message"), when two threads
 * send at once, or when the previous sender is merely descheduled inside the sink's guard (a busy
 * machine): a client then never gets its answer (modelcontextprotocol/java-sdk#304). Holding one
 * lock across each enqueue makes every send see the guard free.
 */
final class SerializedSends extends ForwardingTransportProvider implements McpServerTransportProvider {

  private final McpServerTransportProvider delegate;

  SerializedSends(McpServerTransportProvider delegate) {
    super(delegate);
    this.delegate = delegate;
  }

  @Override
  public void setSessionFactory(McpServerSession.Factory sessionFactory) {
    delegate.setSessionFactory(transport -> sessionFactory.create(new Transport(transport)));
  }

  /** A session transport whose sends enqueue under one lock; everything else is the SDK's. */
  private static final class Transport implements McpServerTransport {

    private final McpServerTransport delegate;
    private final Object sendLock = new Object();

    Transport(McpServerTransport delegate) {
      this.delegate = delegate;
    }

    @Override
    public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
      // the SDK's Mono enqueues synchronously when subscribed: subscribe to it under the lock (no
      // blocking call, so this is safe on any Reactor thread)
      return Mono.defer(() -> {
        CompletableFuture<Void> enqueued;
        synchronized (sendLock) {
          enqueued = delegate.sendMessage(message).toFuture();
        }
        return Mono.fromFuture(enqueued);
      });
    }

    @Override
    public <T> T unmarshalFrom(Object data, TypeRef<T> typeRef) {
      return delegate.unmarshalFrom(data, typeRef);
    }

    @Override
    public Mono<Void> closeGracefully() {
      return delegate.closeGracefully();
    }

    @Override
    public void close() {
      delegate.close();
    }

    @Override
    public List<String> protocolVersions() {
      return delegate.protocolVersions();
    }
  }
}
