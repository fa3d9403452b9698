package dev.toolwarden.runtime.http;

import static dev.toolwarden.runtime.http.ModernWire.JSON;
import static dev.toolwarden.runtime.http.ModernWire.legacy;
import static dev.toolwarden.runtime.http.ModernWire.modern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwarden.runtime.Toolwarden;
import dev.toolwarden.runtime.testtools.EchoTools;
import dev.toolwarden.runtime.testtools.FileTools;
import dev.toolwarden.runtime.testtools.LimitedTools;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MCP 2026-07-28 over stdio, in raw lines: each message is the adapter's or the SDK's, chosen per message, so a modern
 * client needs no {@code initialize} and a legacy session on the same stream is served as before; both eras refuse
 * the same attacks alike (the local caller holds the configured grants only).
 */
class Protocol2026StdioTest {

  @TempDir Path temp;

  private PipedOutputStream toServer;
  private final BlockingQueue<Map<String, Object>> lines = new LinkedBlockingQueue<>();
  private final Map<Object, Map<String, Object>> byId = new ConcurrentHashMap<>();
  private Thread serving;

  @BeforeEach
  void start() throws Exception {
    Path workspace = Files.createDirectories(temp.resolve("workspace"));
    Files.writeString(workspace.resolve("a.txt"), "alpha");
    toServer = new PipedOutputStream();
    PipedInputStream in = new PipedInputStream(toServer, 1 << 16);
    OutputStream out = new JsonLines(lines::add);
    serving = new Thread(() -> Toolwarden.server("stdio-modern", "3.0.0")
        .tools(new EchoTools(), new FileTools(), new LimitedTools())
        .root("workspace", workspace)
        .grantScopes("echo:use", "files:read")
        .stdio(in, out), "stdio-modern");
    serving.setDaemon(true);
    serving.start();
  }

  @AfterEach
  void stop() throws Exception {
    toServer.close();
    serving.join(TimeUnit.SECONDS.toMillis(30));
    assertFalse(serving.isAlive(), "the server ends with its input");
  }

  private void send(String line) throws Exception {
    toServer.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    toServer.flush();
  }

