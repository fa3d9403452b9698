package dev.toolwarden.test.policies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwarden.runtime.Toolwarden;
import dev.toolwarden.runtime.audit.AuditEvent;
import dev.toolwarden.runtime.audit.AuditOutcome;
import dev.toolwarden.test.ToolResult;
import dev.toolwarden.test.ToolwardenTestClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each decision produces exactly one event, with the documented fields (docs/audit.md). Moved from the runtime's
 * tests, which called a hand-written bundle's handlers in-process; here the processor generates the bundle and every
 * call crosses the SDK client, JSON-RPC and the server as a client's does.
 */
class AuditTrailTest {

  /** Always present, in this order. */
  static final List<String> FIELDS =
      List.of("time", "outcome", "tool", "principal", "client", "session", "reason", "durationMs", "arguments");

  private static final String CARD = "4111111111111111";

  @TempDir Path temp;
  private ToolwardenTestClient client;

  @BeforeEach
  void setUp() throws Exception {
    Files.writeString(temp.resolve("a.txt"), "A");
    client = ToolwardenTestClient.of(new PolicyTools()).root("ws", temp).asPrincipal("alice").withScopes();
  }

  @AfterEach
  void tearDown() {
    client.close();
  }

  private Map<String, Object> only(AuditOutcome expected) {
    List<AuditEvent> events = client.auditEvents();
    assertEquals(1, events.size(), events.toString());
    AuditEvent e = events.get(0);
    assertEquals(expected, e.outcome());
    Map<String, Object> json = Json.parse(e.toJson());
    assertEquals(FIELDS, List.copyOf(json.keySet()).subList(0, FIELDS.size()), e.toJson());
    assertEquals(expected.wireName(), json.get("outcome"));
    assertEquals("alice", json.get("principal"));
    assertTrue(Instant.parse((String) json.get("time")).isAfter(Instant.now().minusSeconds(60)));
    assertTrue(((Number) json.get("durationMs")).doubleValue() >= 0);
    assertFalse(e.toJson().contains("\n"));
    client.clearAudit();
    return json;
  }

  private static Map<String, Object> pay(String card, String note, String mode) {
    return Map.of("card", card, "note", note, "mode", mode);
  }

  @Test
  void okWithDurationAndRedactedArguments() {
    client.callTool("pay", pay(CARD, "lunch", "ok"));
    only(AuditOutcome.OK);
    client.callTool("pay", pay(CARD, "lunch", "ok"));
    Map<String, Object> json = Json.parse(client.auditEvents().get(0).toJson());
    assertEquals("pay", json.get("tool"));
    assertNull(json.get("reason"));
    assertEquals(Map.of("card", "****", "note", "lunch", "mode", "ok"), json.get("arguments"));
    // over a session, the client and the (hashed) session are recorded too
    assertTrue(((String) json.get("client")).startsWith("toolwarden-test/"), json.toString());
    assertEquals(16, ((String) json.get("session")).length(), json.toString());
  }

  @Test
  void toolErrorWithTheMaskedMessage() {
    client.callTool("pay", pay(CARD, "n", "user"));
    Map<String, Object> json = only(AuditOutcome.ERROR);
    assertEquals("tool error: card **** was declined", json.get("reason"));
    assertNull(json.get("ref"));
  }

  @Test
  void internalErrorCarriesTheReferenceTheCallerSaw() {
    ToolResult r = client.callTool("pay", pay(CARD, "n", "internal"));
    Map<String, Object> json = only(AuditOutcome.ERROR);
    assertEquals("internal error: java.lang.IllegalStateException", json.get("reason"));
    assertNotNull(json.get("ref"));
    assertEquals("internal error (ref " + json.get("ref") + ")", r.text());
  }

  @Test
  void validationRejected() {
    client.callTool("pay", Map.of("card", "12ab", "note", "n", "mode", "x", "extra", 1));
    Map<String, Object> json = only(AuditOutcome.VALIDATION_REJECTED);
    assertEquals("/extra additionalProperties; /card pattern; /mode enum", json.get("reason"));
    assertEquals(Map.of("card", "****", "note", "n", "mode", "x", "extra", 1), json.get("arguments"));
  }

  @Test
  void pathRejectedWithoutTheRoot() {
    ToolResult r = client.callTool("read", Map.of("path", "../a.txt"));
    Map<String, Object> json = only(AuditOutcome.PATH_REJECTED);
    assertEquals("/path safePath: path outside the allowed root", json.get("reason"));
    assertTrue(r.isError());
    assertFalse(r.toString().contains(temp.toString()), r.toString());
  }

  @Test
  void rateLimitedOncePerRefusal() {
    for (int i = 0; i < 3; i++) {
      client.callTool("limited");
    }
    client.clearAudit();
    client.callTool("limited");
    Map<String, Object> json = only(AuditOutcome.RATE_LIMITED);
    assertEquals("rate limit of 3 per 60000 ms (PRINCIPAL) exceeded; retry after 20 s", json.get("reason"));
  }

  @Test
  void scopeDenied() {
    client.callTool("admin");
    Map<String, Object> json = only(AuditOutcome.SCOPE_DENIED);
    assertEquals("missing scope admin:all", json.get("reason"));
    client.withScopes("admin:all").callTool("admin");
    only(AuditOutcome.OK);
  }

  @Test
  void newlinesAndControlCharactersCannotForgeALine() {
    String note = "x\n{\"outcome\":\"ok\"}\r\u001b[2J\u2028end";
    client.callTool("pay", pay(CARD, note, "ok"));
    String line = client.lastAuditEvent().toJson();
    for (char c : new char[] {'\n', '\r', '\u001b', '\u2028'}) {
      assertEquals(-1, line.indexOf(c), "raw control character in " + line);
    }
    assertEquals(note, ((Map<?, ?>) Json.parse(line).get("arguments")).get("note"));
  }

  @Test
  void argumentsAreBoundedInSize() {
    String big = "y".repeat(10_000);
    client.callTool("pay", pay(CARD, big, "ok"));
    String line = client.lastAuditEvent().toJson();
    assertTrue(line.length() < 1_000, "length " + line.length());
  }

  @Test
  void aFailingSinkNeverChangesTheResult() {
    try (ToolwardenTestClient failing = ToolwardenTestClient.forServer(Toolwarden.server("t", "1")
        .tools(new PolicyTools()).root("ws", temp).auditSink(e -> {
          throw new IllegalStateException("sink down");
        }))) {
      ToolResult r = failing.callTool("read", Map.of("path", "a.txt"));
      assertFalse(r.isError(), r.text());
      assertEquals("A", r.text());
      assertEquals(AuditOutcome.OK, failing.lastAuditEvent().outcome(), "the kit's own sink still saw the event");
    }
  }
}
