package dev.toolwarden.runtime.internal.audit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwarden.runtime.RunningServer;
import dev.toolwarden.runtime.Toolwarden;
import dev.toolwarden.runtime.http.HttpOptions;
import dev.toolwarden.runtime.testtools.EchoTools;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The default audit trail over a real transport: once {@link RunningServer#close()} returns, the call's
 * audit line has been written and the audit writer thread is gone (the server flushed its queue).
 */
class AuditFlushOnCloseTest {

  @Test
  void closingTheHttpServerWritesTheQueuedAuditLines() throws Exception {
    Set<Thread> before = auditThreads();
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream original = System.err;
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    Set<Thread> started;
    try {
      RunningServer server = Toolwarden.server("audit-flush", "1.0.0").tools(new EchoTools())
          .grantScopes("echo:use", "math:use").http(HttpOptions.loopback(0));
      try (McpSyncClient client = McpClient.sync(HttpClientStreamableHttpTransport.builder(
              "http://127.0.0.1:" + server.port()).endpoint("/mcp").build())
          .requestTimeout(Duration.ofSeconds(20)).build()) {
        client.initialize();
        client.callTool(new McpSchema.CallToolRequest("echo", Map.of("text", "flush me")));
      } finally {
        started = auditThreads();
        started.removeAll(before);
        server.close();
      }
    } finally {
      System.setErr(original);
    }
    String logs = captured.toString(StandardCharsets.UTF_8);
    assertTrue(logs.contains("\"tool\":\"echo\"") && logs.contains("\"outcome\":\"ok\""),
        "the call's audit line is written by the time close() returns: " + logs);
    assertFalse(started.isEmpty(), "the default trail is written by its own thread");
    for (Thread t : started) {
      assertFalse(t.isAlive(), "close() stopped the audit writer after flushing it");
    }
  }

  private static Set<Thread> auditThreads() {
    Set<Thread> threads = new HashSet<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().equals("toolwarden-audit")) {
        threads.add(t);
      }
    }
    return threads;
  }
}
