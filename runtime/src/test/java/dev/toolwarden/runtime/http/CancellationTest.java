package dev.toolwarden.runtime.http;

import static dev.toolwarden.runtime.http.ModernWire.JSON;
import static dev.toolwarden.runtime.http.ModernWire.legacy;
import static dev.toolwarden.runtime.http.ModernWire.modern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwarden.runtime.RunningServer;
import dev.toolwarden.runtime.Toolwarden;
import dev.toolwarden.runtime.audit.AuditEvent;
import dev.toolwarden.runtime.audit.AuditOutcome;
import dev.toolwarden.runtime.testtools.AskingTools;
import dev.toolwarden.runtime.testtools.EchoTools;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Cancellation as each revision defines it, with a tool that waits until it is cancelled ({@code ctx.onCancel},
 * {@code ctx.isCancelled()}): 2026-07-28 over HTTP by closing the response stream, over stdio by
 * {@code notifications/cancelled}; 2025-11-25 by {@code notifications/cancelled} in the session on both transports.
 * Every wait is on a semaphore the tool releases, never a sleep.
 */
class CancellationTest {

  private static final long WAIT = 60;
  private static final List<AuditEvent> AUDIT = new CopyOnWriteArrayList<>();
  private static final Semaphore CANCELLED_AUDITS = new Semaphore(0);
  private static RunningServer server;

