package dev.toolwarden.runtime.internal.http;

import dev.toolwarden.runtime.internal.pipeline.Cancellation;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The response to one MCP 2026-07-28 request on HTTP, and how its client's disconnect is noticed: "closing the SSE
 * response stream **MUST** be treated by the server as cancellation of that request". A blocking servlet learns of a
 * closed connection only when it writes, so a request still running after {@link #FIRST_BEAT_MILLIS} is answered as
 * an event stream (when the client accepts one) kept alive with SSE comment lines; a write that fails cancels the
 * call, and the answer of a cancelled call is never written. A request's notifications (a tool's progress) open the
 * event stream at once and go before the answer ("request-related notifications followed by the final response"). A
 * quick answer without notifications stays a single JSON response.
 */
final class ModernResponse {

  static final long FIRST_BEAT_MILLIS = 500;
  static final long BEAT_MILLIS = 1000;
  private static final byte[] BEAT = ":\n\n".getBytes(StandardCharsets.US_ASCII);

  /** One daemon thread for every keep-alive of the process: a beat only writes three bytes. */
  private static final ScheduledExecutorService BEATS = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "toolwarden-mcp-2026-keepalive");
    t.setDaemon(true);
    return t;
  });

  private final HttpServletResponse raw;
  private final Cancellation cancellation;
  private final boolean acceptsStream;
  private ScheduledFuture<?> beats;
  private boolean stream;
  private boolean done;

  private ModernResponse(HttpServletResponse raw, Cancellation cancellation, boolean acceptsStream) {
    this.raw = raw;
    this.cancellation = cancellation;
    this.acceptsStream = acceptsStream;
  }

  /** Watches {@code raw} for a disconnect while the request runs, when {@code acceptsStream}. */
  static ModernResponse watch(HttpServletResponse raw, Cancellation cancellation, boolean acceptsStream) {
    ModernResponse r = new ModernResponse(raw, cancellation, acceptsStream);
    if (acceptsStream) {
      r.beats = BEATS.scheduleWithFixedDelay(r::beat, FIRST_BEAT_MILLIS, BEAT_MILLIS, TimeUnit.MILLISECONDS);
    }
    return r;
  }

  private synchronized void beat() {
    if (done) {
      return;
    }
    try {
      openStream();
      raw.getOutputStream().write(BEAT);
      raw.flushBuffer();
    } catch (IOException | RuntimeException e) { // NOPMD: any failure to write means the client is gone
      done = true;
      cancellation.cancel();
    }
  }

  /**
   * Sends one notification of the request as an event, before its answer; the response becomes an event stream. False
   * when the client takes no event stream, the answer went out already, or the client is gone (which cancels the call).
   */
  synchronized boolean sendNotification(byte[] json) {
    if (!acceptsStream || done) {
      return false;
    }
    try {
      openStream();
      writeEvent(json);
      return true;
    } catch (IOException | RuntimeException e) { // NOPMD: any failure to write means the client is gone
      done = true;
      cancellation.cancel();
      return false;
    }
  }

  private void openStream() {
    if (!stream) {
      raw.setStatus(200);
      raw.setContentType("text/event-stream");
      raw.setCharacterEncoding("UTF-8");
      raw.setHeader("Cache-Control", "no-cache");
      raw.setHeader("X-Accel-Buffering", "no");
      stream = true;
    }
  }

  private void writeEvent(byte[] json) throws IOException {
    var out = raw.getOutputStream();
    out.write("event: message\ndata: ".getBytes(StandardCharsets.US_ASCII));
    out.write(json);
    out.write("\n\n".getBytes(StandardCharsets.US_ASCII));
    raw.flushBuffer();
  }

  /** Writes the answer (nothing when the call was cancelled: its client is gone). */
  synchronized void finish(int status, byte[] json) throws IOException {
    done = true;
    if (beats != null) {
      beats.cancel(false);
    }
    if (cancellation.isCancelled() || raw.isCommitted() && !stream) {
      return;
    }
    if (stream) {
      writeEvent(json); // 200 already went out with the stream: a refusal's status cannot follow (see the docs)
      return;
    }
    raw.setStatus(status);
    raw.setContentType("application/json");
    raw.setCharacterEncoding("UTF-8");
    raw.setContentLength(json.length);
    raw.getOutputStream().write(json);
  }
}
