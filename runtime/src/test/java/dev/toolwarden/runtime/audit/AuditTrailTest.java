package dev.toolwarden.runtime.audit;

import static dev.toolwarden.runtime.testtools.PolicyHarness.parse;
import static dev.toolwarden.runtime.testtools.PolicyHarness.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwarden.runtime.testtools.PolicyHarness;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each decision produces exactly one event, with the documented fields (docs/audit.md). */
class AuditTrailTest {

  /** Always present, in this order. */
  static final List<String> FIELDS =
      List.of("time", "outcome", "tool", "principal", "client", "session", "reason", "durationMs", "arguments");

  private static final String CARD = "4111111111111111";

  @TempDir Path temp;
  private PolicyHarness h;

  @BeforeEach
  void setUp() throws Exception {
    Files.writeString(temp.resolve("a.txt"), "A");
    h = new PolicyHarness(temp, null);
  }

  private Map<String, Object> only(CallToolResult r, AuditOutcome expected) {
    assertEquals(1, h.events.size(), h.events.toString());
    AuditEvent e = h.events.get(0);
    assertEquals(expected, e.outcome());
    Map<String, Object> json = parse(e.toJson());
    assertEquals(FIELDS, List.copyOf(json.keySet()).subList(0, FIELDS.size()), e.toJson());
    assertEquals(expected.wireName(), json.get("outcome"));
    assertEquals("alice", json.get("principal"));
    assertTrue(Instant.parse((String) json.get("time")).isAfter(Instant.now().minusSeconds(60)));
    assertTrue(((Number) json.get("durationMs")).doubleValue() >= 0);
    assertFalse(e.toJson().contains("\n"));
    h.events.clear();
    return json;
  }

  private static Map<String, Object> pay(String card, String note, String mode) {
    return Map.of("card", card, "note", note, "mode", mode);
  }

  @Test
  void okWithDurationAndRedactedArguments() {
    only(h.call("pay", pay(CARD, "lunch", "ok")), AuditOutcome.OK);
    h.call("pay", pay(CARD, "lunch", "ok"));
    Map<String, Object> json = parse(h.events.get(0).toJson());
    assertEquals("pay", json.get("tool"));
    assertNull(json.get("reason"));
    assertEquals(Map.of("card", "****", "note", "lunch", "mode", "ok"), json.get("arguments"));
  }

  @Test
  void toolErrorWithTheMaskedMessage() {
    Map<String, Object> json = only(h.call("pay", pay(CARD, "n", "user")), AuditOutcome.ERROR);
    assertEquals("tool error: card **** was declined", json.get("reason"));
    assertNull(json.get("ref"));
  }

  @Test
  void internalErrorCarriesTheReferenceTheCallerSaw() {
    CallToolResult r = h.call("pay", pay(CARD, "n", "internal"));
    Map<String, Object> json = only(r, AuditOutcome.ERROR);
    assertEquals("internal error: java.lang.IllegalStateException", json.get("reason"));
    assertNotNull(json.get("ref"));
    assertEquals("internal error (ref " + json.get("ref") + ")", text(r));
  }

  @Test
  void validationRejected() {
    Map<String, Object> json = only(h.call("pay", Map.of("card", "12ab", "note", "n", "mode", "x", "extra", 1)),
        AuditOutcome.VALIDATION_REJECTED);
    assertEquals("/extra additionalProperties; /card pattern; /mode enum", json.get("reason"));
    assertEquals(Map.of("card", "****", "note", "n", "mode", "x", "extra", 1), json.get("arguments"));
  }

  @Test
  void pathRejectedWithoutTheRoot() {
    Map<String, Object> json = only(h.call("read", Map.of("path", "../a.txt")), AuditOutcome.PATH_REJECTED);
    assertEquals("/path safePath: path outside the allowed root", json.get("reason"));
    assertFalse(h.call("read", Map.of("path", "../a.txt")).toString().contains(temp.toString()));
  }

  @Test
  void rateLimitedOncePerRefusal() {
    for (int i = 0; i < 3; i++) {
      h.call("limited", Map.of());
    }
    h.events.clear();
    Map<String, Object> json = only(h.call("limited", Map.of()), AuditOutcome.RATE_LIMITED);
    assertEquals("rate limit of 3 per 60000 ms (PRINCIPAL) exceeded; retry after 20 s", json.get("reason"));
  }

  @Test
  void scopeDenied() {
    Map<String, Object> json = only(h.call("admin", Map.of()), AuditOutcome.SCOPE_DENIED);
    assertEquals("missing scope admin:all", json.get("reason"));
    h.as("alice", "admin:all");
    only(h.call("admin", Map.of()), AuditOutcome.OK);
  }

  @Test
  void clientIdComesFromTheCallerAndTheSessionIsHashed() {
    AuditEvent e = AuditEvent.builder(AuditOutcome.AUTH_FAILED).session("3f5c1a9e-session-id").client("inspector/1.0")
        .reason("token expired").remote("127.0.0.1").build();
    Map<String, Object> json = parse(e.toJson());
    assertEquals(AuditEvent.hashSession("3f5c1a9e-session-id"), json.get("session"));
    assertEquals(16, ((String) json.get("session")).length());
    assertFalse(e.toJson().contains("3f5c1a9e-session-id"));
    assertEquals("auth_failed", json.get("outcome"));
    assertEquals("127.0.0.1", json.get("remote"));
    assertTrue(List.copyOf(json.keySet()).subList(0, FIELDS.size()).equals(FIELDS));
  }

  @Test
  void newlinesAndControlCharactersCannotForgeALine() {
    String note = "x\n{\"outcome\":\"ok\"}\r\u001b[2J\u2028end";
    h.call("pay", pay(CARD, note, "ok"));
    String line = h.events.get(0).toJson();
    for (char c : new char[] {'\n', '\r', '\u001b', '\u2028'}) {
      assertEquals(-1, line.indexOf(c), "raw control character in " + line);
    }
    assertEquals(note, ((Map<?, ?>) parse(line).get("arguments")).get("note"));
  }

  @Test
  void argumentsAreBoundedInSize() {
    String big = "y".repeat(10_000);
    h.call("pay", pay(CARD, big, "ok"));
    String line = h.events.get(0).toJson();
    assertTrue(line.length() < 1_000, "length " + line.length());
  }

  @Test
  void aFailingSinkNeverChangesTheResult() {
    PolicyHarness failing = new PolicyHarness(temp, e -> {
      throw new IllegalStateException("sink down");
    });
    CallToolResult r = failing.call("read", Map.of("path", "a.txt"));
    assertFalse(r.isError(), text(r));
    assertEquals("A", text(r));
    Set<String> none = Set.of();
    assertTrue(none.isEmpty());
  }
}
