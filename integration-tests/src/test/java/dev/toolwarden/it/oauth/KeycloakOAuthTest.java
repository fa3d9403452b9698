package dev.toolwarden.it.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwarden.it.support.ExampleServer;
import dev.toolwarden.it.support.NodeTools;
import dev.toolwarden.it.support.ProcessReaper;
import dev.toolwarden.it.support.ServerProcess;
import dev.toolwarden.it.support.ServerProcess.Launch;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The example server as an OAuth 2.1 protected resource, with real tokens from a real Keycloak:
 * the Java SDK client and the TypeScript SDK client call tools with a token; a token without a
 * tool's scope gets 403 {@code insufficient_scope} and steps up; expired, foreign-audience,
 * foreign-issuer, tampered, {@code alg: none}, HS256-with-the-public-key, unknown-{@code kid},
 * garbage and query-string tokens are refused with the right status and challenge; a revoked
 * token is refused in introspection mode; another subject's session id is refused; the server's
 * log holds an audit line per failure and no token. The example's resource, file template, prompt and completion
 * are 401 without a token and 403 without their scope (a subscription too), and the resource, template and prompt
 * lists show only what the token may use.
 *
 * <p>The raw requests speak MCP 2025-11-25 here; {@link KeycloakOAuth2026Test} runs the same battery with them sent
 * as 2026-07-28 requests ({@link WireEra}).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KeycloakOAuthTest {

  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final String INITIALIZED = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}";
  private static final String LIST = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}";
  private static final String READ_README_FILE = "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"tools/call\",\"params\":"
      + "{\"name\":\"read_file\",\"arguments\":{\"path\":\"README.txt\"}}}";
  private static final String FIND_ORDERS = "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":"
      + "{\"name\":\"find_orders\",\"arguments\":{\"customerEmail\":\"ada@example.com\"}}}";

  @RegisterExtension static final ProcessReaper REAPER = new ProcessReaper();
  private static Keycloak kc;
  @RegisterExtension static final BeforeAllCallback KEYCLOAK = context -> kc = Keycloak.shared(context);

  private static ServerProcess jwtServer;
  private static ServerProcess introspectionServer;
  private static Path workspace;
  /** Every token a test used: none may appear in a server log. */
  private static final List<String> TOKENS = new CopyOnWriteArrayList<>();

  /**
   * How the protected server under test starts, given its environment and port: the standalone example server here;
   * a subclass (the same battery against another server, e.g. dev.toolwarden.it.boot.BootKeycloakOAuthTest) registers
   * its own in a static initializer.
   */
  @FunctionalInterface
  protected interface ServerUnderTest {
    ServerProcess start(Map<String, String> env, int port, ProcessReaper reaper);
  }

  private static final Map<Class<?>, ServerUnderTest> SERVERS = new java.util.concurrent.ConcurrentHashMap<>();
  private static final Map<Class<?>, WireEra> ERAS = new java.util.concurrent.ConcurrentHashMap<>();
  /** The era the raw requests of the running class speak. */
  private static WireEra era = WireEra.LEGACY;

  /** Runs this class's battery against {@code server} when {@code testClass} runs. */
  protected static void register(Class<?> testClass, ServerUnderTest server) {
    SERVERS.put(testClass, server);
  }

  /**
   * Runs this class's battery in {@code wireEra}: its raw requests are then sent as a client of that MCP revision
   * sends them (dev.toolwarden.it.oauth.KeycloakOAuth2026Test: 2026-07-28). The default is 2025-11-25.
   */
  protected static void speak(Class<?> testClass, WireEra wireEra) {
    ERAS.put(testClass, wireEra);
  }

  private static ServerProcess exampleServer(Map<String, String> env, int port, ProcessReaper reaper) {
    return ServerProcess.http(Launch.jar(ExampleServer.jar()).withEnv(env), reaper, port, "/mcp",
        Duration.ofSeconds(90), "http", String.valueOf(port));
  }

  @BeforeAll
  static void startServers(org.junit.jupiter.api.TestInfo info) throws Exception {
    Class<?> testClass = info.getTestClass().orElseThrow();
    // JUnit calls this inherited method without initialising the subclass: run its static initializer (register) now
    Class.forName(testClass.getName(), true, testClass.getClassLoader());
    ServerUnderTest server = SERVERS.getOrDefault(testClass, KeycloakOAuthTest::exampleServer);
    era = ERAS.getOrDefault(testClass, WireEra.LEGACY);
    workspace = Files.createTempDirectory("toolwarden-oauth-it");
    Files.writeString(workspace.resolve("README.txt"), "Protected workspace\n");
    Map<String, String> common = Map.of(
        "TOOLWARDEN_ROOT_WORKSPACE", workspace.toString(),
        "TOOLWARDEN_OAUTH_ISSUER", kc.issuer(),
        "TOOLWARDEN_OAUTH_CLOCK_SKEW", "0s");
    Map<String, String> jwt = new LinkedHashMap<>(common);
    jwt.put("TOOLWARDEN_OAUTH_RESOURCE", kc.jwtResource());
    jwtServer = server.start(jwt, kc.jwtServerPort, REAPER);
    Map<String, String> introspection = new LinkedHashMap<>(common);
    introspection.put("TOOLWARDEN_OAUTH_RESOURCE", kc.introspectionResource());
    introspection.put("TOOLWARDEN_OAUTH_MODE", "introspection");
    introspection.put("TOOLWARDEN_OAUTH_INTROSPECTION_CACHE", "1s");
    introspection.put("TOOLWARDEN_OAUTH_CLIENT_ID", Keycloak.RESOURCE_SERVER);
    introspection.put("TOOLWARDEN_OAUTH_CLIENT_SECRET", kc.secrets.get(Keycloak.RESOURCE_SERVER));
    introspectionServer = server.start(introspection, kc.introspectionServerPort, REAPER);
    System.err.println("[oauth-it] Keycloak started in " + kc.startTime.toMillis() + " ms");
  }

  /** The console output (stdout and stderr) of the battery's JWT-mode server so far. */
  protected static String jwtServerLog() {
    return jwtServer.stdoutText() + jwtServer.stderrText();
  }

  @AfterAll
  static void cleanUp() throws Exception {
    if (workspace != null) {
      try (var files = Files.walk(workspace)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  // ---- metadata and the unauthenticated challenge ---------------------------------------------

  @Test
  @Order(1)
  void metadataNamesTheResourceKeycloakAndTheToolsScopes() throws Exception {
    for (String path : List.of("/.well-known/oauth-protected-resource/mcp", "/.well-known/oauth-protected-resource")) {
      HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + kc.jwtServerPort + path)).GET());
      assertEquals(200, r.statusCode(), path);
      JsonNode prm = JSON.readTree(r.body());
      assertEquals(kc.jwtResource(), prm.path("resource").asString());
      assertEquals(List.of(kc.issuer()), strings(prm.path("authorization_servers")));
      assertEquals(List.of("files:read", "files:write", "orders:read", "reports:run"), strings(prm.path("scopes_supported")));
      assertEquals(List.of("header"), strings(prm.path("bearer_methods_supported")));
    }
    // a client can follow authorization_servers to Keycloak's metadata
    HttpResponse<String> as = send(HttpRequest.newBuilder(URI.create(kc.issuer() + "/.well-known/openid-configuration")).GET());
    assertEquals(kc.issuer(), JSON.readTree(as.body()).path("issuer").asString());

    HttpResponse<String> r = post(jwtServer, era.opening(), Map.of());
    assertEquals(401, r.statusCode());
    assertEquals("Bearer resource_metadata=\"http://127.0.0.1:" + kc.jwtServerPort
        + "/.well-known/oauth-protected-resource/mcp\", scope=\"files:read files:write orders:read reports:run\"", challenge(r));
    assertSameRefusalAsIn2025(r, postRaw(jwtServer, WireEra.LEGACY.opening(), Map.of()), "no token");
  }

  // ---- valid tokens ---------------------------------------------------------------------------

  @Test
  @Order(2)
  void javaSdkClientCallsToolsWithAKeycloakToken() {
    assumeLegacy("the MCP Java SDK client speaks 2025-11-25 only (the TypeScript SDK 2.x client test covers 2026-07-28)");
    String token = token(Keycloak.ALICE, "files:read", "orders:read", "reports:run");
    JsonNode claims = claims(token);
    assertTrue(strings(claims.path("aud")).contains(kc.jwtResource()) || kc.jwtResource().equals(claims.path("aud").asString()),
        "the audience mapper put the resource in aud: " + claims);
    try (McpSyncClient client = sdkClient(jwtServer, token)) {
      client.initialize();
      List<String> tools = client.listTools().tools().stream().map(McpSchema.Tool::name).sorted().toList();
      assertEquals(List.of("build_report", "crash", "find_orders", "get_order", "list_files", "read_file"), tools);
      McpSchema.CallToolResult file = client.callTool(new McpSchema.CallToolRequest("read_file", Map.of("path", "README.txt")));
      assertFalse(Boolean.TRUE.equals(file.isError()), file.toString());
      assertEquals("Protected workspace\n", ((McpSchema.TextContent) file.content().get(0)).text());
      McpSchema.CallToolResult orders = client.callTool(new McpSchema.CallToolRequest("find_orders",
          Map.of("customerEmail", "ada@example.com")));
      assertFalse(Boolean.TRUE.equals(orders.isError()), orders.toString());
      assertTrue(orders.toString().contains("A-1002"), orders.toString());
    }
  }

  @Test
  @Order(3)
  void typeScriptSdkClientCallsToolsWithAKeycloakToken() { // SDK 1.x in 2025-11-25, SDK 2.x in 2026-07-28
    NodeTools.require();
    String token = token(Keycloak.ALICE, "files:read", "orders:read");
    ObjectNode plan = NodeTools.httpPlan(URI.create(kc.jwtResource()), Map.of("Authorization", "Bearer " + token));
    NodeTools.listTools(plan);
    NodeTools.callTool(plan, "read_file", Map.of("path", "README.txt"));
    NodeTools.callTool(plan, "find_orders", Map.of("customerEmail", "ada@example.com"));
    JsonNode report;
    if (era.legacy()) {
      report = NodeTools.tsClient(plan);
    } else { // the SDK's 2.x line, pinned to the revision: no fallback to initialize
      plan.put("negotiation", era.version);
      NodeTools.callTool(plan, "build_report", Map.of("title", "Weekly", "sections", 1)); // 3: reports:run missing
      report = NodeTools.ts2Client(plan);
      JsonNode stepUp = report.path("steps").get(3);
      assertFalse(stepUp.path("ok").asBoolean(), stepUp.toString());
      // the challenge the SDK read from the 403: the public scope list, as for every client (tool names stay secret)
      assertEquals("files:read files:write orders:read reports:run",
          stepUp.path("error").path("insufficientScope").path("requiredScope").asString(), stepUp.toString());
      assertEquals("modern", report.path("server").path("era").asString(), report.path("server").toString());
      report.path("wire").path("sent").forEach(request -> assertEquals(era.version,
          request.path("metaProtocolVersion").asString(), request.toString()));
    }
    JsonNode steps = report.path("steps");
    List<String> listed = new ArrayList<>();
    steps.get(0).path("result").path("tools").forEach(t -> listed.add(t.path("name").asString()));
    assertEquals(List.of("find_orders", "get_order", "list_files", "read_file"), listed.stream().sorted().toList(),
        "tools/list shows only what files:read + orders:read may call");
    assertTrue(steps.get(1).path("ok").asBoolean(), steps.get(1).toString());
    assertEquals("Protected workspace\n", steps.get(1).path("result").path("content").get(0).path("text").asString());
    assertTrue(steps.get(2).path("ok").asBoolean(), steps.get(2).toString());
    assertFalse(steps.get(2).path("result").path("isError").asBoolean(false), steps.get(2).toString());
    assertTrue(steps.get(2).toString().contains("A-1002"), steps.get(2).toString());
  }

  @Test
  @Order(3)
  void inspectorCliCallsToolsWithABearerTokenHeader() {
    assumeLegacy("the inspector CLI speaks 2025-11-25 only");
    NodeTools.require();
    String token = token(Keycloak.ALICE, "files:read", "orders:read");
    List<String> target = List.of(kc.jwtResource(), "--transport", "http", "--header", "Authorization: Bearer " + token);
    List<String> list = new ArrayList<>(target);
    list.addAll(List.of("--method", "tools/list"));
    JsonNode listed = NodeTools.inspectorCli(list).assertSuccess().json();
    List<String> names = new ArrayList<>();
    listed.path("tools").forEach(t -> names.add(t.path("name").asString()));
    assertEquals(List.of("find_orders", "get_order", "list_files", "read_file"), names.stream().sorted().toList(),
        listed.toString());
    List<String> call = new ArrayList<>(target);
    call.addAll(List.of("--method", "tools/call", "--tool-name", "get_order", "--tool-arg", "id=A-1001"));
    JsonNode order = NodeTools.inspectorCli(call).assertSuccess().json();
    assertFalse(order.path("isError").asBoolean(false), order.toString());
    assertEquals("A-1001", order.path("structuredContent").path("id").asString(), order.toString());
    // without the header the CLI cannot connect: the server answers 401
    List<String> anonymous = new ArrayList<>(List.of(kc.jwtResource(), "--transport", "http", "--method", "tools/list"));
    assertNotEquals(0, NodeTools.inspectorCli(anonymous).exitCode());
  }

  // ---- step-up --------------------------------------------------------------------------------

  @Test
  @Order(4)
  void missingScopeIs403InsufficientScopeThenTheSameCallSucceedsWithAStrongerToken() throws Exception {
    String weak = token(Keycloak.ALICE, "files:read");
    assertEquals(List.of("files:read"), scopes(weak).stream().filter(Keycloak.SCOPES::contains).toList());
    String session = session(jwtServer, weak);
    HttpResponse<String> list = post(jwtServer, LIST, auth(weak, session));
    assertTrue(list.body().contains("read_file") && !list.body().contains("find_orders"), list.body());

    HttpResponse<String> refused = post(jwtServer, FIND_ORDERS, auth(weak, session));
    assertEquals(403, refused.statusCode());
    if (!era.legacy()) {
      assertSameRefusalAsIn2025(refused, postRaw(jwtServer, FIND_ORDERS, auth(weak, legacySession(jwtServer, weak))),
          "missing scope");
    }
    // tool names are secret while tools/list hides them: the step-up challenge asks for the public scope
    // list (scopes_supported), and an unknown tool is answered exactly the same way
    assertEquals("Bearer resource_metadata=\"http://127.0.0.1:" + kc.jwtServerPort + "/.well-known/oauth-protected-resource/mcp\","
        + " scope=\"files:read files:write orders:read reports:run\", error=\"insufficient_scope\","
        + " error_description=\"The access token lacks a scope this call requires\"", challenge(refused));
    HttpResponse<String> unknown = post(jwtServer, FIND_ORDERS.replace("find_orders", "no_such_tool"), auth(weak, session));
    assertEquals(403, unknown.statusCode());
    assertEquals(challenge(refused), challenge(unknown));
    assertEquals(refused.body(), unknown.body());

    String stronger = token(Keycloak.ALICE, "files:read", "orders:read");
    HttpResponse<String> ok = post(jwtServer, FIND_ORDERS, auth(stronger, session));
    assertEquals(200, ok.statusCode(), ok.body());
    assertTrue(ok.body().contains("A-1002"), ok.body());
  }

  @Test
  @Order(4)
  void mcpNameNamingAnotherToolThanTheBodyIsRefusedBeforeAnyScopeDecision() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeFalse(era.legacy(), "Mcp-Name is a 2026-07-28 header");
    String weak = token(Keycloak.ALICE, "files:read");
    // the forbidden tool in the body, an allowed one in the header: a filter that trusted the header would let it by
    String forbidden = era.body(FIND_ORDERS);
    Map<String, String> allowedName = merge(era.headers(forbidden), Map.of("Mcp-Name", "read_file"));
    HttpResponse<String> smuggled = postRaw(jwtServer, forbidden, merge(allowedName, auth(weak, null)));
    assertHeaderMismatch(smuggled);
    assertFalse(smuggled.body().contains("A-100"), "the forbidden tool did not run: " + smuggled.body());
    // an allowed tool in the body, a forbidden one in the header: the same refusal, not a 403 that names nothing new
    String allowed = era.body(READ_README_FILE);
    Map<String, String> forbiddenName = merge(era.headers(allowed), Map.of("Mcp-Name", "find_orders"));
    assertHeaderMismatch(postRaw(jwtServer, allowed, merge(forbiddenName, auth(weak, null))));
    // the same requests with honest headers: 403 for the forbidden tool, 200 for the allowed one
    assertEquals(403, post(jwtServer, FIND_ORDERS, auth(weak, null)).statusCode());
    assertEquals(200, post(jwtServer, READ_README_FILE, auth(weak, null)).statusCode());
  }

  /** 400 with JSON-RPC {@code -32020} (HeaderMismatch), no OAuth challenge, nothing of the server in the body. */
  private static void assertHeaderMismatch(HttpResponse<String> r) {
    assertEquals(400, r.statusCode(), r.body());
    JsonNode error = JSON.readTree(r.body()).path("error");
    assertEquals(-32020, error.path("code").asInt(), r.body());
    assertTrue(r.headers().firstValue("WWW-Authenticate").isEmpty(), "not an OAuth refusal: " + r.headers().map());
    assertFalse(r.body().contains("dev.toolwarden") || r.body().contains("Exception") || r.body().contains(workspace.toString()),
        r.body());
  }

  // ---- rejected tokens ------------------------------------------------------------------------

  @Test
  @Order(5)
  void everyBadTokenIs401InvalidToken() throws Exception {
    String shortLived = token(Keycloak.SHORT_LIVED, "files:read");
    long exp = claims(shortLived).path("exp").asLong();
    String good = token(Keycloak.ALICE, "files:read");
    Map<String, String> bad = new LinkedHashMap<>();
    bad.put("wrong audience (no audience mapper)", token(Keycloak.NO_AUDIENCE, "files:read"));
    String foreignIssuer = kc.tokenVia("http://localhost:" + kc.port, Keycloak.ALICE, "files:read");
    TOKENS.add(foreignIssuer);
    assertEquals("http://localhost:" + kc.port + "/realms/" + Keycloak.REALM, claims(foreignIssuer).path("iss").asString());
    bad.put("wrong issuer (same keys, other issuer)", foreignIssuer);
    bad.put("tampered payload", ForgedTokens.tamper(good));
    bad.put("alg none", ForgedTokens.algNone(good));
    bad.put("HS256 signed with the realm's public key", ForgedTokens.hs256WithPublicKey(kc, good));
    bad.put("unknown kid", ForgedTokens.unknownKid(good));
    bad.put("garbage", "garbage");
    long wait = exp * 1000 - System.currentTimeMillis() + 1500;
    if (wait > 0) {
      Thread.sleep(wait);
    }
    bad.put("expired (2 s lifespan)", shortLived);
    for (Map.Entry<String, String> e : bad.entrySet()) {
      HttpResponse<String> r = post(jwtServer, era.opening(), Map.of("Authorization", "Bearer " + e.getValue()));
      assertEquals(401, r.statusCode(), e.getKey() + ": " + r.body());
      String challenge = challenge(r);
      assertTrue(challenge.startsWith("Bearer resource_metadata=\"http://127.0.0.1:" + kc.jwtServerPort
          + "/.well-known/oauth-protected-resource/mcp\", scope=\""), e.getKey() + ": " + challenge);
      assertTrue(challenge.contains("error=\"invalid_token\""), e.getKey() + ": " + challenge);
      assertSameRefusalAsIn2025(r, postRaw(jwtServer, WireEra.LEGACY.opening(),
          Map.of("Authorization", "Bearer " + e.getValue())), e.getKey());
    }
    // the good one is still good
    assertEquals(200, post(jwtServer, era.opening(), Map.of("Authorization", "Bearer " + good)).statusCode());
  }

  @Test
  @Order(6)
  void tokenInTheQueryStringIsRefused() throws Exception {
    String token = token(Keycloak.ALICE, "files:read");
    for (Map<String, String> headers : List.of(Map.<String, String>of(), Map.of("Authorization", "Bearer " + token))) {
      HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(kc.jwtResource() + "?access_token=" + token))
          .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
          .POST(HttpRequest.BodyPublishers.ofString(era.body(era.opening()))), merge(era.headers(era.body(era.opening())), headers));
      assertEquals(400, r.statusCode(), r.body());
      assertTrue(challenge(r).contains("error=\"invalid_request\""), challenge(r));
      assertSameRefusalAsIn2025(r, send(HttpRequest.newBuilder(URI.create(kc.jwtResource() + "?access_token=" + token))
          .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
          .POST(HttpRequest.BodyPublishers.ofString(WireEra.LEGACY.opening())), headers), "token in the query");
    }
  }

  // ---- introspection --------------------------------------------------------------------------

  @Test
  @Order(7)
  void introspectionAcceptsValidTokensAndRefusesRevokedAndForeignOnes() throws Exception {
    String token = token(Keycloak.ALICE, "files:read");
    if (era.legacy()) {
      try (McpSyncClient client = sdkClient(introspectionServer, token)) {
        client.initialize();
        McpSchema.CallToolResult r = client.callTool(new McpSchema.CallToolRequest("read_file", Map.of("path", "README.txt")));
        assertEquals("Protected workspace\n", ((McpSchema.TextContent) r.content().get(0)).text());
      }
    } else {
      JsonNode r = result(post(introspectionServer, READ_README_FILE, auth(token, null)));
      assertEquals("Protected workspace\n", r.path("content").get(0).path("text").asString(), r.toString());
    }
    assertEquals(200, post(introspectionServer, era.opening(), Map.of("Authorization", "Bearer " + token)).statusCode());
    kc.revoke(Keycloak.ALICE, token);
    Thread.sleep(1500); // the positive cache (1 s here) runs out
    HttpResponse<String> revoked = post(introspectionServer, era.opening(), Map.of("Authorization", "Bearer " + token));
    assertEquals(401, revoked.statusCode(), revoked.body());
    assertTrue(challenge(revoked).contains("error=\"invalid_token\""), challenge(revoked));

    String revokedUnused = token(Keycloak.ALICE, "files:read");
    kc.revoke(Keycloak.ALICE, revokedUnused);
    assertEquals(401, post(introspectionServer, era.opening(), Map.of("Authorization", "Bearer " + revokedUnused)).statusCode());
    // local JWT verification cannot see the revocation (documented): the JWT-mode server still accepts it
    assertEquals(200, post(jwtServer, era.opening(), Map.of("Authorization", "Bearer " + revokedUnused)).statusCode());

    assertEquals(401, post(introspectionServer, era.opening(),
        Map.of("Authorization", "Bearer " + token(Keycloak.NO_AUDIENCE, "files:read"))).statusCode());
    assertEquals(401, post(introspectionServer, era.opening(), Map.of("Authorization", "Bearer garbage")).statusCode());
    String step = token(Keycloak.ALICE, "files:read");
    String session = session(introspectionServer, step);
    HttpResponse<String> refused = post(introspectionServer, FIND_ORDERS, auth(step, session));
    assertEquals(403, refused.statusCode());
    assertTrue(challenge(refused).contains("orders:read reports:run\", error=\"insufficient_scope\""), challenge(refused));
  }

  // ---- sessions -------------------------------------------------------------------------------

  @Test
  @Order(8)
  void anotherSubjectsSessionIdIsRefused() throws Exception {
    assumeLegacy("2026-07-28 has no sessions");
    String alice = token(Keycloak.ALICE, "files:read");
    String bob = token(Keycloak.BOB, "files:read");
    assertFalse(claims(alice).path("sub").asString().equals(claims(bob).path("sub").asString()), "two subjects");
    String session = session(jwtServer, alice);
    HttpResponse<String> stolen = post(jwtServer, LIST, auth(bob, session));
    assertEquals(404, stolen.statusCode(), stolen.body());
    HttpResponse<String> owner = post(jwtServer, LIST, auth(alice, session));
    assertEquals(200, owner.statusCode(), "the owner's session is untouched: " + owner.body());
    assertTrue(owner.body().contains("read_file"), owner.body());
  }

  // ---- resources, templates, prompts, completions ---------------------------------------------

  private static String request(int id, String method, String params) {
    return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + params + "}";
  }

  private static final String READ_SUMMARY = request(10, "resources/read", "{\"uri\":\"orders://summary\"}");
  private static final String READ_README = request(11, "resources/read", "{\"uri\":\"file:///workspace/README.txt\"}");
  private static final String GET_PROMPT = request(12, "prompts/get",
      "{\"name\":\"review_order\",\"arguments\":{\"orderId\":\"A-1001\"}}");
  private static final String COMPLETE = request(13, "completion/complete",
      "{\"ref\":{\"type\":\"ref/prompt\",\"name\":\"review_order\"},\"argument\":{\"name\":\"orderId\",\"value\":\"A\"}}");
  private static final String SUBSCRIBE_SUMMARY = request(14, "resources/subscribe", "{\"uri\":\"orders://summary\"}");

  @Test
  @Order(9)
  void resourcesPromptsAndCompletionsAre401WithoutATokenAnd403WithoutTheirScope() throws Exception {
    for (String body : List.of(READ_README, READ_SUMMARY, GET_PROMPT, COMPLETE)) {
      HttpResponse<String> anonymous = post(jwtServer, body, Map.of());
      assertEquals(401, anonymous.statusCode(), body + " -> " + anonymous.body());
      assertTrue(challenge(anonymous).startsWith("Bearer resource_metadata="), challenge(anonymous));
      assertSameRefusalAsIn2025(anonymous, postRaw(jwtServer, body, Map.of()), body);
    }
    String weak = token(Keycloak.ALICE, "files:read");
    String session = session(jwtServer, weak);
    HttpResponse<String> readme = post(jwtServer, READ_README, auth(weak, session));
    assertEquals(200, readme.statusCode(), readme.body());
    assertTrue(readme.body().contains("Protected workspace"), readme.body());
    HttpResponse<String> hiddenTool = post(jwtServer, FIND_ORDERS, auth(weak, session));
    String legacySession = era.legacy() ? session : legacySession(jwtServer, weak);
    // the order summary, the review prompt, its completion, a subscription to the summary: orders:read, which the
    // token lacks; names are secret (the lists are filtered), so each is refused exactly like a forbidden tool
    for (String body : List.of(READ_SUMMARY, GET_PROMPT, COMPLETE, SUBSCRIBE_SUMMARY,
        request(15, "prompts/get", "{\"name\":\"no_such_prompt\"}"),
        request(16, "resources/read", "{\"uri\":\"orders://no-such-resource\"}"))) {
      HttpResponse<String> refused = post(jwtServer, body, auth(weak, session));
      assertEquals(403, refused.statusCode(), body + " -> " + refused.body());
      assertEquals(challenge(hiddenTool), challenge(refused), body);
      assertFalse(refused.body().contains("orders") || refused.body().contains("review"), refused.body());
      if (!era.legacy()) {
        assertSameRefusalAsIn2025(refused, postRaw(jwtServer, body, auth(weak, legacySession)), body);
      }
    }
    String stronger = token(Keycloak.ALICE, "files:read", "orders:read");
    HttpResponse<String> summary = post(jwtServer, READ_SUMMARY, auth(stronger, session));
    assertEquals(200, summary.statusCode(), summary.body());
    assertTrue(summary.body().contains("\\\"orders\\\":3"), summary.body());
    HttpResponse<String> prompt = post(jwtServer, GET_PROMPT, auth(stronger, session));
    assertTrue(prompt.body().contains("Review order A-1001"), prompt.body());
    HttpResponse<String> completion = post(jwtServer, COMPLETE, auth(stronger, session));
    assertTrue(completion.body().contains("[\"A-1001\",\"A-1002\"]"), completion.body());
  }

  @Test
  @Order(9)
  void resourceTemplateAndPromptListsShowOnlyWhatTheTokenMayUse() throws Exception {
    if (!era.legacy()) {
      modernListsShowOnlyWhatTheTokenMayUse();
      return;
    }
    try (McpSyncClient files = sdkClient(jwtServer, token(Keycloak.ALICE, "files:read"))) {
      files.initialize();
      assertEquals(List.of(), files.listResources().resources().stream().map(McpSchema.Resource::uri).toList());
      assertEquals(List.of("file:///workspace/{+path}"), files.listResourceTemplates().resourceTemplates().stream()
          .map(McpSchema.ResourceTemplate::uriTemplate).toList());
      assertEquals(List.of(), files.listPrompts().prompts().stream().map(McpSchema.Prompt::name).toList());
      McpSchema.ReadResourceResult readme = files.readResource(
          new McpSchema.ReadResourceRequest("file:///workspace/README.txt"));
      assertEquals("Protected workspace\n", ((McpSchema.TextResourceContents) readme.contents().get(0)).text());
    }
    try (McpSyncClient orders = sdkClient(jwtServer, token(Keycloak.ALICE, "orders:read"))) {
      orders.initialize();
      assertEquals(List.of("orders://summary"), orders.listResources().resources().stream()
          .map(McpSchema.Resource::uri).toList());
      assertEquals(List.of(), orders.listResourceTemplates().resourceTemplates());
      assertEquals(List.of("review_order"), orders.listPrompts().prompts().stream().map(McpSchema.Prompt::name).toList());
      McpSchema.CompleteResult ids = orders.completeCompletion(new McpSchema.CompleteRequest(
          new McpSchema.PromptReference("review_order"), new McpSchema.CompleteRequest.CompleteArgument("orderId", "B")));
      assertEquals(List.of("B-2001"), ids.completion().values());
    }
  }

  /** {@link #resourceTemplateAndPromptListsShowOnlyWhatTheTokenMayUse} in raw 2026-07-28 requests. */
  private static void modernListsShowOnlyWhatTheTokenMayUse() throws Exception {
    Map<String, String> files = auth(token(Keycloak.ALICE, "files:read"), null);
    JsonNode resources = result(post(jwtServer, request(20, "resources/list", "{}"), files));
    assertEquals(List.of(), fields(resources.path("resources"), "uri"), resources.toString());
    assertEquals("private", resources.path("cacheScope").asString(), "a list filtered by scope is per user: " + resources);
    JsonNode templates = result(post(jwtServer, request(21, "resources/templates/list", "{}"), files));
    assertEquals(List.of("file:///workspace/{+path}"), fields(templates.path("resourceTemplates"), "uriTemplate"));
    JsonNode prompts = result(post(jwtServer, request(22, "prompts/list", "{}"), files));
    assertEquals(0, prompts.path("prompts").size(), prompts.toString());
    JsonNode readme = result(post(jwtServer, READ_README, files));
    assertEquals("Protected workspace\n", readme.path("contents").get(0).path("text").asString(), readme.toString());

    Map<String, String> orders = auth(token(Keycloak.ALICE, "orders:read"), null);
    resources = result(post(jwtServer, request(23, "resources/list", "{}"), orders));
    assertEquals(List.of("orders://summary"), fields(resources.path("resources"), "uri"));
    templates = result(post(jwtServer, request(24, "resources/templates/list", "{}"), orders));
    assertEquals(0, templates.path("resourceTemplates").size(), templates.toString());
    prompts = result(post(jwtServer, request(25, "prompts/list", "{}"), orders));
    assertEquals(List.of("review_order"), fields(prompts.path("prompts"), "name"));
    JsonNode ids = result(post(jwtServer, COMPLETE.replace("\"value\":\"A\"", "\"value\":\"B\""), orders));
    assertEquals(List.of("B-2001"), strings(ids.path("completion").path("values")), ids.toString());
  }

  // ---- audit and logs -------------------------------------------------------------------------

  @Test
  @Order(100)
  void everyFailureIsAuditedAndNoLogHoldsAToken() {
    // the standalone server logs to stderr; a Spring Boot application's console log is on stdout
    String log = jwtServer.stderrText() + introspectionServer.stderrText() + jwtServer.stdoutText()
        + introspectionServer.stdoutText();
    List<String> kinds = new ArrayList<>(List.of("MISSING_TOKEN", "INVALID_TOKEN", "INVALID_REQUEST", "INSUFFICIENT_SCOPE"));
    if (era.legacy()) {
      kinds.add("SESSION_OF_ANOTHER_PRINCIPAL"); // no sessions in 2026-07-28
    }
    for (String kind : kinds) {
      // one auth_failed event of the audit trail per failure, its reason led by the kind
      assertTrue(log.contains("\"outcome\":\"auth_failed\"") && log.contains(kind.toLowerCase(java.util.Locale.ROOT) + " ("),
          "no audit event for " + kind + " in:\n" + log);
    }
    assertFalse(TOKENS.isEmpty());
    for (String token : TOKENS) {
      String signature = token.substring(token.lastIndexOf('.') + 1);
      assertFalse(log.contains(token), "a token in the server log");
      if (signature.length() > 20) {
        assertFalse(log.contains(signature), "a token signature in the server log");
      }
    }
  }

  // ---- helpers --------------------------------------------------------------------------------

  /** Skips a test that has no counterpart in the era the class speaks (shown as skipped, with the reason). */
  private static void assumeLegacy(String why) {
    org.junit.jupiter.api.Assumptions.assumeTrue(era.legacy(), why);
  }

  /**
   * The JSON-RPC result of a 200 answer (one JSON object, or the last event of an event stream); in the 2026 era it
   * must say {@code resultType: complete}.
   */
  private static JsonNode result(HttpResponse<String> r) {
    assertEquals(200, r.statusCode(), r.body());
    String body = r.body().strip();
    if (!body.startsWith("{")) { // text/event-stream: the answer is the last data line
      String[] lines = body.split("\n");
      String data = "";
      for (String line : lines) {
        if (line.startsWith("data:")) {
          data = line.substring(5).strip();
        }
      }
      body = data;
    }
    JsonNode message = JSON.readTree(body);
    assertTrue(message.has("result"), message.toString());
    if (!era.legacy()) {
      assertEquals("complete", message.path("result").path("resultType").asString(), message.toString());
    }
    return message.path("result");
  }

  /** {@code field} of each element of {@code array}. */
  private static List<String> fields(JsonNode array, String field) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.path(field).asString()));
    return out;
  }

  private static String token(String clientId, String... scopes) {
    String t = kc.token(clientId, scopes);
    TOKENS.add(t);
    return t;
  }

  private static JsonNode claims(String token) {
    return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
  }

  private static List<String> scopes(String token) {
    return List.of(claims(token).path("scope").asString().split(" "));
  }

  private static McpSyncClient sdkClient(ServerProcess server, String token) {
    URI url = server.url();
    return McpClient.sync(HttpClientStreamableHttpTransport.builder("http://" + url.getAuthority())
            .endpoint(url.getPath())
            .httpRequestCustomizer((builder, method, uri, body, context) -> builder.header("Authorization", "Bearer " + token))
            .build())
        .requestTimeout(Duration.ofSeconds(30))
        .build();
  }

  /** The token's header, and the session's in the 2025 era ({@code session} is null in the 2026 era). */
  private static Map<String, String> auth(String token, String session) {
    return session == null ? Map.of("Authorization", "Bearer " + token)
        : Map.of("Authorization", "Bearer " + token, "Mcp-Session-Id", session);
  }

  /**
   * A new 2025-11-25 session of {@code token}'s owner ({@code initialize}, then {@code notifications/initialized}); in
   * the 2026-07-28 era there is no session: null, and nothing is sent.
   */
  private static String session(ServerProcess server, String token) throws Exception {
    return era.legacy() ? legacySession(server, token) : null;
  }

  /** A new 2025-11-25 session, whatever the class's era. */
  private static String legacySession(ServerProcess server, String token) throws Exception {
    HttpResponse<String> r = postRaw(server, WireEra.LEGACY.opening(), Map.of("Authorization", "Bearer " + token));
    assertEquals(200, r.statusCode(), r.body());
    String session = r.headers().firstValue("Mcp-Session-Id").orElseThrow();
    assertEquals(202, postRaw(server, INITIALIZED, auth(token, session)).statusCode());
    return session;
  }

  /**
   * In the 2026 class: {@code modern}, a refusal of a 2026-07-28 request, is the refusal the same attack gets as a
   * 2025-11-25 request ({@code legacy}): the same status, {@code WWW-Authenticate} challenge and body. (In the 2025
   * class both are the same request: nothing to compare.)
   */
  private static void assertSameRefusalAsIn2025(HttpResponse<String> modern, HttpResponse<String> legacy, String what) {
    if (era.legacy()) {
      return;
    }
    assertEquals(legacy.statusCode(), modern.statusCode(), what + ": " + modern.body());
    assertEquals(legacy.headers().firstValue("WWW-Authenticate"), modern.headers().firstValue("WWW-Authenticate"), what);
    assertEquals(legacy.body(), modern.body(), what);
  }

  /** POSTs {@code body} as the era sends it (2026-07-28: with {@code _meta} and the {@code Mcp-*} headers). */
  private static HttpResponse<String> post(ServerProcess server, String body, Map<String, String> headers) throws Exception {
    String sent = era.body(body);
    return postRaw(server, sent, merge(era.headers(sent), headers));
  }

  /** POSTs {@code body} exactly as given, with exactly {@code headers} (and the content negotiation every client sends). */
  private static HttpResponse<String> postRaw(ServerProcess server, String body, Map<String, String> headers)
      throws Exception {
    return send(HttpRequest.newBuilder(server.url())
        .header("Content-Type", "application/json")
        .header("Accept", "application/json, text/event-stream")
        .POST(HttpRequest.BodyPublishers.ofString(body)), headers);
  }

  private static Map<String, String> merge(Map<String, String> first, Map<String, String> second) {
    Map<String, String> all = new LinkedHashMap<>(first);
    all.putAll(second);
    return all;
  }

  private static HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
    return send(b, Map.of());
  }

  private static HttpResponse<String> send(HttpRequest.Builder b, Map<String, String> headers) throws Exception {
    headers.forEach(b::header);
    // a refusal from the headers leaves the body unread, and Jetty may close the connection under the next request
    return dev.toolwarden.it.support.NoAnswerResend.send(HTTP, b.timeout(Duration.ofSeconds(30)).build());
  }

  private static String challenge(HttpResponse<String> r) {
    return r.headers().firstValue("WWW-Authenticate").orElseThrow(() -> new AssertionError("no WWW-Authenticate on "
        + r.statusCode() + ": " + r.body()));
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asString()));
    return out;
  }

  private static String b64(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
