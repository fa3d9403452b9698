package dev.toolwarden.runtime.internal.stdio;

import dev.toolwarden.runtime.internal.pipeline.Cancellation;
import dev.toolwarden.runtime.internal.protocol2026.Subscriptions;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import dev.toolwarden.runtime.internal.protocol2026.ModernServer;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MCP 2026-07-28 messages of a stdio stream: each request is answered by the adapter off the reading thread (a
 * slow tool must not stop the next line from being read, as the SDK's sessions do not), its one-line answer written
 * under the protocol output's lock and counted as pending until then, so end of input waits for it as for the SDK's;
 * the request's own notifications (progress) are lines before it. Notifications from the client get no answer. stdio has no headers and its one caller is the configured local one.
 */
final class ModernLines implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ModernLines.class);

  private final ModernServer server;
  private final McpJsonMapper json;
  private final TrackingOutputStream out;
  private final PendingRequests pending;
  private static final String CANCELLED = "notifications/cancelled";

  private final Map<String, Cancellation> running = new ConcurrentHashMap<>();
  private final Map<String, Subscriptions.Subscription> streams = new ConcurrentHashMap<>();
  private final ExecutorService workers = Executors.newCachedThreadPool(new Named());

  ModernLines(ModernServer server, McpJsonMapper json, TrackingOutputStream out, PendingRequests pending) {
    this.server = server;
    this.json = json;
    this.out = out;
    this.pending = pending;
  }

  /**
   * Cancels the running modern request that a {@code notifications/cancelled} names; false when {@code message} is
   * not one, or names no running modern request (the legacy session may have it).
   */
  boolean cancels(McpSchema.JSONRPCMessage message) {
    if (!(message instanceof McpSchema.JSONRPCNotification n) || !CANCELLED.equals(n.method())
        || !(n.params() instanceof Map<?, ?> p)) {
      return false;
    }
    String key = idKey(p.get("requestId"));
    Subscriptions.Subscription listening = streams.remove(key);
    if (listening != null) {
      listening.close(); // the client ends its stream: no answer
      return true;
    }
    Cancellation c = running.get(key);
    if (c == null) {
      return false;
    }
    c.cancel();
    return true;
  }

  /**
   * Opens a {@code subscriptions/listen} stream on this output: acknowledged at once, then each notification as a
   * line tagged with its subscription id. Not a pending request: it lasts until cancelled or the input ends.
   */
  private void listen(McpSchema.JSONRPCRequest request) {
    ModernServer.Listening l = server.listen(request, McpTransportContext.EMPTY, null, message -> {
      try {
        out.writeOwnLine(json.writeValueAsString(message));
        return true;
      } catch (IOException | RuntimeException e) {
        return false;
      }
    });
    if (l.refusal() != null) {
      try {
        out.writeOwnLine(json.writeValueAsString(l.refusal().response()));
      } catch (IOException e) {
        LOG.warn("answering a {} request failed: {}", request.method(), e.getClass().getName());
      }
    } else if (!l.subscription().ended()) {
      streams.put(idKey(request.id()), l.subscription());
    }
  }

  /** Answers {@code message} when it is a request; drops a notification (this revision answers none). */
  void accept(McpSchema.JSONRPCMessage message) {
    if (!(message instanceof McpSchema.JSONRPCRequest request)) {
      return; // cancellation was handled by cancels(..); nothing else is sent to a server
    }
    if (ModernServer.METHOD_LISTEN.equals(request.method())) {
      listen(request);
      return;
    }
    pending.requestForwarded();
    String key = idKey(request.id());
    Cancellation cancellation = new Cancellation();
    running.put(key, cancellation);
    workers.execute(() -> {
      boolean answered = false;
      try {
        ModernServer.Answer answer = server.answer(request, McpTransportContext.EMPTY, null, cancellation,
            notification -> notify(notification, cancellation));
        if (!cancellation.isCancelled()) {
          // "the server MUST NOT send any further messages for" a cancelled request
          String line = json.writeValueAsString(answer.response());
          // no longer in flight before the client can read the answer and send its next request (LineFilter's bound)
          answered = true;
          pending.responseWritten();
          out.writeOwnLine(line);
        }
      } catch (IOException | RuntimeException e) {
        LOG.warn("answering a {} request failed: {}", request.method(), e.getClass().getName());
      } finally {
        running.remove(key, cancellation);
        if (!answered) {
          pending.responseWritten();
        }
      }
    });
  }

  /**
   * Writes one notification of a running request (a tool's progress) as a line; it precedes the answer's line, which
   * the same worker writes after the call returned. Nothing for a cancelled request.
   */
  private boolean notify(Map<String, Object> notification, Cancellation cancellation) {
    if (cancellation.isCancelled()) {
      return false;
    }
    try {
      out.writeOwnLine(json.writeValueAsString(notification));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** A request id as a map key: a string id and a number id are different ids. */
  private static String idKey(Object id) {
    return (id instanceof Number ? "n:" : "s:") + id;
  }

  /** Stops taking work; what runs may finish (the server has waited for pending answers already). */
  @Override
  public void close() {
    streams.values().forEach(Subscriptions.Subscription::close); // the client is gone with its input
    streams.clear();
    workers.shutdown();
    try {
      workers.awaitTermination(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Daemon threads: an unanswered call never keeps the process alive after stdin ended. */
  private static final class Named implements ThreadFactory {
    private final AtomicInteger count = new AtomicInteger();

    @Override
    public Thread newThread(Runnable r) {
      Thread t = new Thread(r, "toolwarden-mcp-2026-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    }
  }
}
