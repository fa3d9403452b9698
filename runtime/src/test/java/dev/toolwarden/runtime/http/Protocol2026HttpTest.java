package dev.toolwarden.runtime.http;

import static dev.toolwarden.runtime.http.ModernWire.error;
import static dev.toolwarden.runtime.http.ModernWire.headers;
import static dev.toolwarden.runtime.http.ModernWire.message;
import static dev.toolwarden.runtime.http.ModernWire.modern;
import static dev.toolwarden.runtime.http.ModernWire.post;
import static dev.toolwarden.runtime.http.ModernWire.result;
import static dev.toolwarden.runtime.http.ModernWire.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwarden.runtime.RunningServer;
import dev.toolwarden.runtime.Toolwarden;
import dev.toolwarden.runtime.audit.AuditEvent;
import dev.toolwarden.runtime.audit.AuditOutcome;
import dev.toolwarden.runtime.auth.ResourceServer;
import dev.toolwarden.runtime.auth.TestTokens;
import dev.toolwarden.runtime.internal.http.HttpTransportTest;
import dev.toolwarden.runtime.testtools.EchoTools;
import dev.toolwarden.runtime.testtools.FeatureTools;
import dev.toolwarden.runtime.testtools.FileTools;
import dev.toolwarden.runtime.testtools.LimitedTools;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MCP 2026-07-28 on the Streamable HTTP endpoint, in raw requests: discovery, lists with cache hints, calls through
 * every policy (OAuth 403 step-up from {@code Mcp-Name}, traversal, unknown arguments, rate limit, audit), the header
 * checks, and the annotated features — on the same endpoint that keeps serving 2025-11-25 sessions.
 */
class Protocol2026HttpTest {

  @TempDir static Path temp;

  private static final List<AuditEvent> AUDIT = new CopyOnWriteArrayList<>();
  private static RunningServer server;
  private static TestTokens tokens;

