package dev.toolwarden.runtime.http;

import static dev.toolwarden.runtime.http.ModernWire.error;
import static dev.toolwarden.runtime.http.ModernWire.headers;
import static dev.toolwarden.runtime.http.ModernWire.modern;
import static dev.toolwarden.runtime.http.ModernWire.post;
import static dev.toolwarden.runtime.http.ModernWire.result;
import static dev.toolwarden.runtime.http.ModernWire.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwarden.runtime.RunningServer;
import dev.toolwarden.runtime.Toolwarden;
import dev.toolwarden.runtime.audit.AuditEvent;
import dev.toolwarden.runtime.audit.AuditOutcome;
import dev.toolwarden.runtime.auth.ResourceServer;
import dev.toolwarden.runtime.auth.TestTokens;
import dev.toolwarden.runtime.testtools.AskingTools;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Typed elicitation under MCP 2026-07-28, in raw HTTP: the tool's {@code ctx.elicit(Confirmation.class, ..)} becomes
 * an {@code InputRequiredResult} (the generated form schema, a signed {@code requestState}), the retry carries the
 * answer and the same tool code completes; the state cannot be forged, altered, replayed by another caller or moved
 * to other arguments; a client without the capability gets -32021.
 */
class Protocol2026ElicitationHttpTest {

  private static final Map<String, Object> ELICITS = Map.of("elicitation", Map.of());
  private static final List<AuditEvent> AUDIT = new CopyOnWriteArrayList<>();
  private static RunningServer server;
  private static TestTokens tokens;

  @BeforeAll
  static void start() throws Exception {
    server = FreePort.start(port -> {
      tokens = new TestTokens("http://127.0.0.1:" + port + "/mcp");
      return Toolwarden.server("asking", "1.0.0")
          .tools(new AskingTools())
          .auditSink(AUDIT::add)
          .http(HttpOptions.loopback(port).oauth(ResourceServer.custom(TestTokens.ISSUER, tokens.resource,
              tokens.verifier())));
    });
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  private static HttpResponse<String> call(String subject, String tool, Map<String, Object> params,
      Map<String, Object> capabilities) throws Exception {
    Map<String, Object> p = new LinkedHashMap<>(params);
    p.put("name", tool);
    p.putIfAbsent("arguments", Map.of());
    Map<String, String> h = new LinkedHashMap<>(headers("tools/call", tool));
    h.put("Authorization", "Bearer " + tokens.token(subject, "files:write"));
    return post(server.url(), modern(7, "tools/call", p, capabilities), h);
  }

  private static Map<String, Object> retry(Map<String, Object> arguments, String state, Map<String, Object> answers) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("arguments", arguments);
    p.put("requestState", state);
    p.put("inputResponses", answers);
    return p;
  }

  private static Map<String, Object> accept(Map<String, Object> content) {
    return Map.of("action", "accept", "content", content);
  }

