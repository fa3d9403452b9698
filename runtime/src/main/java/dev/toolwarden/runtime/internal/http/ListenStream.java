package dev.toolwarden.runtime.internal.http;

import dev.toolwarden.runtime.internal.protocol2026.HeaderSource;
import dev.toolwarden.runtime.internal.protocol2026.ModernServer;
import dev.toolwarden.runtime.internal.protocol2026.Subscriptions;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The response stream of one {@code subscriptions/listen} on HTTP: an event stream that stays open, carrying the
 * acknowledgment, then the notifications the client opted in to, with an SSE comment as keep-alive during quiet
 * periods (which is also how a closed connection is noticed: the write fails and the subscription ends). The request's
 * thread serves the stream until the client goes away or the server closes it (then the listen request's completion
 * result is the last event). A refused request is answered as any modern request.
 */
final class ListenStream {

  static final long KEEP_ALIVE_MILLIS = 15_000;
  private static final byte[] KEEP_ALIVE = ":\n\n".getBytes(StandardCharsets.US_ASCII);

  private ListenStream() {}

  static void serve(ModernServer server, McpSchema.JSONRPCRequest rpc, McpTransportContext context,
      HeaderSource headers, HttpServletResponse raw, McpJsonMapper json) throws IOException {
    BlockingQueue<Map<String, Object>> queue = new LinkedBlockingQueue<>();
    boolean[] gone = {false};
    ModernServer.Listening l = server.listen(rpc, context, headers, message -> {
      synchronized (gone) {
        return !gone[0] && queue.offer(message);
      }
    });
    if (l.refusal() != null) {
      byte[] bytes = json.writeValueAsBytes(l.refusal().response());
      raw.setStatus(l.refusal().status());
      raw.setContentType("application/json");
      raw.setCharacterEncoding("UTF-8");
      raw.setContentLength(bytes.length);
      raw.getOutputStream().write(bytes);
      return;
    }
    Subscriptions.Subscription subscription = l.subscription();
    raw.setStatus(200);
    raw.setContentType("text/event-stream");
    raw.setCharacterEncoding("UTF-8");
    raw.setHeader("Cache-Control", "no-cache");
    raw.setHeader("X-Accel-Buffering", "no");
    var out = raw.getOutputStream();
    try {
      while (true) {
        Map<String, Object> message = queue.poll(KEEP_ALIVE_MILLIS, TimeUnit.MILLISECONDS);
        if (message == null) {
          out.write(KEEP_ALIVE);
        } else {
          out.write("event: message\ndata: ".getBytes(StandardCharsets.US_ASCII));
          out.write(json.writeValueAsBytes(message));
          out.write("\n\n".getBytes(StandardCharsets.US_ASCII));
        }
        raw.flushBuffer();
        if (message != null && message.containsKey("id")) {
          return; // the completion result: the server ended the subscription
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      // the client went away: that ends the subscription
    } finally {
      synchronized (gone) {
        gone[0] = true;
      }
      subscription.close();
    }
  }
}
