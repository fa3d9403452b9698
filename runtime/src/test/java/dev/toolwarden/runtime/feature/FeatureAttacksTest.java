package dev.toolwarden.runtime.feature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwarden.runtime.RunningServer;
import dev.toolwarden.runtime.ServerBuilder;
import dev.toolwarden.runtime.Toolwarden;
import dev.toolwarden.runtime.audit.AuditEvent;
import dev.toolwarden.runtime.audit.AuditOutcome;
import dev.toolwarden.runtime.http.HttpOptions;
import dev.toolwarden.runtime.testtools.AttackFeatureTools;
import dev.toolwarden.runtime.testtools.AttackFeatureToolsBundle;
import dev.toolwarden.runtime.testtools.FeatureTools;
import dev.toolwarden.runtime.testtools.FeatureToolsBundle;
import dev.toolwarden.runtime.testtools.StdioSession;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Attacks on the annotated resources, templates, prompts and completions, as a hostile or strict client sends them
 * (raw JSON-RPC lines over stdio, the SDK client over Streamable HTTP without OAuth): completions of what the caller
 * may not use, traversal through a {@code @SafePath} {@code {/name}} segment, malformed references and parameters. Each
 * refusal must be the documented JSON-RPC error, audited, and reveal no path, class name or completed value.
 */
class FeatureAttacksTest {

  @TempDir Path temp;

  private final List<AuditEvent> events = new CopyOnWriteArrayList<>();

  private ServerBuilder server(String... grants) throws Exception {
    Path ws = Files.createDirectories(temp.resolve("ws"));
    Files.writeString(ws.resolve("a.txt"), "alpha");
    Files.writeString(temp.resolve("secret.txt"), "TOP-SECRET");
    Files.createDirectories(ws.resolve("sub"));
    try {
      Files.createSymbolicLink(ws.resolve("escape"), temp.resolve("secret.txt"));
    } catch (UnsupportedOperationException | java.io.IOException e) {
      // no symbolic links here: that payload is then simply a missing file
    }
    return Toolwarden.server("attacks", "1.0.0").tools(new AttackFeatureTools(), new FeatureTools())
        .root("ws", ws).auditSink(events::add).grantScopes(grants);
  }

