package dev.toolwarden.runtime.internal.protocol2026;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The open {@code subscriptions/listen} streams of MCP 2026-07-28 ("Subscribe and Notify"), on either transport:
 * each gets only the notification types it asked for and the server acknowledged, every message tagged with
 * {@code io.modelcontextprotocol/subscriptionId} (the listen request's id). A stream ends when its client goes away
 * (its sink refuses a message, or {@link Subscription#close()}), or when the server stops ({@link #closeAll}, which
 * sends each the graceful completion result first).
 */
public final class Subscriptions {

  /** {@code _meta} key of the subscription a message belongs to. */
  public static final String META_SUBSCRIPTION_ID = "io.modelcontextprotocol/subscriptionId";

  /** Where a stream's messages go; false when the client is gone. */
  @FunctionalInterface
  public interface Sink {

    /** Delivers one JSON-RPC message; false when it could not (the stream is then closed). */
    boolean send(Map<String, Object> message);
  }

  private final List<Subscription> open = new CopyOnWriteArrayList<>();
  private volatile boolean closed;

  /** One open stream: the listen request's id, the resource URIs it follows, its sink. */
  public final class Subscription implements AutoCloseable {
    private final Object id;
    private final Set<String> resources;
    private final Sink sink;
    private volatile boolean ended;
    private final java.util.concurrent.CountDownLatch finished = new java.util.concurrent.CountDownLatch(1);

    private Subscription(Object id, Set<String> resources, Sink sink) {
      this.id = id;
      this.resources = resources;
      this.sink = sink;
    }

    /** The listen request's id. */
    public Object id() {
      return id;
    }

    /** Whether the stream ended (client gone, or the server closed it). */
    public boolean ended() {
      return ended;
    }

    /** One message at a time per stream, in order: the acknowledgment holds this lock until it is written. */
    private synchronized void deliver(Map<String, Object> message) {
      if (!ended && !sink.send(message)) {
        close();
      }
    }

    /** Ends the stream without a message (the client cancelled it or went away). */
    @Override
    public void close() {
      ended = true;
      open.remove(this);
      finished.countDown();
    }
  }

  /**
   * Opens a stream for listen request {@code id}: sends the acknowledgment with {@code acknowledged} first, then
   * registers it for updates of {@code resources}.
   *
   * @return the subscription, or null when the server is closing (the caller answers the listen request at once)
   */
  Subscription open(Object id, Map<String, Object> acknowledged, Set<String> resources, Sink sink) {
    Subscription s = new Subscription(id, Set.copyOf(resources), sink);
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("_meta", Map.of(META_SUBSCRIPTION_ID, id));
    params.put("notifications", acknowledged);
    synchronized (s) {
      // registered, then acknowledged under the stream's lock: an update that finds it waits for the acknowledgment
      // (nothing may precede it), and none that happens after the acknowledgment is missed
      open.add(s);
      s.deliver(notification("notifications/subscriptions/acknowledged", params));
    }
    if (closed && !s.ended) {
      return closeNow(s);
    }
    return s;
  }

  /** Sends the completion result; the transport ends the stream once it wrote it ({@link Subscription#close()}). */
  private Subscription closeNow(Subscription s) {
    s.deliver(completion(s.id));
    return s;
  }

  /** Tells every stream that follows {@code uri} that it changed. */
  public void resourceUpdated(String uri) {
    for (Subscription s : open) {
      if (s.resources.contains(uri)) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("_meta", Map.of(META_SUBSCRIPTION_ID, s.id));
        params.put("uri", uri);
        s.deliver(notification("notifications/resources/updated", params));
      }
    }
  }

  /**
   * The server stops: each stream gets its graceful completion result, and none opens any more. Waits up to
   * {@code wait} for the transports to have written it (an HTTP stream is written by its request's thread), so that
   * stopping the server right after does not cut it off.
   */
  public void closeAll(java.time.Duration wait) {
    closed = true;
    List<Subscription> closing = List.copyOf(open);
    closing.forEach(this::closeNow);
    long deadline = System.nanoTime() + wait.toNanos();
    try {
      for (Subscription s : closing) {
        s.finished.await(Math.max(0, deadline - System.nanoTime()), java.util.concurrent.TimeUnit.NANOSECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** How many streams are open (tests). */
  int size() {
    return open.size();
  }

  private static Map<String, Object> notification(String method, Map<String, Object> params) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("jsonrpc", "2.0");
    m.put("method", method);
    m.put("params", params);
    return m;
  }

  /** The listen request's successful response: "the subscription ended gracefully". */
  private static Map<String, Object> completion(Object id) {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("resultType", "complete");
    result.put("_meta", Map.of(META_SUBSCRIPTION_ID, id));
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("jsonrpc", "2.0");
    m.put("id", id);
    m.put("result", result);
    return m;
  }
}
