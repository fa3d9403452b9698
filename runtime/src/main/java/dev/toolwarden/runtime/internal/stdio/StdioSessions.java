package dev.toolwarden.runtime.internal.stdio;

import dev.toolwarden.runtime.internal.pipeline.Cancellations;
import dev.toolwarden.runtime.internal.telemetry.EndedSession;
import dev.toolwarden.runtime.internal.telemetry.SessionCount;
import dev.toolwarden.runtime.internal.transport.ForwardingTransportProvider;
import io.modelcontextprotocol.spec.McpServerSession;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import reactor.core.publisher.Mono;

/**
 * The stdio transport as the SDK server sees it, telling telemetry what only it knows: the one session of the
 * process (active from its {@code initialize} until the input ends and the server closes) and, through
 * {@link ObservedSession}, each request's JSON-RPC id. Plain Java: telemetry turns this into the gauge and the
 * session histogram ({@link SessionCount}).
 */
final class StdioSessions extends ForwardingTransportProvider implements McpServerTransportProvider, SessionCount {

  private final McpServerTransportProvider delegate;
  private final AtomicBoolean ended = new AtomicBoolean();
  private volatile EndedSession.Listener ends = s -> { };
  /** {@link System#nanoTime} of the {@code initialize} request; 0 before it. */
  private volatile long initializedAt;
  private volatile String protocolVersion;

  private final Cancellations cancellations;

  StdioSessions(McpServerTransportProvider delegate) {
    this(delegate, new Cancellations());
  }

  /** The transport whose session hands {@code notifications/cancelled} to {@code cancellations}. */
  StdioSessions(McpServerTransportProvider delegate, Cancellations cancellations) {
    super(delegate);
    this.delegate = delegate;
    this.cancellations = cancellations;
  }

  @Override
  public void setSessionFactory(McpServerSession.Factory factory) {
    delegate.setSessionFactory(transport -> new ObservedSession(factory.create(transport), this));
  }

  /** The legacy session's running calls. */
  Cancellations cancellations() {
    return cancellations;
  }

  /** The client sent {@code initialize} asking for {@code requestedVersion}: the session starts. */
  void initialized(String requestedVersion) {
    if (initializedAt == 0 && !ended.get()) {
      protocolVersion = EndedSession.negotiated(requestedVersion, protocolVersions());
      initializedAt = System.nanoTime();
    }
  }

  /** The session ended (the input ended and the server closes it); reported once, and only if it had started. */
  void ended() {
    if (ended.compareAndSet(false, true) && initializedAt != 0) {
      long lived = System.nanoTime() - initializedAt;
      try {
        ends.ended(new EndedSession(false, protocolVersion, Duration.ofNanos(lived), EndedSession.Cause.CLOSED));
      } catch (RuntimeException e) {
        // telemetry never stops the server from closing
      }
    }
  }

  @Override
  public int activeSessions() {
    return initializedAt != 0 && !ended.get() ? 1 : 0;
  }

  @Override
  public void reportEnds(EndedSession.Listener listener) {
    this.ends = listener;
  }

  @Override
  public Mono<Void> closeGracefully() {
    ended();
    return super.closeGracefully();
  }

  @Override
  public void close() {
    ended();
    super.close();
  }
}
