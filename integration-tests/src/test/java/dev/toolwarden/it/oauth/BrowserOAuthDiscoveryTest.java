package dev.toolwarden.it.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwarden.it.support.DevToolsBrowser;
import dev.toolwarden.it.support.ExampleServer;
import dev.toolwarden.it.support.NodeTools;
import dev.toolwarden.it.support.ProcessReaper;
import dev.toolwarden.it.support.ServerProcess;
import dev.toolwarden.it.support.ServerProcess.Launch;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The discovery chain as a real client walks it, end to end, with nothing handed to the client but the server's URL
 * (issue #18): the TypeScript SDK's own OAuth support ({@code node/oauth-browser-client.mjs}) meets the example
 * server's 401, reads its protected resource metadata, finds Keycloak's metadata, registers itself at Keycloak
 * (RFC 7591, anonymous, allowed by the realm's Trusted Hosts policy), and starts authorization code + PKCE; a real
 * headless Chromium, driven over the DevTools protocol by this test, logs a Keycloak user in, consents, and follows
 * the redirect to the client's loopback listener; the client exchanges the code and calls a tool that needs
 * {@code files:read}. The user is not entitled to {@code orders:read} yet ({@link DynamicRegistrationRealm}): the
 * first token lacks it, so the next tool is refused 403 {@code insufficient_scope}; the client starts a second
 * authorization for the scope the challenge names, the administrator grants the role, the browser goes through
 * Keycloak again, and the same call succeeds with the new token.
 *
 * <p>Both protocol eras, one run each, each with its own registration, user and browser profile:
 * <ul>
 *   <li><b>2025-11-25</b>: the 1.x SDK's {@code Client} over its Streamable HTTP transport with an
 *       {@code authProvider}: the transport itself handles the 401 (on {@code initialize}) and the 403 (on
 *       {@code tools/call}) by calling {@code auth()}; the tools run in an MCP session.</li>
 *   <li><b>2026-07-28</b>: the 2.x SDK's {@code Client} ({@code @modelcontextprotocol/client}, {@code "sdk": 2},
 *       {@code node/oauth-browser-sdk2.mjs}) pinned to that revision, over its own Streamable HTTP transport with the
 *       same provider as {@code authProvider}: the transport handles the 401 (on {@code server/discover}) and the 403
 *       (SEP-2350 step-up: a new authorization for the union of the granted scopes and the challenged one, though
 *       the provider holds a refresh token); no session, every request with its version, method and name in
 *       {@code MCP-*} headers, every answer with {@code resultType} on the wire. Two differences of the 2.x SDK, both
 *       asserted: it adds {@code offline_access} with {@code prompt=consent} to its requests (SEP-2207, as Keycloak
 *       offers it and the client registers the refresh_token grant), so Keycloak shows its pages again on the
 *       step-up; and the step-up asks for the union, not the named scope alone. Nothing of the chain is hand-made
 *       any more: the 2.x client does every step itself.</li>
 * </ul>
 * The server runs with {@code TOOLWARDEN_OAUTH_FILTER_TOOLS=false}, so tool names are public and the 403 names the
 * tool's own scope; with the default (names secret) the challenge names the public scope list instead, which
 * {@link KeycloakOAuthTest} covers.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserOAuthDiscoveryTest {

  private static final Duration EVENT_TIMEOUT = Duration.ofMinutes(5);
  private static final List<String> ALL_SCOPES = DynamicRegistrationRealm.SCOPES;

  @RegisterExtension static final ProcessReaper REAPER = new ProcessReaper();
  private static Keycloak kc;
  @RegisterExtension static final BeforeAllCallback PARTS = context -> {
    NodeTools.require(); // the cheap checks first: without Node or Chromium, Keycloak is not worth starting
    DevToolsBrowser.require();
    kc = Keycloak.shared(context);
  };

  private static DynamicRegistrationRealm realm;
  private static ServerProcess server;
  private static String resource;
  private static Path scratch;

  @BeforeAll
  static void startServer() throws Exception {
    int port = dev.toolwarden.it.support.FreePort.find();
    resource = "http://127.0.0.1:" + port + "/mcp";
    realm = DynamicRegistrationRealm.create(kc, resource, List.of("ada", "grace"));
    scratch = Files.createTempDirectory("toolwarden-browser-oauth");
    Path workspace = Files.createDirectories(scratch.resolve("workspace"));
    Files.writeString(workspace.resolve("README.txt"), "Protected workspace\n");
    Map<String, String> env = new LinkedHashMap<>();
    env.put("TOOLWARDEN_ROOT_WORKSPACE", workspace.toString());
    env.put("TOOLWARDEN_OAUTH_ISSUER", realm.issuer());
    env.put("TOOLWARDEN_OAUTH_RESOURCE", resource);
    env.put("TOOLWARDEN_OAUTH_FILTER_TOOLS", "false");
    server = ServerProcess.http(Launch.jar(ExampleServer.jar()).withEnv(env), REAPER, port, "/mcp",
        Duration.ofSeconds(90), "http", String.valueOf(port));
  }

  @AfterAll
  static void cleanUp() throws Exception {
    if (scratch != null) {
      try (var files = Files.walk(scratch)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  // ---- the two eras ---------------------------------------------------------------------------

  @Test
  @Order(1)
  void sdkClientDiscoversRegistersLogsInThroughABrowserAndStepsUpIn2025_11_25() throws Exception {
    Run run = run("2025-11-25", 1, "ada");
    // the SDK's transport: initialize met the 401; both tools ran in the one session the second initialize opened,
    // across the step-up (the session is bound to the person, not to the token); answers are the SDK's (no resultType)
    JsonNode connected = run.client.events("connected").get(0);
    assertEquals("2025-11-25", connected.path("protocolVersion").asString(), run.client.describe());
    assertTrue(connected.path("sessionId").isString(), run.client.describe());
    List<JsonNode> calls = run.audit().stream().filter(a -> "ok".equals(a.path("outcome").asString())).toList();
    assertEquals(2, calls.size(), calls.toString());
    assertTrue(calls.get(0).path("session").isString(), calls.toString());
    assertEquals(calls.get(0).path("session"), calls.get(1).path("session"), "one session across the step-up");
    run.client.events("result").forEach(r -> assertFalse(r.path("result").has("resultType"), r.toString()));
  }

  @Test
  @Order(2)
  void sdk2ClientPinnedTo2026_07_28DiscoversRegistersLogsInThroughABrowserAndStepsUp() throws Exception {
    Run run = run("2026-07-28", 2, "grace");
    // the 2.x SDK's client, pinned: server/discover met the 401, then the modern era with no session; every answer
    // on the wire is the 2026-07-28 adapter's (resultType, which the SDK strips from what it returns)
    JsonNode connected = run.client.events("connected").get(0);
    String all = run.client.describe();
    assertEquals("2026-07-28", connected.path("protocolVersion").asString(), all);
    assertEquals("modern", connected.path("era").asString(), all);
    assertTrue(connected.path("sessionId").isNull(), all);
    assertTrue(strings(connected.path("supportedVersions")).contains("2026-07-28"), connected.toString());
    assertEquals("complete", connected.path("discoverResultType").asString(), connected.toString());
    run.client.events("result").forEach(r -> assertEquals("complete", r.path("wireResultType").asString(),
        r.toString()));
    run.audit().forEach(a -> assertTrue(a.path("session").isNull(), "stateless: " + a));
    // every request to the MCP endpoint is a 2026-07-28 one: its version, method and (for tools/call) name in headers
    List<JsonNode> posts = run.serverExchanges();
    assertTrue(posts.stream().anyMatch(e -> "server/discover".equals(e.path("mcpHeaders").path("mcp-method").asString())),
        all);
    for (JsonNode e : posts) {
      JsonNode h = e.path("mcpHeaders");
      assertEquals("POST", e.path("method").asString(), "no GET stream, no DELETE: " + e);
      assertEquals("2026-07-28", h.path("mcp-protocol-version").asString(), e.toString());
      assertFalse(h.has("mcp-session-id"), e.toString());
      if ("tools/call".equals(h.path("mcp-method").asString())) {
        assertTrue(List.of("read_file", "find_orders").contains(h.path("mcp-name").asString()), e.toString());
      }
    }
  }

  // ---- one run --------------------------------------------------------------------------------

  /** One client run: its events, the pages the user acted on per authorization, the server's log during it. */
  private record Run(BrowserOAuthClient client, List<List<String>> pages, String serverLog) {

    /** The audit trail the server wrote during the run (its JSON events, in order). */
    List<JsonNode> audit() {
      List<JsonNode> out = new ArrayList<>();
      serverLog.lines().filter(l -> l.contains("toolwarden.audit - {"))
          .forEach(l -> out.add(NodeTools.JSON.readTree(l.substring(l.indexOf("toolwarden.audit - ") + 19))));
      return out;
    }

    /** The client's exchanges with the MCP endpoint (not the metadata, not Keycloak), in order. */
    List<JsonNode> serverExchanges() {
      return client.events("http").stream().filter(e -> resource.equals(e.path("url").asString())).toList();
    }
  }

  /**
   * Runs the client in {@code era} as {@code user} (not entitled to orders yet), answers each of its authorization
   * requests in one browser, grants the orders role before the second, and checks everything both eras share.
   */
  private static Run run(String era, int sdk, String user) throws Exception {
    int logFrom = server.stderrText().length();
    ObjectNode plan = NodeTools.JSON.createObjectNode().put("url", resource).put("era", era).put("sdk", sdk)
        .put("timeoutMs", 900_000);
    plan.putArray("calls")
        .add(NodeTools.JSON.createObjectNode().put("name", "read_file")
            .set("arguments", NodeTools.JSON.createObjectNode().put("path", "README.txt")))
        .add(NodeTools.JSON.createObjectNode().put("name", "find_orders")
            .set("arguments", NodeTools.JSON.createObjectNode().put("customerEmail", "ada@example.com")));
    List<List<String>> pages = new ArrayList<>();
    try (DevToolsBrowser browser = DevToolsBrowser.start(scratch.resolve("profile-" + era), REAPER);
        BrowserOAuthClient client = BrowserOAuthClient.start(plan, REAPER)) {
      KeycloakBrowserUser person = new KeycloakBrowserUser(browser, user, realm.passwords.get(user));
      String redirect = null;
      for (;;) {
        JsonNode event = client.next(EVENT_TIMEOUT);
        String kind = event.path("event").asString();
        if ("listening".equals(kind)) {
          redirect = event.path("redirectUrl").asString();
        } else if ("authorize".equals(kind)) {
          if (event.path("n").asInt() == 2) {
            realm.grantOrders(user); // the administrator approves the user for orders: now the step-up can succeed
          }
          pages.add(person.authorize(event.path("url").asString(), redirect));
        } else if ("failed".equals(kind)) {
          throw new AssertionError("the OAuth client failed: " + event.path("message").asString() + "\nevents:\n"
              + client.describe());
        } else if ("done".equals(kind)) {
          break;
        }
      }
      assertEquals(0, client.awaitExit(Duration.ofSeconds(60)), client.describe());
      System.err.println("[browser-oauth] " + era + ": pages acted on per authorization: " + pages);
      // the audit line of the last call may reach the server's stderr just after its answer reached the client
      Run run = new Run(client, pages, server.stderrText().substring(logFrom));
      for (long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
          run.audit().size() < 4 && System.nanoTime() < deadline; ) {
        Thread.sleep(200);
        run = new Run(client, pages, server.stderrText().substring(logFrom));
      }
      assertSharedChain(run, sdk, redirect);
      return run;
    }
  }

  /** What both eras must show: discovery, one registration, two authorizations, the tokens, the results, the audit. */
  private static void assertSharedChain(Run run, int sdk, String redirect) {
    BrowserOAuthClient c = run.client;
    String all = c.describe();
    // discovery: 401 from the server, its metadata, Keycloak's metadata, registration — before the first authorization
    List<String> chain = new ArrayList<>();
    for (JsonNode e : c.events) {
      String kind = e.path("event").asString();
      if ("authorize".equals(kind)) {
        break;
      }
      if ("http".equals(kind)) {
        chain.add(e.path("method").asString() + " " + e.path("url").asString() + " " + e.path("status").asInt());
      }
    }
    String prm = "GET http://127.0.0.1:" + URI.create(resource).getPort() + "/.well-known/oauth-protected-resource/mcp 200";
    String registration = "POST " + realm.issuer() + "/clients-registrations/openid-connect 201";
    assertTrue(chain.get(0).equals("POST " + resource + " 401"), "first, the 401: " + chain);
    assertTrue(chain.contains(prm), "then the protected resource metadata: " + chain);
    int asMetadata = indexWhere(chain, s -> s.startsWith("GET " + kc.base()) && s.contains("well-known") && s.endsWith(" 200"));
    assertTrue(asMetadata > chain.indexOf(prm), "then Keycloak's metadata: " + chain);
    assertEquals(chain.size() - 1, chain.indexOf(registration), "then the registration, last: " + chain);

    // one registration (RFC 7591): a public client, its loopback redirect URI, the requested scopes as optional ones
    List<JsonNode> registered = c.events("registered");
    assertEquals(1, registered.size(), all);
    String clientId = registered.get(0).path("clientId").asString();
    assertEquals("none", registered.get(0).path("tokenEndpointAuthMethod").asString(), all);
    JsonNode kcClient = realm.registeredClients().stream()
        .filter(k -> clientId.equals(k.path("clientId").asString())).findFirst()
        .orElseThrow(() -> new AssertionError("Keycloak does not know the registered client " + clientId));
    assertTrue(kcClient.path("publicClient").asBoolean(), kcClient.toString());
    assertTrue(kcClient.path("consentRequired").asBoolean(), "the anonymous registration policy: " + kcClient);
    assertEquals(List.of(redirect), strings(kcClient.path("redirectUris")), kcClient.toString());
    assertTrue(realm.clientScopes(kcClient.path("id").asString(), "optional").containsAll(ALL_SCOPES),
        realm.clientScopes(kcClient.path("id").asString(), "optional").toString());

    // two authorizations, both PKCE S256 with the resource indicator; the first asks for the 401's scopes, the
    // second for the scope the 403 named; the user logged in on the first (a fresh browser profile)
    List<JsonNode> authorize = c.events("authorize");
    assertEquals(2, authorize.size(), all);
    Map<String, String> first = query(authorize.get(0).path("url").asString());
    Map<String, String> second = query(authorize.get(1).path("url").asString());
    authorize.forEach(a -> assertTrue(a.path("url").asString().startsWith(realm.issuer() + "/protocol/openid-connect/auth?"),
        "Keycloak's authorization endpoint, from its metadata: " + a));
    for (Map<String, String> q : List.of(first, second)) {
      assertEquals("code", q.get("response_type"), q.toString());
      assertEquals(clientId, q.get("client_id"), q.toString());
      assertEquals("S256", q.get("code_challenge_method"), q.toString());
      assertTrue(q.get("code_challenge").matches("[A-Za-z0-9_-]{43}"), q.toString());
      assertEquals(redirect, q.get("redirect_uri"), q.toString());
      assertEquals(resource, q.get("resource"), "RFC 8707 resource indicator: " + q);
      assertTrue(q.get("state") != null && !q.get("state").isEmpty(), q.toString());
    }
    // the 401's scope; the 2.x SDK adds offline_access, as Keycloak offers it and the client registered the
    // refresh_token grant (SEP-2207: it asks for a refresh token, and so for the consent prompt)
    String firstScope = String.join(" ", ALL_SCOPES) + (sdk == 2 ? " offline_access" : "");
    assertEquals(firstScope, first.get("scope"), "the 401's scope: " + first);
    assertEquals(sdk == 2 ? "consent" : null, first.get("prompt"), first.toString());
    assertNotEquals(first.get("code_challenge"), second.get("code_challenge"), "a new PKCE verifier per authorization");
    // a fresh browser profile: the login form, then the consent screen (the anonymous registration policy makes the
    // client ask for consent); the step-up rides the browser's Keycloak session and the consent given, so Keycloak
    // answers the second authorization straight away — a new code all the same
    assertEquals(List.of("login", "consent"), run.pages.get(0), "the user's pages: " + run.pages);
    if (sdk == 1) {
      assertFalse(run.pages.get(1).contains("login"), "the second authorization needs no new login: " + run.pages);
    } else {
      // the 2.x SDK's prompt=consent (it asks for offline_access) makes Keycloak show its pages again (observed: the
      // login form too); the same person either way (the tokens' sub, below)
      assertTrue(run.pages.get(1).contains("consent"), "prompt=consent: " + run.pages);
    }
    assertEquals(2, c.events("callback").size(), all);
    c.events("callback").forEach(e -> assertFalse(e.has("error"), e.toString()));

    // the tokens: our resource in aud (the audience scope, Keycloak ignores `resource`), the same person, the client;
    // the first without orders:read (not entitled yet), the second with it
    List<JsonNode> tokens = c.events("tokens");
    assertEquals(2, tokens.size(), all);
    JsonNode t1 = tokens.get(0).path("claims");
    JsonNode t2 = tokens.get(1).path("claims");
    for (JsonNode t : List.of(t1, t2)) {
      assertEquals(realm.issuer(), t.path("iss").asString(), t.toString());
      assertTrue(audience(t).contains(resource), "aud names the MCP server: " + t);
      assertEquals(clientId, t.path("azp").asString(), t.toString());
    }
    assertEquals(t1.path("sub").asString(), t2.path("sub").asString(), "the same person both times");
    List<String> s1 = List.of(t1.path("scope").asString().split(" "));
    List<String> s2 = List.of(t2.path("scope").asString().split(" "));
    assertTrue(s1.contains("files:read") && !s1.contains("orders:read"), "first token: " + s1);
    assertTrue(s2.contains("orders:read"), "second token: " + s2);
    // the step-up asks for the scope the 403 named: the 1.x SDK for it alone; the 2.x SDK for it together with what
    // the token already had (SEP-2350: a new authorization must not lose the scopes granted before)
    List<String> asked = List.of(second.get("scope").split(" "));
    if (sdk == 1) {
      assertEquals(List.of("orders:read"), asked, "the 403 names the tool's scope: " + second);
    } else {
      assertTrue(asked.contains("orders:read") && asked.containsAll(s1), "the union, SEP-2350: " + asked + " / " + s1);
    }

    // the results: read_file with the first token, find_orders after the step-up
    List<JsonNode> results = c.events("result");
    assertEquals(List.of("read_file", "find_orders"), results.stream().map(r -> r.path("name").asString()).toList(), all);
    assertFalse(results.get(0).path("result").path("isError").asBoolean(false), results.get(0).toString());
    assertEquals("Protected workspace\n", results.get(0).path("result").path("content").get(0).path("text").asString());
    assertFalse(results.get(1).path("result").path("isError").asBoolean(false), results.get(1).toString());
    assertTrue(results.get(1).toString().contains("A-1002"), results.get(1).toString());
    assertEquals(2, c.events("done").get(0).path("authorizations").asInt(), all);

    // what the server answered, as the client saw it: the 401, then 403 for find_orders, then 200 for it
    List<Integer> statuses = run.serverExchanges().stream().map(e -> e.path("status").asInt()).toList();
    assertEquals(1, statuses.stream().filter(s -> s == 401).count(), "one 401: " + statuses);
    assertEquals(1, statuses.stream().filter(s -> s == 403).count(), "one 403: " + statuses);
    int refused = statuses.indexOf(403);
    assertEquals(200, statuses.get(refused + 1), "the same call succeeded after the step-up: " + statuses);

    // and as the server recorded it (audit trail): no token, read_file by the person, find_orders refused for its
    // scope (the token's client named), find_orders by the same person
    List<JsonNode> audit = run.audit();
    assertEquals(List.of("auth_failed", "ok", "auth_failed", "ok"),
        audit.stream().map(a -> a.path("outcome").asString()).toList(), audit.toString());
    String sub = t1.path("sub").asString();
    assertTrue(audit.get(0).path("reason").asString().startsWith("missing_token (401)"), audit.get(0).toString());
    assertEquals("read_file", audit.get(1).path("tool").asString(), audit.get(1).toString());
    audit.subList(1, 4).forEach(a -> assertEquals(clientId, a.path("client").asString(), "the token's client: " + a));
    assertEquals(sub, audit.get(1).path("principal").asString(), audit.get(1).toString());
    assertEquals("find_orders", audit.get(2).path("tool").asString(), audit.get(2).toString());
    assertTrue(audit.get(2).path("reason").asString().startsWith("insufficient_scope (403)")
        && audit.get(2).path("reason").asString().contains("orders:read"), audit.get(2).toString());
    assertEquals(sub, audit.get(2).path("principal").asString(), audit.get(2).toString());
    assertEquals(clientId, audit.get(2).path("client").asString(), audit.get(2).toString());
    assertEquals("find_orders", audit.get(3).path("tool").asString(), audit.get(3).toString());
    assertEquals(sub, audit.get(3).path("principal").asString(), audit.get(3).toString());
  }

  // ---- helpers --------------------------------------------------------------------------------

  private static int indexWhere(List<String> list, java.util.function.Predicate<String> p) {
    for (int i = 0; i < list.size(); i++) {
      if (p.test(list.get(i))) {
        return i;
      }
    }
    return -1;
  }

  private static Map<String, String> query(String url) {
    Map<String, String> out = new LinkedHashMap<>();
    String q = URI.create(url).getRawQuery();
    for (String pair : q.split("&")) {
      int eq = pair.indexOf('=');
      out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return out;
  }

  private static List<String> audience(JsonNode claims) {
    JsonNode aud = claims.path("aud");
    return aud.isArray() ? strings(aud) : List.of(aud.asString());
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asString()));
    return out;
  }
}