  private static Map<String, Object> complete(String refType, String refKey, String refValue, String argument,
      String value) {
    return Map.of("ref", Map.of("type", refType, refKey, refValue), "argument", Map.of("name", argument, "value", value));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> error(Map<String, Object> response) {
    assertNull(response.get("result"), String.valueOf(response));
    return (Map<String, Object>) response.get("error");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> result(Map<String, Object> response) {
    assertNull(response.get("error"), String.valueOf(response));
    return (Map<String, Object>) response.get("result");
  }

  private static int code(Map<String, Object> error) {
    return ((Number) error.get("code")).intValue();
  }

  /** Nothing about the server: no temp directory, no Java class name, no stack frame. */
  private void assertRevealsNothing(Object shown) {
    String s = String.valueOf(shown);
    assertFalse(s.contains(temp.toString()), s);
    assertFalse(s.contains("TOP-SECRET"), s);
    assertFalse(s.matches("(?s).*\\b(java|dev\\.toolwarden|io\\.modelcontextprotocol)\\.[a-z].*"), s);
    assertFalse(s.contains("Exception") || s.contains("\tat "), s);
  }

  @Test
  void aCompletionOfAnArgumentWithoutMcpCompleteStillNeedsThePromptsScopes() throws Exception {
    try (StdioSession s = StdioSession.start(server("files:read"), "attacks")) {
      // 'b' has no @McpComplete: before the fix the SDK's empty answer came back, unchecked and unaudited
      Map<String, Object> e = error(s.request("completion/complete",
          complete("ref/prompt", "name", "locked", "b", "")));
      assertEquals(-32600, code(e), e.toString());
      assertTrue(String.valueOf(e.get("message")).contains("requires the scope locked:use"), e.toString());
      // the completed argument is refused too (its values are the prompt's)
      Map<String, Object> a = error(s.request("completion/complete",
          complete("ref/prompt", "name", "locked", "a", "s3")));
      assertEquals(-32600, code(a), a.toString());
      assertFalse(a.toString().contains("s3cret"), a.toString());
      // an argument the prompt does not have: the SDK itself answers an empty list before any handler runs (it only
      // logs the unknown name), so nothing of the prompt's can leak through it
      Map<String, Object> unknown = result(s.request("completion/complete",
          complete("ref/prompt", "name", "locked", "nope", "s3")));
      assertFalse(unknown.toString().contains("s3cret"), unknown.toString());
    }
    List<AuditEvent> denied = events.stream().filter(ev -> ev.outcome() == AuditOutcome.SCOPE_DENIED).toList();
    assertEquals(2, denied.size(), events.toString());
    assertTrue(denied.stream().allMatch(ev -> "completion".equals(ev.action())), denied.toString());
  }

  @Test
  void aCompletionOfAPromptOrTemplateWithNoMcpCompleteAtAllNeedsItsScopes() throws Exception {
    try (StdioSession s = StdioSession.start(server("files:read"), "attacks")) {
      Map<String, Object> prompt = error(s.request("completion/complete",
          complete("ref/prompt", "name", "sealed", "q", "")));
      assertEquals(-32600, code(prompt), prompt.toString());
      assertTrue(String.valueOf(prompt.get("message")).contains("requires the scope sealed:use"), prompt.toString());
      Map<String, Object> template = error(s.request("completion/complete",
          complete("ref/resource", "uri", AttackFeatureToolsBundle.VAULT, "key", "")));
      assertEquals(-32600, code(template), template.toString());
      assertTrue(String.valueOf(template.get("message")).contains("requires the scope vault:read"),
          template.toString());
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void withTheScopesAnArgumentWithoutMcpCompleteGetsAnEmptyListAndItsRedactedValueStaysOutOfTheAudit()
      throws Exception {
    try (StdioSession s = StdioSession.start(server("locked:use"), "attacks")) {
      Map<String, Object> none = (Map<String, Object>) result(s.request("completion/complete",
          complete("ref/prompt", "name", "locked", "b", "hunter2"))).get("completion");
      assertEquals(List.of(), none.get("values"));
      assertEquals(Boolean.FALSE, none.get("hasMore"));
      Map<String, Object> some = (Map<String, Object>) result(s.request("completion/complete",
          complete("ref/prompt", "name", "locked", "a", "s3cret-a"))).get("completion");
      assertEquals(List.of("s3cret-alpha"), some.get("values"));
    }
    assertEquals(2, events.size(), events.toString());
    assertTrue(events.stream().allMatch(e -> e.outcome() == AuditOutcome.OK && "completion".equals(e.action())),
        events.toString());
    assertFalse(events.get(0).toJson().contains("hunter2"), events.get(0).toJson());
  }

  @Test
  @SuppressWarnings("unchecked")
  void aCompletionContextWithNullValuesIsNoInternalError() throws Exception {
    Map<String, Object> context = new HashMap<>();
    context.put("b", null);
    context.put("x", "y");
    Map<String, Object> request = new HashMap<>(complete("ref/prompt", "name", "locked", "a", "s3cret-b"));
    request.put("context", Map.of("arguments", context));
    try (StdioSession s = StdioSession.start(server("locked:use"), "attacks")) {
      Map<String, Object> r = (Map<String, Object>) result(s.request("completion/complete", request))
          .get("completion");
      assertEquals(List.of("s3cret-beta"), r.get("values"));
    }
  }

  @Test
  void overStreamableHttpWithoutOAuthTheSdkClientIsRefusedTheSameWay() throws Exception {
    try (RunningServer server = server("files:read").http(HttpOptions.loopback(0));
        McpSyncClient client = McpClient.sync(HttpClientStreamableHttpTransport.builder("http://127.0.0.1:"
            + server.port()).endpoint("/mcp").build()).requestTimeout(Duration.ofSeconds(20)).build()) {
      client.initialize();
      for (McpSchema.CompleteRequest request : List.of(
          new McpSchema.CompleteRequest(new McpSchema.PromptReference("locked"),
              new McpSchema.CompleteRequest.CompleteArgument("b", "")),
          new McpSchema.CompleteRequest(new McpSchema.PromptReference("sealed"),
              new McpSchema.CompleteRequest.CompleteArgument("q", "")),
          new McpSchema.CompleteRequest(new McpSchema.ResourceReference(AttackFeatureToolsBundle.VAULT),
              new McpSchema.CompleteRequest.CompleteArgument("key", "")))) {
        McpError e = assertThrows(McpError.class, () -> client.completeCompletion(request));
        assertEquals(-32600, e.getJsonRpcError().code(), e.toString());
        assertTrue(e.getJsonRpcError().message().startsWith("Forbidden: "), e.toString());
      }
      // the template the caller may read still completes (an empty list: it has no @McpComplete)
      McpSchema.CompleteResult ok = client.completeCompletion(new McpSchema.CompleteRequest(
          new McpSchema.ResourceReference(FeatureToolsBundle.WORKSPACE),
          new McpSchema.CompleteRequest.CompleteArgument("path", "")));
      assertEquals(List.of(), ok.completion().values());
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void traversalThroughASafePathSegmentVariableIsRefusedWithoutRevealingTheRoot() throws Exception {
    List<String> payloads = List.of(
        "/%2e%2e", "/..", "/%2E%2E%2Fsecret.txt", "/..%2fsecret.txt", "/..%2Fsecret.txt", "/sub%2f..%2f..%2fsecret.txt",
        "/..%5csecret.txt", "/%5c..%5csecret.txt", "/a.txt%00", "/%00", "/%2fetc%2fpasswd", "/~", "/~%2f.ssh",
        "/C:%5cWindows", "/c:", "/a.txt.", "/a.txt%20", "/%e2%80%a4%e2%80%a4", "/%ef%bc%8e%ef%bc%8e", "/escape",
        "/%252e%252e", "/%252e%252e%252fsecret.txt", "/.", "/%2e");
    List<String> failures = new ArrayList<>();
    try (StdioSession s = StdioSession.start(server(), "attacks")) {
      for (String p : payloads) {
        Map<String, Object> r = s.request("resources/read", Map.of("uri", "docs://ws" + p));
        String shown = r.toString();
        if (shown.contains(temp.toString()) || shown.contains("TOP-SECRET") || r.get("result") != null) {
          failures.add(p + " => " + shown);
          continue;
        }
        Map<String, Object> e = (Map<String, Object>) r.get("error");
        int code = code(e);
        if (code == -32602 ? !String.valueOf(e.get("message")).contains("[safePath]") : code != -32002) {
          failures.add(p + " => " + shown);
        }
      }
      Map<String, Object> ok = result(s.request("resources/read", Map.of("uri", "docs://ws/a.txt")));
      assertTrue(ok.toString().contains("alpha"), ok.toString());
    }
    assertTrue(failures.isEmpty(), String.join("\n", failures));
    for (AuditEvent e : events) {
      assertRevealsNothing(e.toJson());
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void malformedUrisOverlongUtf8FragmentsAndQueriesAreResourceNotFound() throws Exception {
    List<String> uris = List.of(
        "docs://ws/%c0%ae%c0%ae", "docs://ws/%e0%80%ae", "docs://ws/%ed%a0%80", "docs://ws/%zz", "docs://ws/%2",
        "docs://ws/a.txt#x", "docs://ws/a.txt?x=1", "DOCS://ws/a.txt", "docs://w%73/a.txt", "docs://ws/", "docs://ws",
        "docs://ws//a.txt", "docs://ws/sub/a.txt", "", "vault://", "vault://a/b");
    try (StdioSession s = StdioSession.start(server("vault:read"), "attacks")) {
      for (String uri : uris) {
        Map<String, Object> e = error(s.request("resources/read", Map.of("uri", uri)));
        assertEquals(-32002, code(e), uri + ": " + e);
        assertRevealsNothing(e);
      }
    }
    assertTrue(events.isEmpty(), "nothing matched, nothing ran: " + events);
  }

  @Test
  void aVeryLongUriAgainstManyTemplatesIsAnsweredAndEchoedNowhere() throws Exception {
    String key = "k".repeat(1_000_000);
    try (StdioSession s = StdioSession.start(server("vault:read"), "attacks")) {
      long start = System.nanoTime();
      Map<String, Object> r = s.request("resources/read", Map.of("uri", "docs://ws/" + "a/".repeat(200_000) + "b"));
      Map<String, Object> e = error(r);
      assertTrue(code(e) == -32002 || code(e) == -32602, e.toString());
      Map<String, Object> vault = error(s.request("resources/read", Map.of("uri", "vault://" + key + "/x")));
      assertEquals(-32002, code(vault), "a '/' in a {key}: no match");
      // generous bound on a busy machine: a backtracking matcher would take minutes, a linear one milliseconds
      assertTrue(System.nanoTime() - start < Duration.ofSeconds(20).toNanos());
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void aRedactedTemplateVariableNeverReachesTheAuditOrTheRefusal() throws Exception {
    try (StdioSession s = StdioSession.start(server("files:read"), "attacks")) {
      Map<String, Object> e = error(s.request("resources/read", Map.of("uri", "vault://hunter2")));
      assertEquals(-32600, code(e), e.toString());
      assertFalse(e.toString().contains("hunter2"), e.toString());
      assertTrue(String.valueOf(e.get("message")).contains("'" + AttackFeatureToolsBundle.VAULT + "'"), e.toString());
      Map<String, Object> sub = error(s.request("resources/subscribe", Map.of("uri", "vault://hunter2")));
      assertFalse(sub.toString().contains("hunter2"), sub.toString());
    }
    try (StdioSession s = StdioSession.start(server("vault:read"), "attacks")) {
      assertTrue(result(s.request("resources/read", Map.of("uri", "vault://hunter2"))).toString()
          .contains("vault entry hunter2"));
    }
    for (AuditEvent ev : events) {
      assertFalse(ev.toJson().contains("hunter2"), ev.toJson());
    }
  }

  @Test
  void promptAttacksAreInvalidParamsAndRevealNothing() throws Exception {
    try (StdioSession s = StdioSession.start(server("locked:use"), "attacks")) {
      Map<String, Object> unknownPrompt = error(s.request("prompts/get", Map.of("name", "no_such_prompt")));
      assertEquals(-32602, code(unknownPrompt), unknownPrompt.toString());
      Map<String, Object> huge = new HashMap<>();
      huge.put("name", "greet");
      huge.put("arguments", Map.of("name", "x", "times", "9".repeat(100_000)));
      Map<String, Object> tooBig = error(s.request("prompts/get", huge));
      assertEquals(-32602, code(tooBig), String.valueOf(tooBig.get("code")));
      assertTrue(String.valueOf(tooBig.get("message")).length() < 2_000, "a huge value is not echoed whole");
      Map<String, Object> missing = error(s.request("prompts/get", Map.of("name", "greet")));
      assertEquals(-32602, code(missing), missing.toString());
      for (Map<String, Object> e : List.of(unknownPrompt, tooBig, missing)) {
        assertRevealsNothing(e);
      }
    }
  }
}
