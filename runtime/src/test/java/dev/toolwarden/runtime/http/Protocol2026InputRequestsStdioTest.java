package dev.toolwarden.runtime.http;

import static dev.toolwarden.runtime.http.ModernWire.JSON;
import static dev.toolwarden.runtime.http.ModernWire.modern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.toolwarden.runtime.Toolwarden;
import dev.toolwarden.runtime.testtools.AskingTools;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * MCP 2026-07-28 input requests over stdio, in raw lines: several questions of three kinds in one round under the
 * tool's keys, a prompt that asks, the capability check and a tampered state — the same answers as over HTTP, and no
 * server request ever written to stdout.
 */
class Protocol2026InputRequestsStdioTest {

  private static final Map<String, Object> ALL = Map.of("elicitation", Map.of(), "sampling", Map.of(), "roots",
      Map.of());

  private PipedOutputStream toServer;
  private final BlockingQueue<Map<String, Object>> lines = new LinkedBlockingQueue<>();
  private final Map<Object, Map<String, Object>> byId = new ConcurrentHashMap<>();
  private Thread serving;

  @BeforeEach
  void start() throws Exception {
    toServer = new PipedOutputStream();
    PipedInputStream in = new PipedInputStream(toServer, 1 << 16);
    OutputStream out = new JsonLines(lines::add);
    serving = new Thread(() -> Toolwarden.server("stdio-inputs", "1.0.0")
        .tools(new AskingTools())
        .grantScopes("files:write")
        .stdio(in, out), "stdio-inputs");
    serving.setDaemon(true);
    serving.start();
  }

  @AfterEach
  void stop() throws Exception {
    toServer.close();
    serving.join(TimeUnit.SECONDS.toMillis(30));
    assertFalse(serving.isAlive(), "the server ends with its input");
  }

  private Map<String, Object> request(int id, String method, Map<String, Object> params,
      Map<String, Object> capabilities) throws Exception {
    toServer.write((modern(id, method, params, capabilities) + "\n").getBytes(StandardCharsets.UTF_8));
    toServer.flush();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!byId.containsKey(id)) {
      Map<String, Object> m = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      assertNotNull(m, "no answer to " + id);
      assertNull(m.get("method"), "no server request or notification on stdout: " + m);
      if (m.get("id") instanceof Number n) {
        byId.put(n.intValue(), m);
      }
    }
    return byId.remove(id);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> result(Map<String, Object> response) {
    assertNull(response.get("error"), response.toString());
    return (Map<String, Object>) response.get("result");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> error(Map<String, Object> response) {
    assertNotNull(response.get("error"), response.toString());
    return (Map<String, Object>) response.get("error");
  }

  private static Map<String, Object> retry(String name, Object state, Map<String, Object> answers) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("name", name);
    p.put("arguments", Map.of());
    p.put("requestState", state);
    p.put("inputResponses", answers);
    return p;
  }

  @Test
  @SuppressWarnings("unchecked")
  void severalQuestionsGoOutInOneRoundAndTheRetryCompletes() throws Exception {
    Map<String, Object> first = result(request(1, "tools/call", Map.of("name", "gather", "arguments", Map.of()), ALL));
    assertEquals("input_required", first.get("resultType"));
    assertEquals(List.of("confirm", "greeting", "client_roots"),
        List.copyOf(((Map<String, Object>) first.get("inputRequests")).keySet()));
    Map<String, Object> done = result(request(2, "tools/call", retry("gather", first.get("requestState"), Map.of(
        "confirm", Map.of("action", "accept", "content", Map.of("confirm", false, "reason", "r")),
        "greeting", Map.of("role", "assistant", "content", Map.of("type", "text", "text", "Hi"), "model", "m"),
        "client_roots", Map.of("roots", List.of(Map.of("uri", "file:///a"))))), ALL));
    assertEquals("confirm=false greeting=Hi roots=file:///a", ModernWire.text(done));
  }

  @Test
  @SuppressWarnings("unchecked")
  void aPromptAsksAndATamperedStateOrAMissingCapabilityIsRefused() throws Exception {
    Map<String, Object> first = result(request(3, "prompts/get", Map.of("name", "asking_prompt"), ALL));
    assertEquals(List.of("user_context"),
        List.copyOf(((Map<String, Object>) first.get("inputRequests")).keySet()));
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("name", "asking_prompt");
    p.put("requestState", first.get("requestState") + "-TAMPERED");
    p.put("inputResponses", Map.of("user_context", Map.of("action", "accept", "content",
        Map.of("confirm", true, "reason", "x"))));
    assertEquals(-32602, ((Number) error(request(4, "prompts/get", p, ALL)).get("code")).intValue());
    p.put("requestState", first.get("requestState"));
    Map<String, Object> done = result(request(5, "prompts/get", p, ALL));
    assertEquals("complete", done.get("resultType"));
    Map<String, Object> missing = error(request(6, "tools/call", Map.of("name", "summarise", "arguments", Map.of()),
        Map.of("elicitation", Map.of())));
    assertEquals(-32021, ((Number) missing.get("code")).intValue());
    assertEquals(Map.of("sampling", Map.of()), ((Map<String, Object>) missing.get("data")).get("requiredCapabilities"));
  }
}