  @BeforeAll
  static void start() throws Exception {
    Path workspace = Files.createDirectories(temp.resolve("workspace"));
    Files.writeString(workspace.resolve("a.txt"), "alpha");
    Path ws = Files.createDirectories(temp.resolve("ws"));
    Files.writeString(ws.resolve("b.txt"), "beta");
    server = FreePort.start(port -> {
      tokens = new TestTokens("http://127.0.0.1:" + port + "/mcp");
      return Toolwarden.server("modern-test", "2.3.4")
          .tools(new EchoTools(), new FileTools(), new LimitedTools(), new FeatureTools())
          .root("workspace", workspace).root("ws", ws)
          .instructions("Use echo to echo.")
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

  private static Map<String, String> auth(String subject, String scopes, Map<String, String> headers) {
    Map<String, String> h = new LinkedHashMap<>(headers);
    h.put("Authorization", "Bearer " + tokens.token(subject, scopes));
    return h;
  }

  private static HttpResponse<String> call(String subject, String scopes, String tool, Map<String, Object> args)
      throws Exception {
    return post(server.url(), modern(5, "tools/call", Map.of("name", tool, "arguments", args)),
        auth(subject, scopes, headers("tools/call", tool)));
  }

  // ---- discovery and lists ----------------------------------------------------------------------

  @Test
  @SuppressWarnings("unchecked")
  void discoverNamesTheVersionsCapabilitiesAndServerWithoutASession() throws Exception {
    HttpResponse<String> r = post(server.url(), modern(1, "server/discover", Map.of()),
        auth("alice", "echo:use", headers("server/discover", null)));
    assertEquals(200, r.statusCode(), r.body());
    assertTrue(r.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
    assertTrue(r.headers().firstValue("Mcp-Session-Id").isEmpty(), "no session is minted");
    Map<String, Object> result = result(r);
    assertEquals("complete", result.get("resultType"));
    assertEquals("2026-07-28", ((List<String>) result.get("supportedVersions")).get(0));
    assertTrue(((List<String>) result.get("supportedVersions")).contains("2025-11-25"), "dual-era: " + result);
    Map<String, Object> caps = (Map<String, Object>) result.get("capabilities");
    assertEquals(List.of("tools", "resources", "prompts", "completions"), List.copyOf(caps.keySet()));
    assertEquals("Use echo to echo.", result.get("instructions"));
    assertEquals(300000, ((Number) result.get("ttlMs")).intValue());
    assertEquals("public", result.get("cacheScope"));
    Map<String, Object> meta = (Map<String, Object>) result.get("_meta");
    assertEquals(Map.of("name", "modern-test", "version", "2.3.4"), meta.get("io.modelcontextprotocol/serverInfo"));
  }

  @Test
  void discoverNeedsAToken() throws Exception {
    HttpResponse<String> r = post(server.url(), modern(1, "server/discover", Map.of()), headers("server/discover",
        null));
    assertEquals(401, r.statusCode());
    assertTrue(r.headers().firstValue("WWW-Authenticate").orElseThrow().startsWith("Bearer resource_metadata="));
  }

  @Test
  @SuppressWarnings("unchecked")
  void toolsListIsTheCallersViewAndSaysItIsPrivate() throws Exception {
    HttpResponse<String> r = post(server.url(), modern(2, "tools/list", Map.of()),
        auth("alice", "echo:use", headers("tools/list", null)));
    assertEquals(200, r.statusCode(), r.body());
    Map<String, Object> result = result(r);
    List<String> names = ((List<Map<String, Object>>) result.get("tools")).stream().map(t -> (String) t.get("name"))
        .toList();
    assertTrue(names.contains("echo") && names.contains("nothing"), names.toString());
    assertFalse(names.contains("add") || names.contains("admin_only") || names.contains("read_file"), names.toString());
    assertEquals("complete", result.get("resultType"));
    assertEquals("private", result.get("cacheScope"), "a scope-filtered list must not be shared between callers");
    assertEquals(300000, ((Number) result.get("ttlMs")).intValue());
    Map<String, Object> echo = ((List<Map<String, Object>>) result.get("tools")).get(0);
    assertEquals("echo", echo.get("name"));
    assertEquals("object", ((Map<String, Object>) echo.get("inputSchema")).get("type"));
    // a cursor this server never issued
    HttpResponse<String> paged = post(server.url(), modern(3, "tools/list", Map.of("cursor", "x")),
        auth("alice", "echo:use", headers("tools/list", null)));
    assertEquals(400, paged.statusCode());
    assertEquals(-32602, ((Number) error(paged).get("code")).intValue());
  }

  // ---- calls through the pipeline ---------------------------------------------------------------

  @Test
  @SuppressWarnings("unchecked")
  void aCallRunsThePipelineAndIsAudited() throws Exception {
    AUDIT.clear();
    HttpResponse<String> r = call("carol", "echo:use", "echo", Map.of("text", "hi"));
    assertEquals(200, r.statusCode(), r.body());
    Map<String, Object> result = result(r);
    assertEquals("complete", result.get("resultType"));
    assertEquals("hi", text(result));
    assertEquals(Boolean.FALSE, result.getOrDefault("isError", false));
    assertTrue(((Map<String, Object>) result.get("_meta")).containsKey("io.modelcontextprotocol/serverInfo"));
    HttpResponse<String> who = call("carol", "", "stray_print", Map.of());
    assertEquals("printed by carol in stray_print", text(result(who)), "the token's subject is the caller");
    assertTrue(AUDIT.stream().anyMatch(e -> "echo".equals(e.tool()) && "carol".equals(e.principal())
        && e.outcome() == AuditOutcome.OK), AUDIT.toString());
  }

  @Test
  void aMissingScopeIs403StepUpBeforeTheTool() throws Exception {
    HttpResponse<String> r = call("dave", "echo:use", "add", Map.of("a", 1, "b", 2));
    assertEquals(403, r.statusCode(), r.body());
    String challenge = r.headers().firstValue("WWW-Authenticate").orElseThrow();
    assertTrue(challenge.contains("error=\"insufficient_scope\""), challenge);
    HttpTransportTest.assertSafe(r.body());
    HttpResponse<String> ok = call("dave", "echo:use math:use", "add", Map.of("a", 1, "b", 2));
    assertEquals(200, ok.statusCode(), ok.body());
    assertEquals(Map.of("sum", 3), result(ok).get("structuredContent"));
  }

  @Test
  void theStepUpNeverTrustsMcpNameAlone() throws Exception {
    // the header names a tool the token may call, the body one it may not: refused before any scope decision
    String body = modern(6, "tools/call", Map.of("name", "add", "arguments", Map.of("a", 1, "b", 2)));
    HttpResponse<String> r = post(server.url(), body, auth("erin", "echo:use", headers("tools/call", "echo")));
    assertEquals(400, r.statusCode(), r.body());
    Map<String, Object> e = error(r);
    assertEquals(-32020, ((Number) e.get("code")).intValue());
    assertEquals(6, ((Number) message(r).get("id")).intValue());
    // and the other way round: nothing runs either
    body = modern(7, "tools/call", Map.of("name", "echo", "arguments", Map.of("text", "x")));
    r = post(server.url(), body, auth("erin", "echo:use math:use", headers("tools/call", "add")));
    assertEquals(400, r.statusCode(), r.body());
    assertEquals(-32020, ((Number) error(r).get("code")).intValue());
  }

  @Test
  void traversalIsRefusedWithoutRevealingTheRoot() throws Exception {
    HttpResponse<String> ok = call("frank", "files:read", "read_file", Map.of("path", "a.txt"));
    assertEquals("alpha", text(result(ok)));
    HttpResponse<String> r = call("frank", "files:read", "read_file", Map.of("path", "../../../../etc/passwd.txt"));
    assertEquals(200, r.statusCode());
    Map<String, Object> result = result(r);
    assertEquals(Boolean.TRUE, result.get("isError"));
    assertTrue(text(result).contains("outside the allowed root"), text(result));
    assertFalse(r.body().contains(temp.toString()), r.body());
  }

  @Test
  void unknownArgumentsAreRefusedByTheGeneratedValidator() throws Exception {
    HttpResponse<String> r = call("gina", "echo:use", "echo", Map.of("text", "hi", "extra", 1));
    Map<String, Object> result = result(r);
    assertEquals(Boolean.TRUE, result.get("isError"));
    assertTrue(text(result).contains("Invalid arguments for tool 'echo'"), text(result));
    assertTrue(text(result).contains("/extra"), text(result));
  }

  @Test
  @SuppressWarnings("unchecked")
  void theRateLimitHoldsAcrossStatelessRequests() throws Exception {
    for (int i = 0; i < 3; i++) {
      assertEquals("ok", text(result(call("henry", "", "per_caller", Map.of()))));
    }
    Map<String, Object> refused = result(call("henry", "", "per_caller", Map.of()));
    assertEquals(Boolean.TRUE, refused.get("isError"));
    assertTrue(text(refused).startsWith("Rate limit exceeded for tool 'per_caller'"), text(refused));
    Map<String, Object> meta = (Map<String, Object>) refused.get("_meta");
    assertTrue(((Number) meta.get("dev.toolwarden/retryAfterSeconds")).longValue() > 0, meta.toString());
    assertTrue(meta.containsKey("io.modelcontextprotocol/serverInfo"), meta.toString());
  }

  // ---- header checks ----------------------------------------------------------------------------

  @Test
  void headerRulesAreEnforced() throws Exception {
    String token = "Bearer " + tokens.token("ivan", "echo:use");
    String callEcho = modern(8, "tools/call", Map.of("name", "echo", "arguments", Map.of("text", "x")));
    Map<String, String> good = headers("tools/call", "echo");
    // each required header missing
    for (String missing : List.of("MCP-Protocol-Version", "Mcp-Method", "Mcp-Name")) {
      Map<String, String> h = new LinkedHashMap<>(good);
      h.remove(missing);
      h.put("Authorization", token);
      HttpResponse<String> r = post(server.url(), callEcho, h);
      assertEquals(400, r.statusCode(), missing + ": " + r.body());
      assertEquals(-32020, ((Number) error(r).get("code")).intValue(), missing);
    }
    // a method header that is not the body's
    Map<String, String> h = new LinkedHashMap<>(headers("tools/list", "echo"));
    h.put("Authorization", token);
    HttpResponse<String> r = post(server.url(), callEcho, h);
    assertEquals(400, r.statusCode());
    assertEquals(-32020, ((Number) error(r).get("code")).intValue());
    // a version header that is not the body's
    h = new LinkedHashMap<>(good);
    h.put("MCP-Protocol-Version", "2026-12-31");
    h.put("Authorization", token);
    r = post(server.url(), callEcho, h);
    assertEquals(400, r.statusCode());
    assertEquals(-32020, ((Number) error(r).get("code")).intValue());
    // a Base64-encoded name is decoded before the comparison
    h = new LinkedHashMap<>(good);
    h.put("Mcp-Name", "=?base64?" + Base64.getEncoder().encodeToString("echo".getBytes(StandardCharsets.UTF_8)) + "?=");
    h.put("Authorization", token);
    r = post(server.url(), callEcho, h);
    assertEquals(200, r.statusCode(), r.body());
    assertEquals("x", text(result(r)));
  }

  @Test
  @SuppressWarnings("unchecked")
  void versionsMetaAndMethodsAreTheRevisionsErrors() throws Exception {
    String token = "Bearer " + tokens.token("judy", "echo:use");
    // an unsupported version, in header and body alike
    Map<String, Object> params = Map.of("_meta", Map.of("io.modelcontextprotocol/protocolVersion", "2099-01-01",
        "io.modelcontextprotocol/clientCapabilities", Map.of()));
    Map<String, String> h = new LinkedHashMap<>(headers("tools/list", null));
    h.put("MCP-Protocol-Version", "2099-01-01");
    h.put("Authorization", token);
    HttpResponse<String> r = post(server.url(), ModernWire.legacy(9, "tools/list", params), h);
    assertEquals(400, r.statusCode(), r.body());
    Map<String, Object> e = error(r);
    assertEquals(-32022, ((Number) e.get("code")).intValue());
    Map<String, Object> data = (Map<String, Object>) e.get("data");
    assertEquals("2099-01-01", data.get("requested"));
    assertTrue(((List<String>) data.get("supported")).contains("2026-07-28"), data.toString());
    // required _meta fields missing
    Map<String, Object> noCaps = Map.of("_meta", Map.of("io.modelcontextprotocol/protocolVersion", "2026-07-28"));
    h = new LinkedHashMap<>(headers("tools/list", null));
    h.put("Authorization", token);
    r = post(server.url(), ModernWire.legacy(10, "tools/list", noCaps), h);
    assertEquals(400, r.statusCode(), r.body());
    assertEquals(-32602, ((Number) error(r).get("code")).intValue());
    // methods this revision does not have (subscriptions/listen is served: Protocol2026SubscriptionsTest)
    for (String method : List.of("ping", "logging/setLevel", "initialize")) {
      h = new LinkedHashMap<>(headers(method, null));
      h.put("Authorization", token);
      r = post(server.url(), modern(11, method, Map.of()), h);
      assertEquals(404, r.statusCode(), method + ": " + r.body());
      assertEquals(-32601, ((Number) error(r).get("code")).intValue(), method);
    }
  }

  // ---- annotated features -----------------------------------------------------------------------

  @Test
  @SuppressWarnings("unchecked")
  void resourcesPromptsAndCompletionsRunTheirPolicies() throws Exception {
    String scopes = "files:read users:read";
    // list: only what the token may read, private
    HttpResponse<String> list = post(server.url(), modern(12, "resources/list", Map.of()),
        auth("kim", scopes, headers("resources/list", null)));
    Map<String, Object> listed = result(list);
    List<String> uris = ((List<Map<String, Object>>) listed.get("resources")).stream()
        .map(x -> (String) x.get("uri")).toList();
    assertTrue(uris.contains("config://app") && !uris.contains("config://admin"), uris.toString());
    assertEquals("private", listed.get("cacheScope"));
    // read through the template, with @SafePath
    HttpResponse<String> read = post(server.url(), modern(13, "resources/read",
        Map.of("uri", "file:///workspace/b.txt")), auth("kim", scopes, headers("resources/read",
            "file:///workspace/b.txt")));
    Map<String, Object> contents = result(read);
    assertEquals("beta", ((List<Map<String, Object>>) contents.get("contents")).get(0).get("text"));
    assertEquals(0, ((Number) contents.get("ttlMs")).intValue());
    assertEquals("private", contents.get("cacheScope"));
    assertEquals("complete", contents.get("resultType"));
    // not found is -32602 in this revision, never the legacy -32002
    HttpResponse<String> missing = post(server.url(), modern(14, "resources/read", Map.of("uri", "data://missing")),
        auth("kim", scopes, headers("resources/read", "data://missing")));
    assertEquals(-32602, ((Number) error(missing).get("code")).intValue(), missing.body());
    // a forbidden resource is the same 403 step-up as a tool
    HttpResponse<String> admin = post(server.url(), modern(15, "resources/read", Map.of("uri", "config://admin")),
        auth("kim", scopes, headers("resources/read", "config://admin")));
    assertEquals(403, admin.statusCode(), admin.body());
    // a prompt, with @Redact on the refusal's echo
    HttpResponse<String> prompt = post(server.url(), modern(16, "prompts/get", Map.of("name", "greet",
        "arguments", Map.of("name", "boom", "secret", "hunter2"))), auth("kim", scopes, headers("prompts/get",
            "greet")));
    assertFalse(prompt.body().contains("hunter2"), prompt.body());
    HttpResponse<String> hello = post(server.url(), modern(17, "prompts/get", Map.of("name", "greet",
        "arguments", Map.of("name", "Ann"))), auth("kim", scopes, headers("prompts/get", "greet")));
    assertTrue(hello.body().contains("Hello Ann!"), hello.body());
    // a completion, capped at 100
    HttpResponse<String> completion = post(server.url(), modern(18, "completion/complete", Map.of(
        "ref", Map.of("type", "ref/prompt", "name", "greet"), "argument", Map.of("name", "name", "value", "name"))),
        auth("kim", scopes, headers("completion/complete", null)));
    Map<String, Object> done = (Map<String, Object>) result(completion).get("completion");
    assertEquals(100, ((List<String>) done.get("values")).size());
    assertEquals(Boolean.TRUE, done.get("hasMore"));
  }

  // ---- the legacy era on the same endpoint ------------------------------------------------------

  @Test
  void aLegacySessionStillWorksBesideIt() throws Exception {
    String token = "Bearer " + tokens.token("leo", "echo:use");
    HttpResponse<String> init = post(server.url(), ModernWire.legacy(1, "initialize", Map.of("protocolVersion",
        "2025-11-25", "capabilities", Map.of(), "clientInfo", Map.of("name", "old", "version", "1"))),
        Map.of("Authorization", token));
    assertEquals(200, init.statusCode(), init.body());
    String session = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
    assertNull(message(init).get("error"));
    assertTrue(init.body().contains("\"protocolVersion\":\"2025-11-25\""), init.body());
    assertFalse(init.body().contains("resultType"), "legacy results stay as the SDK writes them: " + init.body());
    HttpResponse<String> call = post(server.url(), ModernWire.legacy(2, "tools/call", Map.of("name", "echo",
        "arguments", Map.of("text", "old"))), Map.of("Authorization", token, "Mcp-Session-Id", session));
    assertEquals(200, call.statusCode(), call.body());
    assertEquals("old", text(result(call)));
  }
  // ---- the audit trail names the OAuth client ---------------------------------------------------

  /** docs/audit.md: {@code client} is the OAuth client id when known — the token's, not what the client calls itself. */
  @Test
  void theAuditTrailNamesTheTokensClientInBothEras() throws Exception {
    String token = "Bearer " + tokens.token("olga", "echo:use"); // azp: test-client
    HttpResponse<String> init = post(server.url(), ModernWire.legacy(1, "initialize", Map.of("protocolVersion",
        "2025-11-25", "capabilities", Map.of(), "clientInfo", Map.of("name", "self-named", "version", "9"))),
        Map.of("Authorization", token));
    String session = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
    HttpResponse<String> legacy = post(server.url(), ModernWire.legacy(2, "tools/call", Map.of("name", "echo",
        "arguments", Map.of("text", "legacy"))), Map.of("Authorization", token, "Mcp-Session-Id", session));
    assertEquals(200, legacy.statusCode(), legacy.body());
    assertEquals(200, call("olga", "echo:use", "echo", Map.of("text", "modern")).statusCode());
    List<AuditEvent> olga = AUDIT.stream().filter(e -> "olga".equals(e.principal()) && e.outcome() == AuditOutcome.OK)
        .toList();
    assertEquals(2, olga.size(), AUDIT.toString());
    for (AuditEvent e : olga) {
      assertEquals("test-client", e.client(), e.toString());
    }
  }
}
