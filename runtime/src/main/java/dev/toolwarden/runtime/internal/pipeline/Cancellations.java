package dev.toolwarden.runtime.internal.pipeline;

import dev.toolwarden.runtime.internal.telemetry.TransportMetadata;
import io.modelcontextprotocol.common.McpTransportContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The legacy era's running calls by session and JSON-RPC request id, so that a {@code notifications/cancelled} of
 * 2025-11-25 reaches the call it names. The Java SDK does not act on that notification (java-sdk#130): the transports
 * hand it here first (stdio: the observed session; HTTP: a filter after the session guard, so only the session's
 * owner can cancel its calls). A call is registered while it runs, and only then.
 */
public final class Cancellations {

  private final Map<String, Cancellation> running = new ConcurrentHashMap<>();

  /** The key of a call in {@code session} with the request id the transport put into {@code context}, or null. */
  static String key(String session, McpTransportContext context) {
    Object id = context == null ? null : context.get(TransportMetadata.REQUEST_ID_KEY);
    return session == null || id == null ? null : key(session, id.toString());
  }

  private static String key(String session, String id) {
    return session + '\u0000' + id;
  }

  /** Registers a running call under {@code key} (null: a call nobody can cancel). */
  Cancellation start(String key) {
    Cancellation c = new Cancellation();
    if (key != null) {
      running.put(key, c);
    }
    return c;
  }

  /** The call under {@code key} has been answered. */
  void finish(String key, Cancellation c) {
    if (key != null) {
      running.remove(key, c);
    }
  }

  /**
   * {@code notifications/cancelled} arrived in {@code session} for {@code requestId} (its params' value, as sent); an
   * unknown or finished request is ignored, as the specification asks.
   */
  public void cancel(String session, Object requestId) {
    if (session == null || !(requestId instanceof String || requestId instanceof Number)) {
      return;
    }
    Map<String, Object> bounded = new java.util.HashMap<>(2);
    TransportMetadata.captureRequestId(requestId, bounded); // the same form the running call was registered with
    Object id = bounded.get(TransportMetadata.REQUEST_ID_KEY);
    Cancellation c = id == null ? null : running.get(key(session, id.toString()));
    if (c != null) {
      c.cancel();
    }
  }

  /** Whether a call is registered (tests). */
  int size() {
    return running.size();
  }
}
