package dev.toolwarden.runtime.internal.protocol2026;

import dev.toolwarden.runtime.internal.pipeline.Cancellation;
import io.modelcontextprotocol.spec.McpSchema;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code notifications/progress} of one MCP 2026-07-28 request ({@code basic/patterns/progress}). Sent only when
 * the request's {@code _meta} carried a {@code progressToken} (a string or an integer, as the revision requires of
 * clients; anything else asks for nothing), and then only what the tool reported: the client's token, the progress,
 * the total and the message — no server detail. The revision's duties are kept here rather than trusted to each tool:
 * "The {@code progress} value MUST increase with each notification" (a report that does not exceed the last one, or is
 * not a finite number, is dropped; a total that is not finite is left out), and "Progress notifications MUST stop
 * after completion" ({@link #close()} runs before the answer is written; a cancelled request gets nothing more).
 * Thread-safe: a tool may report from its own threads, even after it returned (then nothing is sent).
 */
final class ProgressReports {

  static final String METHOD = "notifications/progress";
  static final String META_PROGRESS_TOKEN = "progressToken";

  private static final ProgressReports NONE = new ProgressReports(null, NotificationSink.NONE, Cancellation.none());

  private final Object token;
  private final NotificationSink sink;
  private final Cancellation cancellation;
  private double last = Double.NEGATIVE_INFINITY;
  private boolean closed;

  private ProgressReports(Object token, NotificationSink sink, Cancellation cancellation) {
    this.token = token;
    this.sink = sink;
    this.cancellation = cancellation;
    this.closed = token == null;
  }

  /** Reports that go nowhere (a request that cannot report progress, e.g. {@code prompts/get}). */
  static ProgressReports none() {
    return NONE;
  }

  /** The reports of a request with {@code meta}, to {@code sink}; they send nothing without a valid token. */
  static ProgressReports of(Map<String, Object> meta, NotificationSink sink, Cancellation cancellation) {
    Object token = meta.get(META_PROGRESS_TOKEN);
    if (sink == null || !(token instanceof String || token instanceof Integer || token instanceof Long
        || token instanceof BigInteger)) {
      return NONE;
    }
    return new ProgressReports(token, sink, cancellation);
  }

  /** Sends one report, when the client asked for progress, the request still runs and the value increased. */
  synchronized void report(double progress, Double total, String message) {
    if (closed || cancellation.isCancelled() || !Double.isFinite(progress) || progress <= last) {
      return;
    }
    last = progress;
    Map<String, Object> params = new LinkedHashMap<>();
    params.put(META_PROGRESS_TOKEN, token);
    params.put("progress", progress);
    if (total != null && Double.isFinite(total)) {
      params.put("total", total);
    }
    if (message != null) {
      params.put("message", message);
    }
    Map<String, Object> notification = new LinkedHashMap<>();
    notification.put("jsonrpc", McpSchema.JSONRPC_VERSION);
    notification.put("method", METHOD);
    notification.put("params", params);
    boolean sent;
    try {
      sent = sink.send(notification);
    } catch (RuntimeException e) { // NOPMD: the transport's failure is not the tool's; the answer still goes out
      sent = false;
    }
    if (!sent) {
      closed = true; // the client takes no notifications, or is gone: nothing more for this request
    }
  }

  /** Ends the reports: the request completed (its answer comes next), so no notification may follow. */
  synchronized void close() {
    closed = true;
  }
}
