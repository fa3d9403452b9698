package dev.toolwarden.runtime.stdio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwarden.runtime.ServerBuilder;
import dev.toolwarden.runtime.Toolwarden;
import dev.toolwarden.runtime.audit.AuditEvent;
import dev.toolwarden.runtime.audit.AuditOutcome;
import dev.toolwarden.runtime.testtools.AttackFeatureTools;
import dev.toolwarden.runtime.testtools.FeatureTools;
import dev.toolwarden.runtime.testtools.StdioSession;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hostile client on the stdio transport, speaking raw bytes: what the line filter in front of the SDK must judge
 * exactly as the SDK will read it, or a message reaches the SDK unjudged (or kills its reader).
 */
class HostileStdioClientTest {

  @TempDir Path temp;

  private final List<AuditEvent> events = new CopyOnWriteArrayList<>();

  private ServerBuilder server(String... grants) throws Exception {
    Path ws = Files.createDirectories(temp.resolve("ws"));
    return Toolwarden.server("hostile", "1.0.0").tools(new AttackFeatureTools(), new FeatureTools())
        .root("ws", ws).auditSink(events::add).grantScopes(grants);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** The next {@code n} responses (messages with an id), by id. */
  private static Map<Object, Map<String, Object>> responses(StdioSession s, int n) throws Exception {
    Map<Object, Map<String, Object>> byId = new HashMap<>();
    while (byId.size() < n) {
      Map<String, Object> m = s.nextMessage();
      if (m.containsKey("id")) {
        byId.put(m.get("id"), m);
      }
    }
    return byId;
  }

  /** Sends a ping with id "probe" and returns what came before its answer; fails when the server stopped answering. */
  private static List<Map<String, Object>> answersUntilProbe(StdioSession s) throws Exception {
    s.sendRaw(bytes("{\"jsonrpc\":\"2.0\",\"id\":\"probe\",\"method\":\"ping\"}\n"));
    List<Map<String, Object>> before = new java.util.ArrayList<>();
    while (true) {
      Map<String, Object> m = s.nextMessage();
      if ("probe".equals(m.get("id"))) {
        assertNotNull(m.get("result"), m.toString());
        return before;
      }
      before.add(m);
    }
  }

  /** Nothing about the server: no temp directory, no Java class name, no stack frame. */
  private void assertRevealsNothing(Object shown) {
    String t = String.valueOf(shown);
    assertFalse(t.contains(temp.toString()), t);
    assertFalse(t.matches("(?s).*\\b(java|dev\\.toolwarden|io\\.modelcontextprotocol|tools\\.jackson)\\.[a-z].*"), t);
    assertFalse(t.contains("Exception") || t.contains("\tat "), t);
  }

  /**
   * Before: the SDK logged such an id or method unescaped ("No handler registered for notification method …",
   * "Unexpected response for unknown id …"), so a client could forge whole lines in the server's log.
   */
  @Test
  @SuppressWarnings("unchecked")
  void aControlCharacterInAnIdOrMethodIsAnInvalidRequestAndTheServerServesOn() throws Exception {
    try (StdioSession s = StdioSession.start(server(), "hostile")) {
      for (String line : new String[] {
          "{\"jsonrpc\":\"2.0\",\"id\":\"a\\n[ERROR] forged\",\"method\":\"ping\"}",
          "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"ping\\r\\nforged\"}",
          "{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"tools/list\\u2028\"}",
          "{\"jsonrpc\":\"2.0\",\"id\":\"x\\u0085y\",\"result\":{}}"}) {
        s.sendRaw(bytes(line + "\n"));
        Map<String, Object> answer = s.nextMessage();
        Map<String, Object> error = (Map<String, Object>) answer.get("error");
        assertNotNull(error, line + " -> " + answer);
        assertEquals(-32600, ((Number) error.get("code")).intValue(), answer.toString());
      }
      assertTrue(answersUntilProbe(s).isEmpty());
    }
  }

  @Test
  void aCarriageReturnInsideALineDoesNotStopTheServer() throws Exception {
    // JSON allows CR as whitespace, but the SDK's reader ends a line at a lone CR: it read '{"jsonrpc":"2.0",', failed
    // to parse it and stopped serving the session for good
    try (StdioSession s = StdioSession.start(server(), "hostile")) {
      s.sendRaw(bytes("{\"jsonrpc\":\"2.0\",\r\"id\":50,\"method\":\"ping\"}\n"));
      Map<String, Object> ping = s.request("ping", Map.of());
      assertNotNull(ping.get("result"), ping.toString());
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void twoMessagesSeparatedByACarriageReturnAreTwoLinesEachJudged() throws Exception {
    // the SDK reads two messages here, so the filter must judge two: the subscription behind the CR meets the scope gate
    try (StdioSession s = StdioSession.start(server("files:read"), "hostile")) {
      s.sendRaw(bytes("{\"jsonrpc\":\"2.0\",\"id\":60,\"method\":\"ping\"}\r"
          + "{\"jsonrpc\":\"2.0\",\"id\":61,\"method\":\"resources/subscribe\",\"params\":{\"uri\":\"vault://hunter2\"}}\n"));
      Map<Object, Map<String, Object>> answers = responses(s, 2);
      assertNotNull(answers.get(60).get("result"), answers.toString());
      Map<String, Object> sub = answers.get(61);
      assertNull(sub.get("result"), sub.toString());
      assertEquals(-32600, ((Number) ((Map<String, Object>) sub.get("error")).get("code")).intValue(), sub.toString());
      assertFalse(sub.toString().contains("hunter2"), sub.toString());
    }
    assertTrue(events.stream().anyMatch(e -> e.outcome() == AuditOutcome.SCOPE_DENIED), events.toString());
  }

  /** Lines a client may send that no server asked for or that bend JSON-RPC: each is answered or ignored, never fatal. */
  @ParameterizedTest
  @ValueSource(strings = {
      "{\"jsonrpc\":\"2.0\",\"id\":77,\"result\":{}}",
      "{\"jsonrpc\":\"2.0\",\"id\":78,\"error\":{\"code\":1,\"message\":\"x\"}}",
      "{\"jsonrpc\":\"2.0\",\"id\":\"r\",\"result\":null}",
      "{\"jsonrpc\":\"2.0\",\"id\":79,\"method\":\"notifications/initialized\"}",
      "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":1}}",
      "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":[1]}",
      "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":{\"a\":1}}}",
      "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/roots/list_changed\"}",
      "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/progress\",\"params\":\"x\"}",
      "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/unknown\",\"params\":{}}",
      "{\"jsonrpc\":\"2.0\",\"id\":1e999,\"method\":\"ping\"}",
      "{\"jsonrpc\":\"2.0\",\"id\":-0,\"method\":\"ping\"}",
      "{\"jsonrpc\":\"2.0\",\"id\":{\"a\":1},\"method\":\"ping\"}",
      "{\"jsonrpc\":\"2.0\",\"id\":[1],\"method\":\"ping\"}",
      "{\"jsonrpc\":\"2.0\",\"id\":null,\"method\":\"ping\"}",
      "{\"jsonrpc\":\"2.0\",\"id\":true,\"method\":\"ping\"}",
      "{\"jsonrpc\":\"2.0\",\"id\":123456789012345678901234567890,\"method\":\"ping\"}",
      "{\"jsonrpc\":\"2.0\",\"id\":81,\"method\":\"tools/list\",\"params\":{\"cursor\":{\"a\":1}}}",
      "{\"jsonrpc\":\"2.0\",\"id\":82,\"method\":\"resources/list\",\"params\":{\"cursor\":[]}}",
      "{\"jsonrpc\":\"2.0\",\"id\":83,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"again\",\"version\":\"1\"}}}",
      "{\"jsonrpc\":\"2.0\",\"id\":84,\"method\":\"tools/call\",\"params\":{\"name\":\"nope\",\"arguments\":{},\"_meta\":{\"progressToken\":{\"a\":1}}}}",
      "{\"jsonrpc\":\"2.0\",\"id\":85,\"method\":\"completion/complete\",\"params\":{\"ref\":{\"type\":\"ref/other\"},\"argument\":{\"name\":\"a\",\"value\":\"b\"}}}",
      "{\"jsonrpc\":\"2.0\",\"id\":86,\"method\":\"resources/templates/list\",\"params\":null}",
      "{\"jsonrpc\":\"2.0\",\"id\":87,\"method\":\"prompts/list\",\"params\":{\"_meta\":5}}",
      "{\"jsonrpc\":\"2.0\",\"id\":88,\"method\":\"logging/setLevel\",\"params\":{\"level\":\"debug\",\"_meta\":[]}}",
      "{\"jsonrpc\":\"2.0\",\"id\":89,\"method\":\"resources/subscribe\",\"params\":{\"uri\":5}}",
      "{\"jsonrpc\":\"2.0\",\"method\":\"tools/call\",\"params\":{\"name\":\"nope\"}}",
      "\u0000{\"jsonrpc\":\"2.0\"}",
      "\uFEFF{\"jsonrpc\":\"2.0\",\"id\":90,\"method\":\"ping\"}",
  })
  void aStrayOrBentMessageLeavesTheServerServingAndRevealsNothing(String line) throws Exception {
    try (StdioSession s = StdioSession.start(server(), "hostile")) {
      s.sendRaw(bytes(line + "\n"));
      for (Map<String, Object> m : answersUntilProbe(s)) {
        assertRevealsNothing(m);
      }
    }
  }

  private static String modernMeta() {
    return "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
        + "\"io.modelcontextprotocol/clientCapabilities\":{},"
        + "\"io.modelcontextprotocol/clientInfo\":{\"name\":\"flood\",\"version\":\"1\"}}";
  }

  private static String waitForCancel(int id, boolean modern) {
    return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/call\",\"params\":{\"name\":\"wait_for_cancel\","
        + "\"arguments\":{}" + (modern ? "," + modernMeta() : "") + "}}\n";
  }

  private static String cancel(int id) {
    return "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":" + id + "}}\n";
  }

  /**
   * A client that sends slow calls faster than they end, in either era: before the bound, the legacy lines queued in
   * the SDK without limit and every 2026-07-28 request got a thread of its own; now a request beyond the bound is
   * refused at once (-32000), the ones in flight still run and can be cancelled, and the server serves on.
   */
  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  @SuppressWarnings("unchecked")
  void requestsBeyondTheInFlightBoundAreRefusedAtOnceAndTheServerServesOn(boolean modern) throws Exception {
    int sent = 80;
    dev.toolwarden.runtime.testtools.AskingTools.STOPPED.drainPermits();
    try (StdioSession s = StdioSession.start(Toolwarden.server("hostile", "1.0.0")
        .tools(new dev.toolwarden.runtime.testtools.AskingTools()), "hostile")) {
      StringBuilder flood = new StringBuilder();
      for (int i = 0; i < sent; i++) {
        flood.append(waitForCancel(1000 + i, modern));
      }
      s.sendRaw(bytes(flood.toString()));
      int refused = 0;
      while (refused < sent - 64) {
        Map<String, Object> m = s.nextMessage();
        Map<String, Object> error = (Map<String, Object>) m.get("error");
        assertNotNull(error, m.toString());
        assertEquals(-32000, ((Number) error.get("code")).intValue(), m.toString());
        int id = ((Number) m.get("id")).intValue();
        assertTrue(id >= 1000 + 64 && id < 1000 + sent, m.toString());
        refused++;
      }
      StringBuilder cancels = new StringBuilder();
      for (int i = 0; i < 64; i++) {
        cancels.append(cancel(1000 + i));
      }
      // every call in flight ends by its cancellation; sent again until all have: in the legacy era a cancellation
      // that arrives while its call still waits for a worker is ignored (calls are known once they run), and a call
      // left waiting would hold a worker of the JVM-wide pool the later tests' calls need
      long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
      int stopped = 0;
      while (stopped < 64) {
        s.sendRaw(bytes(cancels.toString()));
        Thread.sleep(200);
        stopped += dev.toolwarden.runtime.testtools.AskingTools.STOPPED.drainPermits();
        assertTrue(System.nanoTime() < deadline, stopped + " of 64 calls ended by their cancellation");
      }
      while (true) { // the cancelled calls end on their workers: the probe is refused until they did
        s.sendRaw(bytes("{\"jsonrpc\":\"2.0\",\"id\":\"probe\",\"method\":\"ping\"}\n"));
        Map<String, Object> m;
        do {
          m = s.nextMessage();
        } while (!"probe".equals(m.get("id")));
        if (m.get("result") != null) {
          break;
        }
        assertTrue(System.nanoTime() < deadline, m.toString());
        Thread.sleep(200);
      }
    } finally {
      dev.toolwarden.runtime.testtools.AskingTools.STARTED.drainPermits();
      dev.toolwarden.runtime.testtools.AskingTools.STOPPED.drainPermits();
    }
  }

  /**
   * A {@code @Redact} card through every way back in both eras — a declined card in a user-facing error, an internal
   * failure whose message carries the card and tokens, a pattern violation of the value itself: the client sees no
   * token, no class name and never the card where it did not send it back itself; the audit never holds it.
   */
  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  @SuppressWarnings("unchecked")
  void aRedactedArgumentStaysOutOfErrorsAndTheAuditInBothEras(boolean modern) throws Exception {
    String card = "4111111111111111";
    try (StdioSession s = StdioSession.start(Toolwarden.server("hostile", "1.0.0")
        .tools(new dev.toolwarden.runtime.testtools.PolicyTools()).root("ws", Files.createDirectories(temp.resolve("ws")))
        .auditSink(events::add).grantScopes("admin:all"), "hostile")) {
      int id = 300;
      for (String[] args : new String[][] {{card, "internal"}, {card + "x", "ok"}, {card, "user"}}) {
        String line = "{\"jsonrpc\":\"2.0\",\"id\":" + (++id) + ",\"method\":\"tools/call\",\"params\":{\"name\":\"pay\","
            + "\"arguments\":{\"card\":\"" + args[0] + "\",\"note\":\"n\",\"mode\":\"" + args[1] + "\"}"
            + (modern ? "," + modernMeta() : "") + "}}\n";
        s.sendRaw(bytes(line));
        Map<String, Object> m;
        do {
          m = s.nextMessage();
        } while (!Integer.valueOf(id).equals(m.get("id")));
        String shown = m.toString();
        assertRevealsNothing(shown);
        assertFalse(shown.contains("Bearer") || shown.contains("eyJ"), shown);
        if (!"user".equals(args[1])) {
          assertFalse(shown.contains("41111111"), shown);
        }
      }
    }
    assertFalse(events.isEmpty());
    for (AuditEvent e : events) {
      assertFalse(e.toJson().contains("41111111"), e.toJson());
      assertFalse(e.toJson().contains("eyJ") || e.toJson().contains("Bearer abc"), e.toJson());
    }
  }
}
