package dev.toolwarden.runtime.path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwarden.runtime.RunningServer;
import dev.toolwarden.runtime.Toolwarden;
import dev.toolwarden.runtime.audit.AuditEvent;
import dev.toolwarden.runtime.audit.AuditOutcome;
import dev.toolwarden.runtime.http.HttpOptions;
import dev.toolwarden.runtime.testtools.PolicyTools;
import dev.toolwarden.runtime.testtools.StdioSession;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
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
    try (StdioSession stdio = StdioSession.start(Toolwarden.server("corpus-stdio", "1.0.0")
        .tools(new PolicyTools())
        .root("ws", root)
        .auditSink(events::add), "corpus-stdio")) {
      runCorpus(path -> stdio.call("read", Map.of("path", path)), root, events, "stdio");
    }
  }

  private static String text(McpSchema.CallToolResult r) {
    return StdioSession.text(r);
  }
}
