package dev.toolwarden.runtime.audit;

import dev.toolwarden.runtime.internal.audit.LogScrubber;

import static dev.toolwarden.runtime.testtools.PolicyHarness.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwarden.runtime.testtools.PolicyHarness;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every log line (slf4j-simple writes to System.err, captured here), every audit event and every
 * result of a suite of calls with a redacted card number — valid, invalid, throwing — and the
 * card number, the bearer token and the JWT never occur anywhere but masked.
 */
class RedactionLeakTest {

  private static final String CARD = "4929123456781234";
  private static final String BEARER = "abcdefghijklmnop0123";
  private static final String SIGNATURE_PART = "c2lnbmF0dXJl";

  @Test
  void redactedValuesAndTokensNeverReachLogsAuditOrErrors() {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream original = System.err;
    List<CallToolResult> results = new ArrayList<>();
    PolicyHarness h;
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      h = new PolicyHarness(null, AuditSink.slf4j());
      results.add(h.call("pay", Map.of("card", CARD, "note", "ok", "mode", "ok")));            // valid
      results.add(h.call("pay", Map.of("card", CARD + "x", "note", "n", "mode", "ok")));       // invalid card
      results.add(h.call("pay", Map.of("card", List.of(CARD), "note", "n", "mode", "ok")));   // wrong type
      results.add(h.call("pay", Map.of("card", CARD, "note", "n", "mode", "bogus")));         // invalid other
      results.add(h.call("pay", Map.of("card", CARD, "note", "n", "mode", "user")));          // ToolException
      results.add(h.call("pay", Map.of("card", CARD, "note", "n", "mode", "internal")));      // internal error
    } finally {
      System.setErr(original);
    }
    String logs = captured.toString(StandardCharsets.UTF_8);
    assertTrue(logs.contains("toolwarden.audit"), "the audit lines are in the log: " + logs);
    assertTrue(logs.contains("IllegalStateException"), "the internal error is logged: " + logs);
    assertEquals(6, h.events.size());

    StringBuilder everything = new StringBuilder(logs);
    for (AuditEvent e : h.events) {
      everything.append(e.toJson()).append('\n').append(e);
    }
    for (CallToolResult r : results) {
      everything.append(text(r)).append(r.structuredContent());
    }
    String all = everything.toString();
    for (String secret : List.of(CARD, CARD.substring(0, 12), BEARER, SIGNATURE_PART, "eyJhbGciOiJIUzI1NiJ9")) {
      assertFalse(all.contains(secret), "leaked " + secret + " in:\n" + all);
    }

    // what the caller sees instead
    assertEquals(Map.of("id", "r-1", "card", "****1234", "note", "ok"), results.get(0).structuredContent());
    assertEquals("{\"id\":\"r-1\",\"card\":\"****1234\",\"note\":\"ok\"}", text(results.get(0)));
    assertTrue(text(results.get(1)).contains("/card: must match the pattern [0-9]{12,19} (value redacted) [pattern]"),
        text(results.get(1)));
    assertTrue(text(results.get(2)).contains("/card: must be a string (value redacted) [type]"), text(results.get(2)));
    assertEquals("card **** was declined", text(results.get(4)));
    assertTrue(text(results.get(5)).startsWith("internal error (ref "));
    assertTrue(logs.contains("gateway rejected ****"), logs);
  }

  @Test
  void scrubberMasksTokenShapes() {
    assertEquals("Authorization: Bearer ****", LogScrubber.scrub("Authorization: Bearer " + BEARER));
    assertEquals("token **** here", LogScrubber.scrub("token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0." + SIGNATURE_PART + " here"));
    assertEquals("GET /x?access_token=****&a=1", LogScrubber.scrub("GET /x?access_token=xxxxxxxx&a=1"));
    assertEquals("{\"client_secret\":\"****\"}", LogScrubber.scrub("{\"client_secret\":\"hunter22\"}"));
    assertEquals("max tokens 5", LogScrubber.scrub("max tokens 5"));
    assertEquals("a\\u000ab", LogScrubber.escapeControl("a\nb"));
  }
}
