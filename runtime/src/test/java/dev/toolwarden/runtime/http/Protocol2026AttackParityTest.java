package dev.toolwarden.runtime.http;

import static dev.toolwarden.runtime.http.ModernWire.headers;
import static dev.toolwarden.runtime.http.ModernWire.legacy;
import static dev.toolwarden.runtime.http.ModernWire.message;
import static dev.toolwarden.runtime.http.ModernWire.modern;
import static dev.toolwarden.runtime.http.ModernWire.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwarden.runtime.RunningServer;
import dev.toolwarden.runtime.Toolwarden;
import dev.toolwarden.runtime.auth.ResourceServer;
import dev.toolwarden.runtime.auth.TestTokens;
import dev.toolwarden.runtime.internal.http.HttpTransportTest;
import dev.toolwarden.runtime.testtools.EchoTools;
import dev.toolwarden.runtime.testtools.FileTools;
import dev.toolwarden.runtime.testtools.LimitedTools;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same attacks in both protocol eras, on one endpoint, must meet the same refusals: a 2026-07-28 request can
 * reach a tool only through every policy a 2025-11-25 session's request meets. Each attack's outcome is reduced to
 * what a client observes (HTTP status, challenge, JSON-RPC error code, {@code isError}, the message with its numbers
 * blanked) and the two eras' outcomes are compared exactly.
 */
class Protocol2026AttackParityTest {

  @TempDir static Path temp;

  private static final int MAX_BODY = 16 * 1024;
  private static RunningServer server;
  private static TestTokens tokens;

  @BeforeAll
  static void start() throws Exception {
    Path workspace = Files.createDirectories(temp.resolve("workspace"));
    Files.writeString(workspace.resolve("a.txt"), "alpha");
    server = FreePort.start(port -> {
      tokens = new TestTokens("http://127.0.0.1:" + port + "/mcp");
      return Toolwarden.server("parity", "1.0.0")
          .tools(new EchoTools(), new FileTools(), new LimitedTools())
          .root("workspace", workspace)
          .http(HttpOptions.loopback(port).maxRequestBytes(MAX_BODY)
              .oauth(ResourceServer.custom(TestTokens.ISSUER, tokens.resource, tokens.verifier())));
    });
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  /** What a client observes of one answer. */
  record Outcome(int status, String challenge, Integer errorCode, Boolean isError, String text) {}

  /** One attack: who calls which tool with what, and what token. */
  record Attack(String name, String token, String tool, Map<String, Object> arguments) {}

  private static List<Attack> attacks(String era) {
    String forged = new TestTokens(tokens.resource).token("mallory", "echo:use math:use admin files:read");
    String elsewhere = tokens.token(b -> b.subject("mallory").audience("https://elsewhere/mcp").claim("scope",
        "echo:use"));
    return List.of(
        new Attack("wrong scope", tokens.token("a-" + era, "echo:use"), "add", Map.of("a", 1, "b", 2)),
        new Attack("admin tool", tokens.token("b-" + era, "echo:use math:use"), "admin_only", Map.of()),
        new Attack("unknown tool", tokens.token("c-" + era, "echo:use"), "no_such_tool", Map.of()),
        new Attack("forged signature", forged, "echo", Map.of("text", "x")),
        new Attack("other audience", elsewhere, "echo", Map.of("text", "x")),
        new Attack("traversal", tokens.token("d-" + era, "files:read"), "read_file",
            Map.of("path", "../../../../etc/passwd.txt")),
        new Attack("absolute path", tokens.token("d-" + era, "files:read"), "read_file", Map.of("path", "/etc/hosts")),
        new Attack("encoded traversal", tokens.token("d-" + era, "files:read"), "read_file",
            Map.of("path", "%2e%2e/%2e%2e/secret.txt")),
        new Attack("unknown argument", tokens.token("e-" + era, "echo:use"), "echo",
            Map.of("text", "hi", "admin", true)),
        new Attack("wrong type", tokens.token("e-" + era, "echo:use"), "echo", Map.of("text", 5)),
        new Attack("too long", tokens.token("e-" + era, "echo:use"), "echo", Map.of("text", "x".repeat(101))),
        new Attack("oversized body", tokens.token("e-" + era, "echo:use"), "echo",
            Map.of("text", "y".repeat(MAX_BODY + 10))));
  }

  @Test
  void everyAttackMeetsTheSameRefusalInBothEras() throws Exception {
    List<Attack> legacyAttacks = attacks("legacy");
    List<Attack> modernAttacks = attacks("modern");
    for (int i = 0; i < legacyAttacks.size(); i++) {
      Outcome old = legacyCall(legacyAttacks.get(i));
      Outcome now = modernCall(modernAttacks.get(i));
      assertEquals(old, now, legacyAttacks.get(i).name());
      assertTrue(old.status() != 200 || Boolean.TRUE.equals(old.isError()), "refused: " + old);
    }
  }

  @Test
  void theRateLimitRefusesTheSameCallInBothEras() throws Exception {
    List<Outcome> legacyRun = new ArrayList<>();
    List<Outcome> modernRun = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      legacyRun.add(legacyCall(new Attack("limit", tokens.token("rl-legacy", ""), "per_caller", Map.of())));
      modernRun.add(modernCall(new Attack("limit", tokens.token("rl-modern", ""), "per_caller", Map.of())));
    }
    assertEquals(legacyRun, modernRun);
    assertEquals(Boolean.TRUE, modernRun.get(3).isError());
    assertNotEquals(Boolean.TRUE, modernRun.get(2).isError());
  }

