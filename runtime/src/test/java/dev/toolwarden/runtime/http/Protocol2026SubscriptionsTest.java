package dev.toolwarden.runtime.http;

import static dev.toolwarden.runtime.http.ModernWire.HTTP;
import static dev.toolwarden.runtime.http.ModernWire.JSON;
import static dev.toolwarden.runtime.http.ModernWire.headers;
import static dev.toolwarden.runtime.http.ModernWire.modern;
import static dev.toolwarden.runtime.http.ModernWire.post;
import static dev.toolwarden.runtime.http.ModernWire.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwarden.runtime.ResourceUpdates;
import dev.toolwarden.runtime.RunningServer;
import dev.toolwarden.runtime.ServerBuilder;
import dev.toolwarden.runtime.Toolwarden;
import dev.toolwarden.runtime.auth.ResourceServer;
import dev.toolwarden.runtime.auth.TestTokens;
import dev.toolwarden.runtime.testtools.EchoTools;
import dev.toolwarden.runtime.testtools.FeatureTools;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code subscriptions/listen} of MCP 2026-07-28: on HTTP an event stream that starts with the acknowledgment of what
 * the server honours (resource updates of the URIs the caller may read, scope-checked as {@code resources/read} is;
 * no list-changed types: the lists never change), then each update of those URIs tagged with the subscription id,
 * and the graceful completion result when the server closes; on stdio the same as lines, ended by
 * {@code notifications/cancelled}. Updates come from the public {@code ResourceUpdates}/{@code RunningServer} API.
 */
class Protocol2026SubscriptionsTest {

  @TempDir Path temp;

  private ServerBuilder builder(String name) throws Exception {
    Path workspace = Files.createDirectories(temp.resolve("workspace"));
    Path ws = Files.createDirectories(temp.resolve("ws"));
    return Toolwarden.server(name, "1.0.0").tools(new EchoTools(), new FeatureTools())
        .root("workspace", workspace).root("ws", ws).resourceSubscriptions(true);
  }

  /** The {@code data:} messages of an event stream, one at a time. */
  private static Map<String, Object> next(Iterator<String> lines) throws Exception {
    while (lines.hasNext()) {
      String line = lines.next();
      if (line.startsWith("data:")) {
        @SuppressWarnings("unchecked")
        Map<String, Object> m = JSON.readValue(line.substring(5).trim(), Map.class);
        return m;
      }
    }
    throw new AssertionError("the stream ended");
  }

  @Test
  @SuppressWarnings("unchecked")
  void anHttpListenStreamAcknowledgesWhatTheCallerMayReadAndCarriesItsUpdates() throws Exception {
    TestTokens[] tokens = new TestTokens[1];
    RunningServer server = FreePort.start(port -> {
      tokens[0] = new TestTokens("http://127.0.0.1:" + port + "/mcp");
      try {
        return builder("listen-http").http(HttpOptions.loopback(port).oauth(ResourceServer.custom(TestTokens.ISSUER,
            tokens[0].resource, tokens[0].verifier())));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    Stream<String> body = null;
    try {
      String token = tokens[0].token("alice", "echo:use");
      Map<String, String> h = new java.util.LinkedHashMap<>(headers("server/discover", null));
      h.put("Authorization", "Bearer " + token);
      Map<String, Object> caps = (Map<String, Object>) result(post(server.url(), modern(1, "server/discover",
          Map.of()), h)).get("capabilities");
      assertEquals(Map.of("subscribe", true), caps.get("resources"));

      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url()))
          .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
          .header("Authorization", "Bearer " + token)
          .timeout(Duration.ofSeconds(120))
          .POST(HttpRequest.BodyPublishers.ofString(modern(9, "subscriptions/listen", Map.of("notifications",
              Map.of("toolsListChanged", true, "resourceSubscriptions",
                  List.of("config://app", "config://admin", "unknown://x"))))));
      headers("subscriptions/listen", null).forEach(b::header);
      HttpResponse<Stream<String>> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofLines());
      body = r.body();
      assertEquals(200, r.statusCode());
      assertTrue(r.headers().firstValue("Content-Type").orElseThrow().startsWith("text/event-stream"));
      Iterator<String> lines = body.iterator();

      Map<String, Object> ack = next(lines);
      assertEquals("notifications/subscriptions/acknowledged", ack.get("method"));
      Map<String, Object> params = (Map<String, Object>) ack.get("params");
      assertEquals(9, ((Number) ((Map<String, Object>) params.get("_meta"))
          .get("io.modelcontextprotocol/subscriptionId")).intValue());
      assertEquals(Map.of("resourceSubscriptions", List.of("config://app")), params.get("notifications"),
          "only what alice may read; no list-changed (the lists never change)");

      server.notifyResourceUpdated("config://admin"); // alice may not read it: not on her stream
      server.notifyResourceUpdated("config://app");
      Map<String, Object> update = next(lines);
      assertEquals("notifications/resources/updated", update.get("method"));
      Map<String, Object> p = (Map<String, Object>) update.get("params");
      assertEquals("config://app", p.get("uri"));
      assertEquals(9, ((Number) ((Map<String, Object>) p.get("_meta"))
          .get("io.modelcontextprotocol/subscriptionId")).intValue());

      server.close(); // the server ends the subscription gracefully: the listen request's result comes last
      Map<String, Object> end = next(lines);
      assertEquals(9, ((Number) end.get("id")).intValue());
      Map<String, Object> result = (Map<String, Object>) end.get("result");
      assertEquals("complete", result.get("resultType"));
      assertEquals(9, ((Number) ((Map<String, Object>) result.get("_meta"))
          .get("io.modelcontextprotocol/subscriptionId")).intValue());
    } finally {
      if (body != null) {
        body.close();
      }
      server.close();
    }
  }

