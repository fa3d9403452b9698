package dev.toolwarden.test.policies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwarden.runtime.Toolwarden;
import dev.toolwarden.runtime.audit.AuditEvent;
import dev.toolwarden.runtime.audit.AuditSink;
import dev.toolwarden.test.ToolResult;
import dev.toolwarden.test.ToolwardenTestClient;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every log line (slf4j-simple writes to System.err, captured here), every audit event and every result of a suite
 * of calls with a redacted card number — valid, invalid, throwing — and the card number, the bearer token and the
 * JWT never occur anywhere but masked. Moved from the runtime's RedactionLeakTest (a hand-written bundle called
 * in-process; its scrubber unit test stays there): here the results are what the SDK client decoded.
 */
class RedactionLeakTest {

  private static final String CARD = "4929123456781234";

  @TempDir Path workspace;

  @Test
  void redactedValuesAndTokensNeverReachLogsAuditOrErrors() {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream original = System.err;
    List<ToolResult> results = new ArrayList<>();
    List<AuditEvent> events;
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try (ToolwardenTestClient client = ToolwardenTestClient.forServer(Toolwarden.server("t", "1")
        .tools(new PolicyTools()).root("ws", workspace).auditSink(AuditSink.slf4j()))) {
      results.add(client.callTool("pay", Map.of("card", CARD, "note", "ok", "mode", "ok")));            // valid
      results.add(client.callTool("pay", Map.of("card", CARD + "x", "note", "n", "mode", "ok")));       // invalid card
      results.add(client.callTool("pay", Map.of("card", List.of(CARD), "note", "n", "mode", "ok")));   // wrong type
      results.add(client.callTool("pay", Map.of("card", CARD, "note", "n", "mode", "bogus")));         // invalid other
      results.add(client.callTool("pay", Map.of("card", CARD, "note", "n", "mode", "user")));          // ToolException
      results.add(client.callTool("pay", Map.of("card", CARD, "note", "n", "mode", "internal")));      // internal error
      events = client.auditEvents();
    } finally {
      System.setErr(original);
    }
    String logs = captured.toString(StandardCharsets.UTF_8);
    assertTrue(logs.contains("toolwarden.audit"), "the audit lines are in the log: " + logs);
    assertTrue(logs.contains("IllegalStateException"), "the internal error is logged: " + logs);
    assertEquals(6, events.size());

    StringBuilder everything = new StringBuilder(logs);
    for (AuditEvent e : events) {
      everything.append(e.toJson()).append('\n').append(e);
    }
    for (ToolResult r : results) {
      everything.append(r.text()).append(r.structuredContent()).append(r.sdkResult());
    }
    String all = everything.toString();
    for (String secret : List.of(CARD, CARD.substring(0, 12), Leaks.bearer(), Leaks.jwtSignature(), Leaks.jwtHeader())) {
      assertFalse(all.contains(secret), "leaked " + secret + " in:\n" + all);
    }

    // what the caller sees instead
    assertEquals(Map.of("id", "r-1", "card", "****1234", "note", "ok"), results.get(0).structuredContent());
    assertEquals("{\"id\":\"r-1\",\"card\":\"****1234\",\"note\":\"ok\"}", results.get(0).text());
    assertTrue(results.get(1).text().contains("/card: must match the pattern [0-9]{12,19} (value redacted) [pattern]"),
        results.get(1).text());
    assertTrue(results.get(2).text().contains("/card: must be a string (value redacted) [type]"), results.get(2).text());
    assertEquals("card **** was declined", results.get(4).text());
    assertTrue(results.get(5).text().startsWith("internal error (ref "));
    assertTrue(logs.contains("gateway rejected ****"), logs);
  }
}