  @Test
  @SuppressWarnings("unchecked")
  void theToolAsksThroughInputRequiredAndTheRetryCompletesWithTheTypedAnswer() throws Exception {
    int before = AskingTools.DELETIONS.get();
    Map<String, Object> args = Map.of("count", 3);
    HttpResponse<String> first = call("alice", "delete_files", Map.of("arguments", args), ELICITS);
    assertEquals(200, first.statusCode(), first.body());
    Map<String, Object> asked = result(first);
    assertEquals("input_required", asked.get("resultType"));
    Map<String, Object> requests = (Map<String, Object>) asked.get("inputRequests");
    assertEquals(List.of("elicit-1"), List.copyOf(requests.keySet()));
    Map<String, Object> request = (Map<String, Object>) requests.get("elicit-1");
    assertEquals("elicitation/create", request.get("method"));
    Map<String, Object> params = (Map<String, Object>) request.get("params");
    assertEquals("form", params.get("mode"));
    assertEquals("Delete 3 files?", params.get("message"));
    Map<String, Object> schema = (Map<String, Object>) params.get("requestedSchema");
    assertEquals("object", schema.get("type"));
    assertEquals(List.of("confirm", "reason"), schema.get("required"), "the record's generated form schema");
    String state = (String) asked.get("requestState");
    assertTrue(state != null && state.contains("."), asked.toString());
    assertFalse(asked.containsKey("content"), "no tool result in an input-required answer");
    assertEquals(before, AskingTools.DELETIONS.get(), "nothing happened before the user answered");

    HttpResponse<String> second = call("alice", "delete_files",
        retry(args, state, Map.of("elicit-1", accept(Map.of("confirm", true, "reason", "cleanup")))), ELICITS);
    assertEquals(200, second.statusCode(), second.body());
    Map<String, Object> done = result(second);
    assertEquals("complete", done.get("resultType"));
    assertEquals("deleted 3 (cleanup) for alice", text(done));
    assertEquals(before + 1, AskingTools.DELETIONS.get());
    assertTrue(AUDIT.stream().anyMatch(e -> e.outcome() == AuditOutcome.INPUT_REQUIRED
        && "delete_files".equals(e.tool()) && "alice".equals(e.principal())), AUDIT.toString());
  }

  @Test
  void aDeclinedFormIsTheToolsToHandle() throws Exception {
    Map<String, Object> args = Map.of("count", 1);
    String state = (String) result(call("alice", "delete_files", Map.of("arguments", args), ELICITS))
        .get("requestState");
    Map<String, Object> done = result(call("alice", "delete_files",
        retry(args, state, Map.of("elicit-1", Map.of("action", "decline"))), ELICITS));
    assertEquals("not deleted: DECLINE", text(done));
  }

  @Test
  @SuppressWarnings("unchecked")
  void aStateIsRefusedWhenForgedAlteredReplayedByAnotherCallerOrMovedToOtherArguments() throws Exception {
    Map<String, Object> args = Map.of("count", 2);
    String state = (String) result(call("alice", "delete_files", Map.of("arguments", args), ELICITS))
        .get("requestState");
    Map<String, Object> yes = Map.of("elicit-1", accept(Map.of("confirm", true, "reason", "x")));
    int dot = state.indexOf('.');
    char flipped = state.charAt(dot - 2) == 'A' ? 'B' : 'A';
    String altered = state.substring(0, dot - 2) + flipped + state.substring(dot - 1);
    List<HttpResponse<String>> refused = List.of(
        call("alice", "delete_files", retry(args, "eyJ2IjoxfQ.AAAA", yes), ELICITS),
        call("alice", "delete_files", retry(args, altered, yes), ELICITS),
        call("mallory", "delete_files", retry(args, state, yes), ELICITS),
        call("alice", "delete_files", retry(Map.of("count", 200), state, yes), ELICITS),
        call("alice", "delete_files", retry(args, state + "x", yes), ELICITS));
    int before = AskingTools.DELETIONS.get();
    String message = null;
    for (HttpResponse<String> r : refused) {
      assertEquals(400, r.statusCode(), r.body());
      Map<String, Object> e = error(r);
      assertEquals(-32602, ((Number) e.get("code")).intValue());
      message = message == null ? (String) e.get("message") : message;
      assertEquals(message, e.get("message"), "one message whatever failed: it tells nothing");
      assertFalse(r.body().contains("alice") || r.body().contains("Exception"), r.body());
    }
    assertEquals(before, AskingTools.DELETIONS.get(), "no refused state reached the tool");
    // the genuine one still works for its caller and its arguments
    assertEquals("deleted 2 (x) for alice", text(result(call("alice", "delete_files", retry(args, state, yes),
        ELICITS))));
  }

