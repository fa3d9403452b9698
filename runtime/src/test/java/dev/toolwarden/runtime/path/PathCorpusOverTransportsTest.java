package dev.toolwarden.runtime.path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwarden.runtime.RunningServer;
import dev.toolwarden.runtime.Toolwarden;
import dev.toolwarden.runtime.audit.AuditEvent;
import dev.toolwarden.runtime.audit.AuditOutcome;
import dev.toolwarden.runtime.http.HttpOptions;
import dev.toolwarden.runtime.testtools.PolicyTools;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole traversal corpus, and every legitimate name, as {@code tools/call} requests over both
 * transports: stdio (in-process, real JSON-RPC lines) and Streamable HTTP (the SDK's client).
 * Each traversal must come back as an {@code isError} result naming the {@code safePath} rule
 * without revealing the root, and leave one {@code path_rejected} audit event; each legitimate
 * name must read the file it names.
 */
class PathCorpusOverTransportsTest {

  private static final McpJsonMapper JSON = McpJsonDefaults.getMapper();

  @TempDir Path temp;

  private interface Transport {
    McpSchema.CallToolResult call(String path) throws Exception;
  }

  private void runCorpus(Transport t, Path root, List<AuditEvent> events, String name) throws Exception {
    String realRoot = root.toRealPath().toString();
    List<String> failures = new ArrayList<>();
    for (TraversalCorpus.Payload p : TraversalCorpus.traversals()) {
      McpSchema.CallToolResult r = t.call(p.path());
      String text = text(r);
      if (!Boolean.TRUE.equals(r.isError()) || !text.contains("[safePath]")
          || !text.startsWith("Invalid arguments for tool 'read':\n/path: ")) {
        failures.add(p + " => " + text);
      } else if (text.contains(temp.toString()) || text.contains(realRoot) || text.contains(TraversalCorpus.SECRET)) {
        failures.add(p + " reveals: " + text);
      }
    }
    long rejected = events.stream().filter(e -> e.outcome() == AuditOutcome.PATH_REJECTED).count();
    for (String legit : TraversalCorpus.legitimate()) {
      McpSchema.CallToolResult r = t.call(legit);
      if (Boolean.TRUE.equals(r.isError()) || !TraversalCorpus.contentOf(legit).equals(text(r))) {
        failures.add("legitimate " + legit + " => " + text(r));
      }
    }
    assertTrue(failures.isEmpty(), name + ":\n" + String.join("\n", failures));
    assertEquals(TraversalCorpus.traversals().size(), rejected, name + ": one path_rejected event per payload");
    assertEquals(TraversalCorpus.legitimate().size(),
        events.stream().filter(e -> e.outcome() == AuditOutcome.OK).count(), name);
  }

  @Test
  @Timeout(120)
  void overStreamableHttp() throws Exception {
    Path root = TraversalCorpus.setUp(temp);
    List<AuditEvent> events = new CopyOnWriteArrayList<>();
    try (RunningServer server = Toolwarden.server("corpus-http", "1.0.0")
            .tools(new PolicyTools())
            .root("ws", root)
            .auditSink(events::add)
            .httpClientLimit(0, Duration.ofMinutes(1))
            .http(HttpOptions.loopback(0));
        McpSyncClient client = McpClient.sync(HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + server.port())
                .endpoint("/mcp").build())
            .requestTimeout(Duration.ofSeconds(20))
            .build()) {
      client.initialize();
      runCorpus(path -> client.callTool(new McpSchema.CallToolRequest("read", Map.of("path", path))), root, events,
          "http");
    }
  }

  @Test
  @Timeout(120)
  void overStdio() throws Exception {
    Path root = TraversalCorpus.setUp(temp);
    List<AuditEvent> events = new CopyOnWriteArrayList<>();
    PipedOutputStream toServer = new PipedOutputStream();
    PipedInputStream serverIn = new PipedInputStream(toServer, 1 << 16);
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    OutputStream serverOut = new LineSplitter(lines);
    Thread serving = new Thread(() -> Toolwarden.server("corpus-stdio", "1.0.0")
        .tools(new PolicyTools())
        .root("ws", root)
        .auditSink(events::add)
        .stdio(serverIn, serverOut), "stdio-corpus");
    serving.setDaemon(true);
    serving.start();
    int[] id = {1};
    send(toServer, Map.of("jsonrpc", "2.0", "id", id[0], "method", "initialize", "params", Map.of(
        "protocolVersion", "2025-06-18", "capabilities", Map.of(), "clientInfo", Map.of("name", "corpus", "version", "1"))));
    assertTrue(next(lines).contains("corpus-stdio"));
    send(toServer, Map.of("jsonrpc", "2.0", "method", "notifications/initialized"));
    try {
      runCorpus(path -> {
        int n = ++id[0];
        send(toServer, Map.of("jsonrpc", "2.0", "id", n, "method", "tools/call",
            "params", Map.of("name", "read", "arguments", Map.of("path", path))));
        Map<?, ?> response = JSON.readValue(next(lines), Map.class);
        assertEquals(n, ((Number) response.get("id")).intValue());
        return JSON.convertValue(response.get("result"), McpSchema.CallToolResult.class);
      }, root, events, "stdio");
    } finally {
      toServer.close();
      serving.join(15_000);
    }
    assertFalse(serving.isAlive(), "the stdio server ends with its input");
  }

  private static void send(OutputStream out, Map<String, Object> message) throws IOException {
    out.write(JSON.writeValueAsBytes(message));
    out.write('\n');
    out.flush();
  }

  private static String next(BlockingQueue<String> lines) throws InterruptedException {
    String line = lines.poll(20, TimeUnit.SECONDS);
    if (line == null) {
      throw new AssertionError("no answer from the stdio server");
    }
    return line;
  }

  private static String text(McpSchema.CallToolResult r) {
    StringBuilder b = new StringBuilder();
    for (McpSchema.Content c : r.content()) {
      b.append(((McpSchema.TextContent) c).text());
    }
    return b.toString();
  }

  /** Collects the server's output line by line. */
  private static final class LineSplitter extends OutputStream {
    private final BlockingQueue<String> lines;
    private final ByteArrayOutputStream current = new ByteArrayOutputStream();

    LineSplitter(BlockingQueue<String> lines) {
      this.lines = lines;
    }

    @Override
    public synchronized void write(int b) {
      if (b == '\n') {
        lines.add(current.toString(StandardCharsets.UTF_8));
        current.reset();
      } else {
        current.write(b);
      }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
      for (int i = off; i < off + len; i++) {
        write(b[i]);
      }
    }
  }
}