  @BeforeAll
  static void start() {
    server = Toolwarden.server("cancel", "1.0.0").tools(new AskingTools()).grantScopes("files:write")
        .auditSink(e -> {
          AUDIT.add(e);
          if (e.outcome() == AuditOutcome.CANCELLED) {
            CANCELLED_AUDITS.release();
          }
        })
        .http(HttpOptions.loopback(0));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @BeforeEach
  void reset() {
    AskingTools.STARTED.drainPermits();
    AskingTools.STOPPED.drainPermits();
    CANCELLED_AUDITS.drainPermits();
  }

  private static void await(Semaphore s, String what) throws InterruptedException {
    assertTrue(s.tryAcquire(WAIT, TimeUnit.SECONDS), what);
  }

  @Test
  void aModernHttpCallIsCancelledWhenItsClientClosesTheStream() throws Exception {
    String body = modern(1, "tools/call", Map.of("name", "wait_for_cancel", "arguments", Map.of()));
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
      OutputStream out = socket.getOutputStream();
      out.write(("POST /mcp HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\n"
          + "Content-Type: application/json\r\nAccept: application/json, text/event-stream\r\n"
          + "MCP-Protocol-Version: 2026-07-28\r\nMcp-Method: tools/call\r\nMcp-Name: wait_for_cancel\r\n"
          + "Content-Length: " + bytes.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(bytes);
      out.flush();
      await(AskingTools.STARTED, "the tool runs");
      String head = readHead(socket.getInputStream());
      assertTrue(head.startsWith("HTTP/1.1 200"), head);
      assertTrue(head.toLowerCase(java.util.Locale.ROOT).contains("content-type: text/event-stream"),
          "a long call is answered as a stream, kept alive: " + head);
    } // the client goes away
    await(AskingTools.STOPPED, "the tool saw its cancellation (callback, then isCancelled)");
    await(CANCELLED_AUDITS, "the audit trail says cancelled");
    assertTrue(AUDIT.stream().anyMatch(e -> e.outcome() == AuditOutcome.CANCELLED
        && "wait_for_cancel".equals(e.tool())), AUDIT.toString());
  }

  /** Reads the response's status line and headers (the keep-alive comment commits them). */
  private static String readHead(InputStream in) throws Exception {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != -1) {
      head.write(b);
      if (head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
        break;
      }
    }
    return head.toString(StandardCharsets.US_ASCII);
  }

  @Test
  void aLegacyHttpCallIsCancelledByItsSessionsNotification() throws Exception {
    HttpResponse<String> init = ModernWire.post(server.url(), legacy(1, "initialize", Map.of("protocolVersion",
        "2025-11-25", "capabilities", Map.of(), "clientInfo", Map.of("name", "old", "version", "1"))), Map.of());
    String session = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
    ModernWire.post(server.url(), "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
        Map.of("Mcp-Session-Id", session));
    CompletableFuture<HttpResponse<String>> call = CompletableFuture.supplyAsync(() -> {
      try {
        return ModernWire.post(server.url(), legacy(77, "tools/call", Map.of("name", "wait_for_cancel", "arguments",
            Map.of())), Map.of("Mcp-Session-Id", session, "MCP-Protocol-Version", "2025-11-25"));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    await(AskingTools.STARTED, "the tool runs");
    HttpResponse<String> cancel = ModernWire.post(server.url(), "{\"jsonrpc\":\"2.0\",\"method\":"
        + "\"notifications/cancelled\",\"params\":{\"requestId\":77,\"reason\":\"user\"}}",
        Map.of("Mcp-Session-Id", session, "MCP-Protocol-Version", "2025-11-25"));
    assertEquals(202, cancel.statusCode(), cancel.body());
    await(AskingTools.STOPPED, "the tool saw its cancellation");
    await(CANCELLED_AUDITS, "the audit trail says cancelled");
    call.get(WAIT, TimeUnit.SECONDS); // the SDK still answers the request (it does not drop cancelled answers)
  }

  // ---- stdio ------------------------------------------------------------------------------------

  private static final class Stdio implements AutoCloseable {
    final PipedOutputStream toServer = new PipedOutputStream();
    final BlockingQueue<Map<String, Object>> lines = new LinkedBlockingQueue<>();
    final List<Map<String, Object>> all = new CopyOnWriteArrayList<>();
    final Thread serving;

    Stdio() throws Exception {
      PipedInputStream in = new PipedInputStream(toServer, 1 << 16);
      OutputStream out = new OutputStream() {
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        @Override
        @SuppressWarnings("unchecked")
        public synchronized void write(int b) {
          if (b != '\n') {
            line.write(b);
            return;
          }
          try {
            Map<String, Object> m = JSON.readValue(line.toString(StandardCharsets.UTF_8), Map.class);
            lines.add(m);
            all.add(m);
          } catch (Exception e) {
            lines.add(Map.of("unparsable", line.toString(StandardCharsets.UTF_8)));
          }
          line.reset();
        }
      };
      serving = new Thread(() -> Toolwarden.server("cancel-stdio", "1.0.0")
          .tools(new AskingTools(), new EchoTools()).grantScopes("files:write", "echo:use").stdio(in, out),
          "cancel-stdio");
      serving.setDaemon(true);
      serving.start();
    }

    void send(String line) throws Exception {
      toServer.write((line + "\n").getBytes(StandardCharsets.UTF_8));
      toServer.flush();
    }

    Map<String, Object> response(int id) throws Exception {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT);
      while (true) {
        Map<String, Object> m = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        assertNotNull(m, "no answer to " + id);
        if (m.get("id") instanceof Number n && n.intValue() == id) {
          return m;
        }
      }
    }

    @Override
    public void close() throws Exception {
      toServer.close();
      serving.join(TimeUnit.SECONDS.toMillis(WAIT));
      assertFalse(serving.isAlive(), "the server ends with its input");
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void aModernStdioCallIsCancelledByNotificationAndGetsNoAnswer() throws Exception {
    Stdio stdio = new Stdio();
    try {
      stdio.send(modern(30, "tools/call", Map.of("name", "wait_for_cancel", "arguments", Map.of())));
      await(AskingTools.STARTED, "the tool runs");
      stdio.send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":30}}");
      await(AskingTools.STOPPED, "the tool saw its cancellation");
      stdio.send(modern(31, "tools/call", Map.of("name", "echo", "arguments", Map.of("text", "still here"))));
      assertEquals("still here", ModernWire.text((Map<String, Object>) stdio.response(31).get("result")));
    } finally {
      stdio.close(); // waits for every pending request, the cancelled one included
    }
    assertTrue(stdio.all.stream().noneMatch(m -> m.get("id") instanceof Number n && n.intValue() == 30),
        "no message for a cancelled request: " + stdio.all);
  }

  @Test
  void aLegacyStdioCallIsCancelledByItsSessionsNotification() throws Exception {
    try (Stdio stdio = new Stdio()) {
      stdio.send(legacy(40, "initialize", Map.of("protocolVersion", "2025-11-25", "capabilities", Map.of(),
          "clientInfo", Map.of("name", "old", "version", "1"))));
      stdio.response(40);
      stdio.send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
      stdio.send(legacy(41, "tools/call", Map.of("name", "wait_for_cancel", "arguments", Map.of())));
      await(AskingTools.STARTED, "the tool runs");
      stdio.send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":41}}");
      await(AskingTools.STOPPED, "the tool saw its cancellation");
    }
  }
}