  @Test
  void aListenWithoutAFilterIsMalformed() throws Exception {
    try (RunningServer server = builder("listen-bad").grantScopes("echo:use").http(HttpOptions.loopback(0))) {
      HttpResponse<String> r = post(server.url(), modern(3, "subscriptions/listen", Map.of()),
          headers("subscriptions/listen", null));
      assertEquals(400, r.statusCode(), r.body());
      assertEquals(-32602, ((Number) ModernWire.error(r).get("code")).intValue());
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void aStdioListenCarriesUpdatesUntilTheClientCancelsIt() throws Exception {
    PipedOutputStream toServer = new PipedOutputStream();
    PipedInputStream in = new PipedInputStream(toServer, 1 << 16);
    BlockingQueue<Map<String, Object>> lines = new LinkedBlockingQueue<>();
    OutputStream out = new OutputStream() {
      private final ByteArrayOutputStream line = new ByteArrayOutputStream();

      @Override
      public synchronized void write(int c) {
        if (c != '\n') {
          line.write(c);
          return;
        }
        try {
          lines.add(JSON.readValue(line.toString(StandardCharsets.UTF_8), Map.class));
        } catch (Exception e) {
          lines.add(Map.of("unparsable", line.toString(StandardCharsets.UTF_8)));
        }
        line.reset();
      }
    };
    ServerBuilder b = builder("listen-stdio").grantScopes("echo:use");
    ResourceUpdates updates = b.resourceUpdates();
    Thread serving = new Thread(() -> b.stdio(in, out), "listen-stdio");
    serving.setDaemon(true);
    serving.start();
    try {
      send(toServer, modern(50, "subscriptions/listen", Map.of("notifications",
          Map.of("resourceSubscriptions", List.of("config://app", "config://admin")))));
      Map<String, Object> ack = poll(lines);
      assertEquals("notifications/subscriptions/acknowledged", ack.get("method"), ack.toString());
      assertEquals(Map.of("resourceSubscriptions", List.of("config://app")),
          ((Map<String, Object>) ack.get("params")).get("notifications"));

      updates.notifyResourceUpdated("config://app");
      Map<String, Object> update = poll(lines);
      assertEquals("notifications/resources/updated", update.get("method"));
      assertEquals(50, ((Number) ((Map<String, Object>) ((Map<String, Object>) update.get("params")).get("_meta"))
          .get("io.modelcontextprotocol/subscriptionId")).intValue());

      send(toServer, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":50}}");
      send(toServer, modern(51, "tools/list", Map.of())); // read after the cancellation, in order
      assertEquals(51, ((Number) poll(lines).get("id")).intValue());
      updates.notifyResourceUpdated("config://app"); // written at once, were the stream still open
      send(toServer, modern(52, "tools/list", Map.of()));
      Map<String, Object> after = poll(lines);
      assertEquals(52, ((Number) after.get("id")).intValue(), "nothing on a cancelled stream: " + after);
    } finally {
      toServer.close();
      serving.join(TimeUnit.SECONDS.toMillis(60));
    }
    assertFalse(serving.isAlive(), "an open subscription does not keep the server from ending with its input");
  }

  private static void send(OutputStream to, String line) throws Exception {
    to.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    to.flush();
  }

  private static Map<String, Object> poll(BlockingQueue<Map<String, Object>> lines) throws Exception {
    Map<String, Object> m = lines.poll(60, TimeUnit.SECONDS);
    assertNotNull(m, "no line");
    return m;
  }
}