  private static Outcome legacyCall(Attack a) throws Exception {
    String session = session(a.token());
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Authorization", "Bearer " + a.token());
    h.put("Mcp-Session-Id", session == null ? "none" : session);
    return outcome(post(server.url(), legacy(9, "tools/call", Map.of("name", a.tool(), "arguments", a.arguments())),
        h));
  }

  private static Outcome modernCall(Attack a) throws Exception {
    Map<String, String> h = new LinkedHashMap<>(headers("tools/call", a.tool()));
    h.put("Authorization", "Bearer " + a.token());
    return outcome(post(server.url(), modern(9, "tools/call", Map.of("name", a.tool(), "arguments", a.arguments())),
        h));
  }

  /** A 2025-11-25 session for {@code token}, or null when the token cannot open one. */
  private static String session(String token) throws Exception {
    HttpResponse<String> init = post(server.url(), legacy(1, "initialize", Map.of("protocolVersion", "2025-11-25",
        "capabilities", Map.of(), "clientInfo", Map.of("name", "old", "version", "1"))),
        Map.of("Authorization", "Bearer " + token));
    if (init.statusCode() != 200) {
      return null;
    }
    String session = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
    HttpResponse<String> done = post(server.url(), "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
        Map.of("Authorization", "Bearer " + token, "Mcp-Session-Id", session));
    assertEquals(202, done.statusCode());
    return session;
  }

  @SuppressWarnings("unchecked")
  private static Outcome outcome(HttpResponse<String> r) throws Exception {
    // the revision's own _meta keys are named io.modelcontextprotocol/…: not a leak of the SDK's packages
    HttpTransportTest.assertSafe(r.body().replace("\"io.modelcontextprotocol/", "\""));
    String challenge = r.headers().firstValue("WWW-Authenticate").orElse(null);
    if (r.body().isEmpty()) {
      return new Outcome(r.statusCode(), challenge, null, null, null);
    }
    Map<String, Object> m = message(r);
    if (m.get("error") instanceof Map<?, ?> e) {
      return new Outcome(r.statusCode(), challenge, ((Number) e.get("code")).intValue(), null,
          blank((String) e.get("message")));
    }
    Map<String, Object> result = (Map<String, Object>) m.get("result");
    List<Map<String, Object>> content = (List<Map<String, Object>>) result.get("content");
    String text = content == null || content.isEmpty() ? null : (String) content.get(0).get("text");
    return new Outcome(r.statusCode(), challenge, null, Boolean.TRUE.equals(result.get("isError")), blank(text));
  }

  /** Numbers blanked: retry-after seconds and audit references differ between any two calls. */
  private static String blank(String s) {
    return s == null ? null : s.replaceAll("[0-9a-f]{8}\\)", "REF)").replaceAll("[0-9]+", "N");
  }
}
