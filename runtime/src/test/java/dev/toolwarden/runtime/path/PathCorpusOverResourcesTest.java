package dev.toolwarden.runtime.path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwarden.runtime.RunningServer;
import dev.toolwarden.runtime.Toolwarden;
import dev.toolwarden.runtime.audit.AuditEvent;
import dev.toolwarden.runtime.audit.AuditOutcome;
import dev.toolwarden.runtime.http.HttpOptions;
import dev.toolwarden.runtime.testtools.FeatureTools;
import dev.toolwarden.runtime.testtools.StdioSession;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.charset.StandardCharsets;
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
 * The whole traversal corpus as {@code resources/read} of {@code file:///workspace/{+path}} (a {@code @SafePath}
 * template variable), over stdio and Streamable HTTP: each payload, percent-encoded into the URI so the variable
 * decodes to it exactly, is refused as invalid params naming the {@code safePath} rule (or, when it cannot form a
 * matching URI at all, e.g. empty, resource-not-found) without revealing the root or the secret; every legitimate name
 * reads its file.
 */
class PathCorpusOverResourcesTest {

  @TempDir Path temp;

  /** What a read answered: the text, or the JSON-RPC error's code and message. */
  private record Answer(String text, int code, String message) {}

  private interface Transport {
    Answer read(String uri) throws Exception;
  }

  /** Unreserved characters and '/' stay; everything else is %XX of its UTF-8 bytes. */
  static String encode(String raw) {
    StringBuilder b = new StringBuilder();
    for (byte x : raw.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (x & 0xff);
      if (x >= 0 && (Character.isLetterOrDigit(c) && c < 128 || "-._~/".indexOf(c) >= 0)) {
        b.append(c);
      } else {
        b.append('%').append(String.format("%02X", x & 0xff));
      }
    }
    return b.toString();
  }

  private void runCorpus(Transport t, Path root, List<AuditEvent> events, String name) throws Exception {
    String realRoot = root.toRealPath().toString();
    List<String> failures = new ArrayList<>();
    int notFound = 0;
    for (TraversalCorpus.Payload p : TraversalCorpus.traversals()) {
      Answer a = t.read("file:///workspace/" + encode(p.path()));
      String shown = String.valueOf(a.text()) + " " + a.message();
      if (shown.contains(temp.toString()) || shown.contains(realRoot) || shown.contains(TraversalCorpus.SECRET)) {
        failures.add(p + " reveals: " + shown);
      } else if (a.code() == -32002) {
        notFound++;
      } else if (a.code() != -32602 || !a.message().contains("[safePath]")) {
        failures.add(p + " => " + a);
      }
    }
    for (String legit : TraversalCorpus.legitimate()) {
      Answer a = t.read("file:///workspace/" + encode(legit));
      if (!TraversalCorpus.contentOf(legit).equals(a.text())) {
        failures.add("legitimate " + legit + " => " + a);
      }
    }
    assertTrue(failures.isEmpty(), name + ":\n" + String.join("\n", failures));
    long rejected = events.stream().filter(e -> e.outcome() == AuditOutcome.PATH_REJECTED).count();
    assertEquals(TraversalCorpus.traversals().size() - notFound, rejected, name + ": one path_rejected per payload");
    assertTrue(notFound <= 1, name + ": only the empty payload cannot form a URI: " + notFound);
  }

  @Test
  @Timeout(120)
  @SuppressWarnings("unchecked")
  void overStdio() throws Exception {
    Path root = TraversalCorpus.setUp(temp);
    List<AuditEvent> events = new CopyOnWriteArrayList<>();
    try (StdioSession s = StdioSession.start(Toolwarden.server("corpus-res", "1.0.0")
        .tools(new FeatureTools()).root("ws", root).auditSink(events::add), "corpus-res")) {
      runCorpus(uri -> {
        Map<String, Object> r = s.request("resources/read", Map.of("uri", uri));
        if (r.get("error") instanceof Map<?, ?> e) {
          return new Answer(null, ((Number) e.get("code")).intValue(), String.valueOf(e.get("message")));
        }
        List<Map<String, Object>> contents = (List<Map<String, Object>>) ((Map<String, Object>) r.get("result"))
            .get("contents");
        return new Answer((String) contents.get(0).get("text"), 0, null);
      }, root, events, "stdio");
    }
  }

  @Test
  @Timeout(120)
  void overStreamableHttp() throws Exception {
    Path root = TraversalCorpus.setUp(temp);
    List<AuditEvent> events = new CopyOnWriteArrayList<>();
    try (RunningServer server = Toolwarden.server("corpus-res-http", "1.0.0")
            .tools(new FeatureTools()).root("ws", root).auditSink(events::add)
            .httpClientLimit(0, Duration.ofMinutes(1))
            .http(HttpOptions.loopback(0));
        McpSyncClient client = McpClient.sync(HttpClientStreamableHttpTransport.builder("http://127.0.0.1:"
                + server.port()).endpoint("/mcp").build())
            .requestTimeout(Duration.ofSeconds(20))
            .build()) {
      client.initialize();
      runCorpus(uri -> {
        try {
          McpSchema.ReadResourceResult r = client.readResource(new McpSchema.ReadResourceRequest(uri));
          return new Answer(((McpSchema.TextResourceContents) r.contents().get(0)).text(), 0, null);
        } catch (McpError e) {
          return new Answer(null, e.getJsonRpcError().code(), e.getJsonRpcError().message());
        }
      }, root, events, "http");
    }
  }
}
