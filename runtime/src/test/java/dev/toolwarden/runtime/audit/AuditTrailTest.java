package dev.toolwarden.runtime.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcontextprotocol.json.McpJsonDefaults;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The JSON of an audit event (docs/audit.md). One event per decision, through the whole pipeline, is tested with
 * the test kit (toolwarden-test's AuditTrailTest: the runtime's tests cannot depend on the kit, which depends on
 * the runtime).
 */
class AuditTrailTest {

  /** Always present, in this order. */
  static final List<String> FIELDS =
      List.of("time", "outcome", "tool", "principal", "client", "session", "reason", "durationMs", "arguments");

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

  @SuppressWarnings("unchecked")
  private static Map<String, Object> parse(String json) {
    try {
      return McpJsonDefaults.getMapper().readValue(json, Map.class);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + json, e);
    }
  }
}
