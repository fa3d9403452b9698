package dev.toolwarden.runtime.internal.http;

import dev.toolwarden.runtime.internal.transport.ForwardingTransportProvider;
import dev.toolwarden.runtime.internal.auth.SessionBindings;
import dev.toolwarden.runtime.internal.telemetry.EndedSession;
import dev.toolwarden.runtime.internal.telemetry.SessionCount;
import io.modelcontextprotocol.spec.McpStreamableServerSession;
import io.modelcontextprotocol.spec.McpStreamableServerTransportProvider;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import reactor.core.publisher.Mono;

/**
 * The SDK's transport as the SDK server sees it, with one difference: every session the SDK
 * creates is bound, at the moment it is created, to the principal of the request creating it.
 *
 * <p>Why at creation and not by watching responses for an {@code Mcp-Session-Id} header: binding
 * must not depend on any filter having recognised the request as an {@code initialize}. The SDK
 * creates a session synchronously on the request thread, so {@link SessionGuardFilter} names the
 * owner for the duration of the request ({@link #runAs}); a session the SDK tries to create on a
 * request with no owner is refused — an unbound session cannot exist.
 */
final class BoundSessionsProvider extends ForwardingTransportProvider implements McpStreamableServerTransportProvider, SessionCount {

  /** Work that may fail like a servlet filter chain. */
  interface Work {
    void run() throws java.io.IOException, jakarta.servlet.ServletException;
  }

  private static final ThreadLocal<String> OWNER = new ThreadLocal<>();
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(BoundSessionsProvider.class);

  private final McpStreamableServerTransportProvider delegate;
  private final SessionBindings bindings;
  private final Queue<String> forgotten = new ConcurrentLinkedQueue<>();
  /** The SDK's live sessions, so that one whose binding ended can be closed with its open streams. */
  private final Map<String, McpStreamableServerSession> live = new ConcurrentHashMap<>();

  BoundSessionsProvider(McpStreamableServerTransportProvider delegate, SessionBindings bindings) {
    super(delegate);
    this.delegate = delegate;
    this.bindings = bindings;
  }

  /** Runs {@code work} with sessions created meanwhile on this thread bound to {@code principal}. */
  static void runAs(String principal, Work work) throws java.io.IOException, jakarta.servlet.ServletException {
    String previous = OWNER.get();
    OWNER.set(principal);
    try {
      work.run();
    } finally {
      if (previous == null) {
        OWNER.remove();
      } else {
        OWNER.set(previous);
      }
    }
  }

  /** The sessions forgotten since the last call (evicted, expired): to be closed in the SDK. */
  List<String> drainForgotten() {
    List<String> out = new ArrayList<>();
    for (String id; (id = forgotten.poll()) != null;) {
      out.add(id);
    }
    return out;
  }

  /**
   * Forgets the expired sessions, then closes in the SDK every live session that is no longer
   * bound (expired, evicted, ended by the client): its open SSE streams end now, not when the
   * client next sends a request. Returns how many were closed.
   */
  int endUnbound() {
    bindings.expire();
    int closed = 0;
    for (Iterator<Map.Entry<String, McpStreamableServerSession>> it = live.entrySet().iterator(); it.hasNext();) {
      Map.Entry<String, McpStreamableServerSession> e = it.next();
      if (!bindings.isBound(e.getKey())) {
        it.remove();
        try {
          e.getValue().close();
          closed++;
        } catch (RuntimeException ex) {
          LOG.debug("closing an ended session failed: {}", ex.getClass().getName());
        }
      }
    }
    return closed;
  }

  @Override
  public void setSessionFactory(McpStreamableServerSession.Factory factory) {
    delegate.setSessionFactory(initializeRequest -> {
      String owner = OWNER.get();
      if (owner == null) {
        throw new IllegalStateException("an MCP session may only start on a request that passed the session guard");
      }
      McpStreamableServerSession.McpStreamableServerSessionInit init = factory.startSession(initializeRequest);
      // tagged with the negotiated protocol version: the session histogram's mcp.protocol.version
      String version = EndedSession.negotiated(initializeRequest.protocolVersion(), delegate.protocolVersions());
      forgotten.addAll(bindings.bind(init.session().getId(), owner, version));
      live.put(init.session().getId(), init.session());
      return init;
    });
  }

  @Override
  public int activeSessions() {
    return bindings.size();
  }

  @Override
  public void reportEnds(EndedSession.Listener ends) {
    bindings.onEnd((id, version, lived, end) -> ends.ended(new EndedSession(true, version, Duration.ofMillis(lived),
        switch (end) {
          case CLOSED -> EndedSession.Cause.CLOSED;
          case EXPIRED -> EndedSession.Cause.EXPIRED;
          case EVICTED -> EndedSession.Cause.EVICTED;
        })));
  }
}
