package dev.toolwarden.runtime.http;

import static dev.toolwarden.runtime.http.ModernWire.error;
import static dev.toolwarden.runtime.http.ModernWire.headers;
import static dev.toolwarden.runtime.http.ModernWire.modern;
import static dev.toolwarden.runtime.http.ModernWire.post;
import static dev.toolwarden.runtime.http.ModernWire.result;
import static dev.toolwarden.runtime.http.ModernWire.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
 * MCP 2026-07-28 input requests beyond one elicitation, in raw HTTP: keys the tool chooses, sampling and
 * {@code roots/list} as input requests, several questions in one round (only the unanswered ones asked again), the
 * client-capability check (-32021 naming every missing capability), prompts that ask for input, and the refusals of a
 * tampered state, a state replayed for another tool, method or caller.
 */
class Protocol2026InputRequestsHttpTest {

  private static final Map<String, Object> ALL = Map.of("elicitation", Map.of(), "sampling", Map.of(), "roots",
      Map.of("listChanged", true));
  private static final List<AuditEvent> AUDIT = new CopyOnWriteArrayList<>();
  private static RunningServer server;
  private static TestTokens tokens;

  @BeforeAll
  static void start() throws Exception {
    server = FreePort.start(port -> {
      tokens = new TestTokens("http://127.0.0.1:" + port + "/mcp");
      return Toolwarden.server("inputs", "1.0.0")
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

  private static HttpResponse<String> send(String subject, String method, String name, Map<String, Object> params,
      Map<String, Object> capabilities) throws Exception {
    Map<String, Object> p = new LinkedHashMap<>(params);
    p.put("name", name);
    if (method.equals("tools/call")) {
      p.putIfAbsent("arguments", Map.of());
    }
    Map<String, String> h = new LinkedHashMap<>(headers(method, name));
    h.put("Authorization", "Bearer " + tokens.token(subject, "files:write"));
    return post(server.url(), modern(11, method, p, capabilities), h);
  }

  private static Map<String, Object> call(String tool, Map<String, Object> params, Map<String, Object> capabilities)
      throws Exception {
    HttpResponse<String> r = send("alice", "tools/call", tool, params, capabilities);
    assertEquals(200, r.statusCode(), r.body());
    return result(r);
  }

  private static Map<String, Object> retry(String state, Map<String, Object> answers) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("requestState", state);
    p.put("inputResponses", answers);
    return p;
  }

  private static Map<String, Object> accept(Map<String, Object> content) {
    return Map.of("action", "accept", "content", content);
  }

  private static Map<String, Object> sampled(String text) {
    return Map.of("role", "assistant", "content", Map.of("type", "text", "text", text), "model", "test-model",
        "stopReason", "endTurn");
  }

  private static Map<String, Object> roots() {
    return Map.of("roots", List.of(Map.of("uri", "file:///test/root", "name", "Test Root")));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> requests(Map<String, Object> result) {
    assertEquals("input_required", result.get("resultType"), result.toString());
    return (Map<String, Object>) result.get("inputRequests");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> params(Map<String, Object> request) {
    return (Map<String, Object>) request.get("params");
  }

  @Test
  @SuppressWarnings("unchecked")
  void threeQuestionsOfThreeKindsGoOutInOneRoundUnderTheToolsKeys() throws Exception {
    Map<String, Object> first = call("gather", Map.of(), ALL);
    Map<String, Object> asked = requests(first);
    assertEquals(List.of("confirm", "greeting", "client_roots"), List.copyOf(asked.keySet()));
    assertEquals("elicitation/create", ((Map<String, Object>) asked.get("confirm")).get("method"));
    Map<String, Object> sampling = (Map<String, Object>) asked.get("greeting");
    assertEquals("sampling/createMessage", sampling.get("method"));
    assertEquals(50, ((Number) params(sampling).get("maxTokens")).intValue());
    Map<String, Object> message = ((List<Map<String, Object>>) params(sampling).get("messages")).get(0);
    assertEquals("user", message.get("role"));
    assertEquals(Map.of("type", "text", "text", "Generate a greeting"), message.get("content"));
    assertEquals(Map.of("method", "roots/list", "params", Map.of()), asked.get("client_roots"));

    // two of three answered: only the third is asked again, the state carries the other two
    Map<String, Object> partial = call("gather", retry((String) first.get("requestState"),
        Map.of("confirm", accept(Map.of("confirm", true, "reason", "r")), "greeting", sampled("Hello there!"))), ALL);
    assertEquals(List.of("client_roots"), List.copyOf(requests(partial).keySet()));
    Map<String, Object> done = call("gather", retry((String) partial.get("requestState"),
        Map.of("client_roots", roots())), ALL);
    assertEquals("complete", done.get("resultType"));
    assertEquals("confirm=true greeting=Hello there! roots=file:///test/root", text(done));
  }

  @Test
  void aFormAsksUnderTheKeyTheToolChose() throws Exception {
    Map<String, Object> first = call("keyed_question", Map.of(), ALL);
    assertEquals(List.of("user_name"), List.copyOf(requests(first).keySet()));
    Map<String, Object> done = call("keyed_question", retry((String) first.get("requestState"),
        Map.of("user_name", accept(Map.of("confirm", true, "reason", "keyed")))), ALL);
    assertEquals("reason=keyed", text(done));
  }

  @Test
  void samplingIsAnInputRequestAndTheRetryGetsTheClientsMessage() throws Exception {
    Map<String, Object> first = call("summarise", Map.of(), ALL);
    assertEquals(List.of("sample-1"), List.copyOf(requests(first).keySet()));
    // a malformed answer (no content) is no answer: asked again, not a failure
    Map<String, Object> again = call("summarise", retry((String) first.get("requestState"),
        Map.of("sample-1", Map.of("model", "m"))), ALL);
    assertEquals(List.of("sample-1"), List.copyOf(requests(again).keySet()));
    Map<String, Object> done = call("summarise", retry((String) again.get("requestState"),
        Map.of("sample-1", sampled("short"))), ALL);
    assertEquals("test-model: short", text(done));
  }

  @Test
  void rootsAreAnInputRequestForAClientThatDeclaredThem() throws Exception {
    Map<String, Object> first = call("list_roots", Map.of(), ALL);
    assertEquals(List.of("roots-1"), List.copyOf(requests(first).keySet()));
    Map<String, Object> done = call("list_roots", retry((String) first.get("requestState"),
        Map.of("roots-1", roots())), ALL);
    assertEquals("roots=file:///test/root", text(done));
    assertEquals("no roots", text(call("list_roots", Map.of(), Map.of("elicitation", Map.of()))),
        "canListRoots() is false without the capability");
  }

  @Test
  @SuppressWarnings("unchecked")
  void aClientWithoutACapabilityIsToldEveryCapabilityTheRoundNeeded() throws Exception {
    HttpResponse<String> r = send("alice", "tools/call", "gather", Map.of(), Map.of("elicitation", Map.of()));
    assertEquals(400, r.statusCode(), r.body());
    Map<String, Object> e = error(r);
    assertEquals(-32021, ((Number) e.get("code")).intValue());
    assertEquals(Map.of("sampling", Map.of(), "roots", Map.of()),
        ((Map<String, Object>) e.get("data")).get("requiredCapabilities"));
    assertFalse(r.body().contains("inputRequests"), "nothing is asked of a client that cannot answer it all");
    // a tool that checks first asks only what the client can answer
    Map<String, Object> onlySampling = call("what_it_can", Map.of(), Map.of("sampling", Map.of()));
    assertEquals(List.of("greeting"), List.copyOf(requests(onlySampling).keySet()));
  }

  @Test
  @SuppressWarnings("unchecked")
  void aPromptAsksForInputAndTheRetryGetsItsMessages() throws Exception {
    HttpResponse<String> r = send("alice", "prompts/get", "asking_prompt", Map.of(), ALL);
    assertEquals(200, r.statusCode(), r.body());
    Map<String, Object> first = result(r);
    Map<String, Object> asked = requests(first);
    assertEquals(List.of("user_context"), List.copyOf(asked.keySet()));
    assertEquals("What context?", params((Map<String, Object>) asked.get("user_context")).get("message"));
    Map<String, Object> done = result(send("alice", "prompts/get", "asking_prompt",
        retry((String) first.get("requestState"), Map.of("user_context", accept(Map.of("confirm", true,
            "reason", "tests")))), ALL));
    assertEquals("complete", done.get("resultType"));
    List<Map<String, Object>> messages = (List<Map<String, Object>>) done.get("messages");
    assertEquals("Use this context: tests", ((Map<String, Object>) messages.get(0).get("content")).get("text"));
    assertTrue(AUDIT.stream().anyMatch(e -> e.outcome() == AuditOutcome.INPUT_REQUIRED
        && "asking_prompt".equals(e.target())), "each round is audited: " + AUDIT);
    HttpResponse<String> missing = send("alice", "prompts/get", "asking_prompt", Map.of(), Map.of());
    assertEquals(400, missing.statusCode(), missing.body());
    assertEquals(-32021, ((Number) error(missing).get("code")).intValue());
  }

  @Test
  void aTamperedStateOrOneReplayedForAnotherToolMethodOrCallerIsRefused() throws Exception {
    String state = (String) call("keyed_question", Map.of(), ALL).get("requestState");
    Map<String, Object> yes = Map.of("user_name", accept(Map.of("confirm", true, "reason", "x")));
    List<HttpResponse<String>> refused = List.of(
        send("alice", "tools/call", "keyed_question", retry(state + "-TAMPERED", yes), ALL),
        send("alice", "tools/call", "gather", retry(state, yes), ALL),
        send("alice", "prompts/get", "asking_prompt", retry(state, yes), ALL),
        send("mallory", "tools/call", "keyed_question", retry(state, yes), ALL));
    for (HttpResponse<String> r : refused) {
      assertEquals(400, r.statusCode(), r.body());
      assertEquals(-32602, ((Number) error(r).get("code")).intValue());
      assertFalse(r.body().contains("alice") || r.body().contains("Exception"), r.body());
    }
    assertEquals("reason=x", text(call("keyed_question", retry(state, yes), ALL)), "the genuine state still works");
  }
}