  /** The response with {@code id} (responses may arrive out of order: answers run off the reading thread). */
  private Map<String, Object> response(int id) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!byId.containsKey(id)) {
      Map<String, Object> m = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      assertNotNull(m, "no answer to " + id);
      if (m.get("id") instanceof Number n) {
        byId.put(n.intValue(), m);
      }
    }
    return byId.remove(id);
  }

  private Map<String, Object> request(int id, String method, Map<String, Object> params) throws Exception {
    send(modern(id, method, params));
    return response(id);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> result(Map<String, Object> response) {
    assertNull(response.get("error"), response.toString());
    return (Map<String, Object>) response.get("result");
  }

  @Test
  @SuppressWarnings("unchecked")
  void aModernClientDiscoversListsAndCallsWithoutInitialize() throws Exception {
    Map<String, Object> discover = result(request(1, "server/discover", Map.of()));
    assertEquals("complete", discover.get("resultType"));
    assertEquals("2026-07-28", ((List<String>) discover.get("supportedVersions")).get(0));
    assertEquals(Map.of("tools", Map.of()), discover.get("capabilities"));
    Map<String, Object> list = result(request(2, "tools/list", Map.of()));
    assertEquals("public", list.get("cacheScope"), "no OAuth: the list is the same for every caller");
    assertEquals(300000, ((Number) list.get("ttlMs")).intValue());
    Map<String, Object> call = result(request(3, "tools/call", Map.of("name", "echo", "arguments",
        Map.of("text", "over stdio"))));
    assertEquals("over stdio", ModernWire.text(call));
    assertEquals("complete", call.get("resultType"));
    Map<String, Object> meta = (Map<String, Object>) call.get("_meta");
    assertEquals(Map.of("name", "stdio-modern", "version", "3.0.0"), meta.get("io.modelcontextprotocol/serverInfo"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void anUnsupportedVersionOrMissingMetaIsTheRevisionsError() throws Exception {
    send(legacy(4, "tools/list", Map.of("_meta", Map.of("io.modelcontextprotocol/protocolVersion", "2030-01-01",
        "io.modelcontextprotocol/clientCapabilities", Map.of()))));
    Map<String, Object> e = (Map<String, Object>) response(4).get("error");
    assertEquals(-32022, ((Number) e.get("code")).intValue());
    assertEquals("2030-01-01", ((Map<String, Object>) e.get("data")).get("requested"));
    send(legacy(5, "server/discover", Map.of()));
    assertEquals(-32602, ((Number) ((Map<String, Object>) response(5).get("error")).get("code")).intValue());
  }

  @Test
  @SuppressWarnings("unchecked")
  void aLegacySessionOnTheSameStreamIsTheSdks() throws Exception {
    send(legacy(10, "initialize", Map.of("protocolVersion", "2025-11-25", "capabilities", Map.of(),
        "clientInfo", Map.of("name", "old", "version", "1"))));
    Map<String, Object> init = result(response(10));
    assertEquals("2025-11-25", init.get("protocolVersion"));
    send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
    // interleaved: a modern request between the session's messages
    Map<String, Object> modernCall = result(request(11, "tools/call", Map.of("name", "echo", "arguments",
        Map.of("text", "new"))));
    assertEquals("new", ModernWire.text(modernCall));
    send(legacy(12, "tools/call", Map.of("name", "echo", "arguments", Map.of("text", "old"))));
    Map<String, Object> legacyCall = result(response(12));
    assertEquals("old", ModernWire.text(legacyCall));
    assertFalse(legacyCall.containsKey("resultType"), "legacy results stay as the SDK writes them");
  }

  @Test
  @SuppressWarnings("unchecked")
  void bothErasRefuseTheSameAttacksAlike() throws Exception {
    send(legacy(20, "initialize", Map.of("protocolVersion", "2025-11-25", "capabilities", Map.of(),
        "clientInfo", Map.of("name", "old", "version", "1"))));
    result(response(20));
    send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
    List<Map<String, Object>> attacks = List.of(
        Map.of("name", "add", "arguments", Map.of("a", 1, "b", 2)), // math:use is not granted
        Map.of("name", "admin_only", "arguments", Map.of()),
        Map.of("name", "read_file", "arguments", Map.of("path", "../../etc/passwd.txt")),
        Map.of("name", "read_file", "arguments", Map.of("path", "/etc/hosts")),
        Map.of("name", "echo", "arguments", Map.of("text", "hi", "extra", 1)),
        Map.of("name", "echo", "arguments", Map.of("text", 5)));
    int id = 100;
    for (Map<String, Object> attack : attacks) {
      send(legacy(++id, "tools/call", attack));
      Map<String, Object> old = response(id);
      send(modern(++id, "tools/call", attack));
      Map<String, Object> now = response(id);
      assertEquals(outcome(old), outcome(now), attack.toString());
    }
    // one caller, one budget (3 a minute), whichever era asks: the 4th call is refused in either
    Map<String, Object> limited = Map.of("name", "per_caller", "arguments", Map.of());
    for (int i = 0; i < 3; i++) {
      send((i % 2 == 0 ? modern(++id, "tools/call", limited) : legacy(++id, "tools/call", limited)));
      assertEquals("ok", ModernWire.text(result(response(id))));
    }
    send(legacy(++id, "tools/call", limited));
    Map<String, Object> old = response(id);
    send(modern(++id, "tools/call", limited));
    Map<String, Object> now = response(id);
    assertEquals(outcome(old), outcome(now));
    assertEquals(true, outcome(now).get(0));
    assertTrue(ModernWire.text(result(now)).startsWith("Rate limit exceeded"), now.toString());
  }

  /** What a client sees of a tool call: the error code, or isError and the message with numbers blanked. */
  @SuppressWarnings("unchecked")
  private static List<Object> outcome(Map<String, Object> response) {
    if (response.get("error") instanceof Map<?, ?> e) {
      return List.of("error", e.get("code"));
    }
    Map<String, Object> r = (Map<String, Object>) response.get("result");
    return List.of(Boolean.TRUE.equals(r.get("isError")), ModernWire.text(r).replaceAll("[0-9]+", "N"));
  }
}