  @Test
  @SuppressWarnings("unchecked")
  void twoQuestionsAreTwoRoundsAndTheStateCarriesTheFirstAnswer() throws Exception {
    Map<String, Object> one = result(call("alice", "two_questions", Map.of(), ELICITS));
    assertEquals(List.of("elicit-1"), List.copyOf(((Map<String, Object>) one.get("inputRequests")).keySet()));
    Map<String, Object> two = result(call("alice", "two_questions", retry(Map.of(), (String) one.get("requestState"),
        Map.of("elicit-1", accept(Map.of("confirm", true, "reason", "r")))), ELICITS));
    assertEquals("input_required", two.get("resultType"));
    assertEquals(List.of("elicit-2"), List.copyOf(((Map<String, Object>) two.get("inputRequests")).keySet()),
        "only the new question is asked");
    assertNotEquals(one.get("requestState"), two.get("requestState"));
    // no answer to the pending question: it is asked again, not failed
    Map<String, Object> again = result(call("alice", "two_questions", retry(Map.of(),
        (String) two.get("requestState"), Map.of()), ELICITS));
    assertEquals("input_required", again.get("resultType"));
    Map<String, Object> done = result(call("alice", "two_questions", retry(Map.of(),
        (String) two.get("requestState"), Map.of("elicit-2", accept(Map.of("copies", 2)))), ELICITS));
    assertEquals("print=true copies=2", text(done));
  }

  @Test
  void anAnswerThatBreaksTheFormIsAToolError() throws Exception {
    Map<String, Object> args = Map.of("count", 5);
    String state = (String) result(call("alice", "delete_files", Map.of("arguments", args), ELICITS))
        .get("requestState");
    Map<String, Object> r = result(call("alice", "delete_files", retry(args, state,
        Map.of("elicit-1", accept(Map.of("confirm", "yes", "reason", "much too long a reason to give")))), ELICITS));
    assertEquals(Boolean.TRUE, r.get("isError"));
    String text = text(r);
    assertTrue(text.startsWith("The answer to the form broke its constraints:"), text);
    assertTrue(text.contains("/confirm") && text.contains("/reason"), text);
  }

  @Test
  @SuppressWarnings("unchecked")
  void aClientWithoutTheCapabilityIsToldWhatIsMissing() throws Exception {
    HttpResponse<String> r = call("alice", "delete_files", Map.of("arguments", Map.of("count", 1)), Map.of());
    assertEquals(400, r.statusCode(), r.body());
    Map<String, Object> e = error(r);
    assertEquals(-32021, ((Number) e.get("code")).intValue());
    assertEquals(Map.of("elicitation", Map.of("form", Map.of())),
        ((Map<String, Object>) e.get("data")).get("requiredCapabilities"));
    assertEquals("canElicit=false", text(result(call("alice", "can_ask", Map.of(), Map.of()))));
    assertEquals("canElicit=true", text(result(call("alice", "can_ask", Map.of(), ELICITS))));
    assertEquals("canElicit=false", text(result(call("alice", "can_ask", Map.of(),
        Map.of("elicitation", Map.of("url", Map.of()))))), "url mode only is no form");
  }

  @Test
  @SuppressWarnings("unchecked")
  void aToolThatSamplesForAClientWithoutSamplingIsAMissingCapability() throws Exception {
    HttpResponse<String> r = call("alice", "summarise", Map.of(), ELICITS);
    assertEquals(400, r.statusCode(), r.body());
    Map<String, Object> e = error(r);
    assertEquals(-32021, ((Number) e.get("code")).intValue());
    assertEquals(Map.of("sampling", Map.of()), ((Map<String, Object>) e.get("data")).get("requiredCapabilities"));
    // declared: sampling is an input request of the round
    Map<String, Object> declared = result(call("alice", "summarise", Map.of(), Map.of("sampling", Map.of())));
    assertEquals("input_required", declared.get("resultType"), declared.toString());
    assertEquals("sampling/createMessage", ((Map<String, Object>) ((Map<String, Object>) declared.get(
        "inputRequests")).get("sample-1")).get("method"));
  }
}
