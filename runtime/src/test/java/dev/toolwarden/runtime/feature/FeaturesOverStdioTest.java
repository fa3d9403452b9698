package dev.toolwarden.runtime.feature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwarden.runtime.ResourceUpdates;
import dev.toolwarden.runtime.ServerBuilder;
import dev.toolwarden.runtime.Toolwarden;
import dev.toolwarden.runtime.audit.AuditEvent;
import dev.toolwarden.runtime.audit.AuditOutcome;
import dev.toolwarden.runtime.testtools.FeatureTools;
import dev.toolwarden.runtime.testtools.FeatureToolsBundle;
import dev.toolwarden.runtime.testtools.StdioSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Annotated resources, templates, prompts and completions (hand-written bundle) over stdio, in real JSON-RPC lines:
 * each served through the tools' pipeline (scopes, rate limit, path confinement, redaction, audit), refusals as
 * JSON-RPC errors with safe messages.
 */
class FeaturesOverStdioTest {

  @TempDir Path temp;

  private final List<AuditEvent> events = new CopyOnWriteArrayList<>();

  private ServerBuilder server(String... grants) throws Exception {
    Path ws = Files.createDirectories(temp.resolve("ws"));
    Files.writeString(ws.resolve("a.txt"), "alpha");
    ServerBuilder b = Toolwarden.server("features", "1.0.0").tools(new FeatureTools()).root("ws", ws)
        .auditSink(events::add);
    return grants.length == 0 ? b : b.grantScopes(grants);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> result(Map<String, Object> response) {
    assertNull(response.get("error"), String.valueOf(response));
    return (Map<String, Object>) response.get("result");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> error(Map<String, Object> response) {
    assertNull(response.get("result"), String.valueOf(response));
    return (Map<String, Object>) response.get("error");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> firstContents(Map<String, Object> response) {
    return ((List<Map<String, Object>>) result(response).get("contents")).get(0);
  }

  private static Map<String, Object> read(StdioSession s, String uri) throws Exception {
    return s.request("resources/read", Map.of("uri", uri));
  }

  @Test
  void readsFixedResourcesAsTextBlobAndJson() throws Exception {
    try (StdioSession s = StdioSession.start(server(), "features")) {
      Map<String, Object> text = firstContents(read(s, "config://app"));
      assertEquals("mode=test", text.get("text"));
      assertEquals("text/plain", text.get("mimeType"));
      assertEquals("config://app", text.get("uri"));
      Map<String, Object> blob = firstContents(read(s, "data://bytes"));
      assertEquals("aGk=", blob.get("blob"));
      assertEquals("application/octet-stream", blob.get("mimeType"));
      Map<String, Object> json = firstContents(read(s, "data://json"));
      assertEquals("{\"a\":1}", json.get("text"));
      assertEquals("application/json", json.get("mimeType"));
      assertEquals("text/x-admin", firstContents(read(s, "config://admin")).get("mimeType"));
    }
    assertTrue(events.stream().allMatch(e -> "resource_read".equals(e.action())), events.toString());
    assertTrue(events.stream().anyMatch(e -> "config://app".equals(e.target()) && e.outcome() == AuditOutcome.OK));
  }

  @Test
  void templatesConvertVariablesAndTheMostSpecificWins() throws Exception {
    try (StdioSession s = StdioSession.start(server(), "features")) {
      assertEquals("profile of user 42", firstContents(read(s, "users://42/profile")).get("text"));
      Map<String, Object> notInt = error(read(s, "users://abc/profile"));
      assertEquals(-32602, ((Number) notInt.get("code")).intValue(), notInt.toString());
      assertTrue(String.valueOf(notInt.get("message")).contains("/id"), notInt.toString());
      assertEquals("pinned x", firstContents(read(s, "notes://pinned/x")).get("text"));
      assertEquals("note pinned/x/y", firstContents(read(s, "notes://pinned/x/y")).get("text"));
      assertEquals("note other%", firstContents(read(s, "notes://other%25")).get("text"));
      assertEquals("alpha", firstContents(read(s, "file:///workspace/a.txt")).get("text"));
    }
  }

  @Test
  void notFoundAndUnmatchedUrisAreResourceNotFound() throws Exception {
    try (StdioSession s = StdioSession.start(server(), "features")) {
      for (String uri : List.of("data://missing", "nothing://here", "users://1/profile#frag", "notes://bad%zz")) {
        Map<String, Object> e = error(read(s, uri));
        assertEquals(-32002, ((Number) e.get("code")).intValue(), uri + ": " + e);
        assertEquals("Resource not found", e.get("message"));
      }
    }
  }

  @Test
  void scopesRefuseReadsPromptsAndCompletionsAndTheListsStayComplete() throws Exception {
    try (StdioSession s = StdioSession.start(server("files:read"), "features")) {
      Map<String, Object> e = error(read(s, "config://admin"));
      assertEquals(-32600, ((Number) e.get("code")).intValue(), e.toString());
      assertTrue(String.valueOf(e.get("message")).contains("requires the scope admin"), e.toString());
      Map<String, Object> p = error(s.request("prompts/get", Map.of("name", "admin_prompt")));
      assertEquals(-32600, ((Number) p.get("code")).intValue(), p.toString());
      Map<String, Object> c = error(s.request("completion/complete", Map.of(
          "ref", Map.of("type", "ref/resource", "uri", FeatureToolsBundle.PROFILE),
          "argument", Map.of("name", "id", "value", ""))));
      assertTrue(String.valueOf(c.get("message")).contains("users:read"), c.toString());
    }
    assertEquals(3, events.stream().filter(ev -> ev.outcome() == AuditOutcome.SCOPE_DENIED).count(), events.toString());
  }

  @Test
  void promptsRenderConvertAndRedact() throws Exception {
    try (StdioSession s = StdioSession.start(server(), "features")) {
      Map<String, Object> r = result(s.request("prompts/get", Map.of("name", "greet",
          "arguments", Map.of("name", "Ada", "times", "2", "secret", "hunter2"))));
      assertTrue(r.toString().contains("Hello Ada! Hello Ada!"), r.toString());
      Map<String, Object> bad = error(s.request("prompts/get", Map.of("name", "greet",
          "arguments", Map.of("name", "Ada", "times", "many"))));
      assertEquals(-32602, ((Number) bad.get("code")).intValue());
      Map<String, Object> boom = error(s.request("prompts/get", Map.of("name", "greet",
          "arguments", Map.of("name", "boom", "secret", "hunter2"))));
      assertFalse(boom.toString().contains("hunter2"), boom.toString());
      Map<String, Object> crash = error(s.request("prompts/get", Map.of("name", "greet",
          "arguments", Map.of("name", "crash", "secret", "hunter2"))));
      assertEquals(-32603, ((Number) crash.get("code")).intValue());
      assertFalse(crash.toString().contains("hunter2") || crash.toString().contains("/srv/app"), crash.toString());
      assertTrue(String.valueOf(crash.get("message")).startsWith("internal error (ref "), crash.toString());
      Map<String, Object> list = result(s.request("prompts/list", Map.of()));
      assertTrue(list.toString().contains("greet") && list.toString().contains("how often"), list.toString());
    }
    for (AuditEvent e : events) {
      assertEquals("prompt_get", e.action());
      assertFalse(e.toJson().contains("hunter2"), e.toJson());
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void completionsAreCappedAtOneHundred() throws Exception {
    try (StdioSession s = StdioSession.start(server(), "features")) {
      Map<String, Object> all = (Map<String, Object>) result(s.request("completion/complete", Map.of(
          "ref", Map.of("type", "ref/prompt", "name", "greet"),
          "argument", Map.of("name", "name", "value", "name")))).get("completion");
      assertEquals(100, ((List<?>) all.get("values")).size());
      assertEquals(150, ((Number) all.get("total")).intValue());
      assertEquals(Boolean.TRUE, all.get("hasMore"));
      Map<String, Object> few = (Map<String, Object>) result(s.request("completion/complete", Map.of(
          "ref", Map.of("type", "ref/prompt", "name", "greet"),
          "argument", Map.of("name", "name", "value", "name14")))).get("completion");
      assertEquals(List.of("name14", "name140", "name141", "name142", "name143", "name144", "name145", "name146",
          "name147", "name148", "name149"), few.get("values"));
      assertEquals(Boolean.FALSE, few.get("hasMore"));
      Map<String, Object> ids = (Map<String, Object>) result(s.request("completion/complete", Map.of(
          "ref", Map.of("type", "ref/resource", "uri", FeatureToolsBundle.PROFILE),
          "argument", Map.of("name", "id", "value", "")))).get("completion");
      assertEquals(List.of("1", "2", "3"), ids.get("values"));
    }
    assertTrue(events.stream().allMatch(e -> "completion".equals(e.action())), events.toString());
  }

  @Test
  void rateLimitRefusesWithRetryAfter() throws Exception {
    try (StdioSession s = StdioSession.start(server(), "features")) {
      firstContents(read(s, "data://limited"));
      firstContents(read(s, "data://limited"));
      Map<String, Object> e = error(read(s, "data://limited"));
      assertEquals(-32000, ((Number) e.get("code")).intValue(), e.toString());
      assertTrue(e.toString().contains("retryAfterSeconds"), e.toString());
    }
    assertEquals(1, events.stream().filter(ev -> ev.outcome() == AuditOutcome.RATE_LIMITED).count());
  }

  @Test
  @SuppressWarnings("unchecked")
  void subscribersHearOfUpdatesOverStdio() throws Exception {
    ServerBuilder b = server().resourceSubscriptions(true);
    ResourceUpdates updates = b.resourceUpdates();
    try (StdioSession s = StdioSession.start(b, "features")) {
      result(s.request("resources/subscribe", Map.of("uri", "file:///workspace/a.txt")));
      updates.notifyResourceUpdated("file:///workspace/a.txt");
      Map<String, Object> n = s.notification();
      assertEquals("notifications/resources/updated", n.get("method"), n.toString());
      assertEquals("file:///workspace/a.txt", ((Map<String, Object>) n.get("params")).get("uri"));
    }
  }

  @Test
  void subscriptionsNeedTheScopesOfTheResourceTheyName() throws Exception {
    try (StdioSession s = StdioSession.start(server("files:read").resourceSubscriptions(true), "features")) {
      for (String method : List.of("resources/subscribe", "resources/unsubscribe")) {
        for (String uri : List.of("config://admin", "users://7/profile")) {
          Map<String, Object> e = error(s.request(method, Map.of("uri", uri)));
          assertEquals(-32600, ((Number) e.get("code")).intValue(), method + " " + uri + ": " + e);
          // the same words as the read's refusal: the resource or template, never the URI asked for
          assertTrue(String.valueOf(e.get("message")).startsWith("Forbidden: resource '"), e.toString());
          assertFalse(String.valueOf(e.get("message")).contains("users://7"), e.toString());
        }
      }
      result(s.request("resources/subscribe", Map.of("uri", "file:///workspace/a.txt")));
      result(s.request("resources/unsubscribe", Map.of("uri", "file:///workspace/a.txt")));
      result(s.request("resources/subscribe", Map.of("uri", "config://app"))); // no scope needed
    }
    List<AuditEvent> denied = events.stream().filter(e -> e.outcome() == AuditOutcome.SCOPE_DENIED).toList();
    assertEquals(4, denied.size(), events.toString());
    assertEquals(List.of("resource_subscribe", "resource_subscribe", "resource_unsubscribe", "resource_unsubscribe"),
        denied.stream().map(AuditEvent::action).toList());
    assertEquals(List.of("config://admin", FeatureToolsBundle.PROFILE, "config://admin", FeatureToolsBundle.PROFILE),
        denied.stream().map(AuditEvent::target).toList());
  }

  @Test
  @SuppressWarnings("unchecked")
  void aCompletionNeedsItsOwnScopesAndThoseOfTheTemplateItCompletes() throws Exception {
    Map<String, Object> request = Map.of("ref", Map.of("type", "ref/resource", "uri", FeatureToolsBundle.PROFILE),
        "argument", Map.of("name", "id", "value", ""));
    // own scope ids:read (the processor's policy) and the template's users:read (added by the runtime)
    for (String grant : List.of("users:read", "ids:read")) {
      String missing = grant.equals("users:read") ? "ids:read" : "users:read";
      try (StdioSession s = StdioSession.start(server(grant), "features")) {
        Map<String, Object> e = error(s.request("completion/complete", request));
        assertEquals(-32600, ((Number) e.get("code")).intValue(), e.toString());
        assertTrue(String.valueOf(e.get("message")).contains("requires the scope " + missing), grant + ": " + e);
      }
    }
    try (StdioSession s = StdioSession.start(server("users:read", "ids:read"), "features")) {
      Map<String, Object> ok = (Map<String, Object>) result(s.request("completion/complete", request)).get("completion");
      assertEquals(List.of("1", "2", "3"), ok.get("values"));
    }
  }
}
