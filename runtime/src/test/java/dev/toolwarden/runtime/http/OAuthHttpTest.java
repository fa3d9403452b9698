package dev.toolwarden.runtime.http;

import dev.toolwarden.runtime.internal.http.HttpTransportTest;
import dev.toolwarden.runtime.internal.http.HttpTransport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwarden.runtime.RunningServer;
import dev.toolwarden.runtime.Toolwarden;
import dev.toolwarden.runtime.ToolwardenStartupException;
import dev.toolwarden.runtime.internal.auth.AuthFailure;
import dev.toolwarden.runtime.internal.auth.ResourceServerAccess;
import dev.toolwarden.runtime.auth.ResourceServer;
import dev.toolwarden.runtime.auth.TestTokens;
import dev.toolwarden.runtime.testtools.EchoTools;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** OAuth on the Streamable HTTP transport, with tokens signed by a test key. */
class OAuthHttpTest {

  private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
      + "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}";
  private static final String INITIALIZED = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}";
  private static final String LIST = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}";
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private static final List<AuthFailure> EVENTS = new CopyOnWriteArrayList<>();
  private static RunningServer server;
  private static RunningServer unfiltered;
  private static TestTokens as;
  private static String resource;

  @BeforeAll
  static void start() {
    // sessions live long enough for any test on a busy machine; idleSessionsExpire has its own server
    server = FreePort.start(port -> {
      resource = "http://127.0.0.1:" + port + "/mcp";
      as = new TestTokens(resource);
      return oauthServer(port, as, Duration.ofMinutes(10));
    });
    unfiltered = FreePort.start(port -> {
      unfilteredTokens = new TestTokens("http://127.0.0.1:" + port + "/mcp");
      return Toolwarden.server("oauth-test", "1.0.0")
          .tools(new EchoTools())
          .http(HttpOptions.loopback(port).oauth(ResourceServer.custom(TestTokens.ISSUER, unfilteredTokens.resource,
              unfilteredTokens.verifier()).filterToolsList(false)));
    });
  }

  private static RunningServer oauthServer(int port, TestTokens tokens, Duration sessionIdleTimeout) {
    return Toolwarden.server("oauth-test", "1.0.0")
        .tools(new EchoTools())
        .http(HttpOptions.loopback(port).oauth(ResourceServerAccess.withEvents(
            ResourceServer.custom(TestTokens.ISSUER, tokens.resource, tokens.verifier())
                .sessionIdleTimeout(sessionIdleTimeout)
                .resourceName("OAuth test"),
            EVENTS::add)));
  }

  private static TestTokens unfilteredTokens;

  @AfterAll
  static void stop() {
    for (RunningServer s : new RunningServer[] {server, unfiltered}) {
      if (s != null) {
        s.close();
      }
    }
  }

  @BeforeEach
  void clearEvents() {
    EVENTS.clear();
  }

  // ---- 401 / 400 ------------------------------------------------------------------------------

  @Test
  void noTokenIs401WithResourceMetadataAndScope() throws Exception {
    HttpResponse<String> r = post(INITIALIZE, Map.of());
    assertEquals(401, r.statusCode());
    String challenge = r.headers().firstValue("WWW-Authenticate").orElseThrow();
    assertEquals("Bearer resource_metadata=\"http://127.0.0.1:" + server.port()
        + "/.well-known/oauth-protected-resource/mcp\", scope=\"admin echo:use math:use\"", challenge);
    HttpTransportTest.assertSafe(r.body());
    assertEquals(AuthFailure.Kind.MISSING_TOKEN, EVENTS.get(0).kind());
  }

  @Test
  void otherSchemesAreNoBearerCredential() throws Exception {
    HttpResponse<String> r = post(INITIALIZE, Map.of("Authorization", "Basic YWxpY2U6cGFzc3dvcmQ="));
    assertEquals(401, r.statusCode());
    assertFalse(r.headers().firstValue("WWW-Authenticate").orElseThrow().contains("error="));
  }

  @Test
  void invalidTokensAre401InvalidToken() throws Exception {
    for (String token : List.of("garbage", as.token(b -> b.audience("https://elsewhere/mcp")),
        as.token(b -> b.issuer("http://127.0.0.1:1/realms/other")), "a b", "\u00e9t\u00e9")) {
      HttpResponse<String> r = post(INITIALIZE, Map.of("Authorization", "Bearer " + token));
      assertEquals(401, r.statusCode(), token);
      String challenge = r.headers().firstValue("WWW-Authenticate").orElseThrow();
      assertTrue(challenge.startsWith("Bearer resource_metadata=\""), challenge);
      assertTrue(challenge.contains("error=\"invalid_token\""), challenge);
      assertFalse(r.body().contains(token), "the body never echoes the token");
    }
    assertEquals(5, EVENTS.size());
    for (AuthFailure e : EVENTS) {
      assertEquals(AuthFailure.Kind.INVALID_TOKEN, e.kind());
    }
  }

  @Test
  void tokenInTheQueryStringIsRefused() throws Exception {
    String token = as.token("alice", "echo:use");
    HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(server.url() + "?access_token=" + token))
        .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
        .POST(HttpRequest.BodyPublishers.ofString(INITIALIZE)));
    assertEquals(400, r.statusCode());
    assertTrue(r.headers().firstValue("WWW-Authenticate").orElseThrow().contains("error=\"invalid_request\""));
    // even together with a valid header
    r = send(HttpRequest.newBuilder(URI.create(server.url() + "?access_token=" + token))
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
        .POST(HttpRequest.BodyPublishers.ofString(INITIALIZE)));
    assertEquals(400, r.statusCode());
    assertEquals(AuthFailure.Kind.INVALID_REQUEST, EVENTS.get(0).kind());
  }

  @Test
  void tokenInAFormBodyIsNotACredential() throws Exception {
    String token = as.token("alice", "echo:use");
    HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(server.url()))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("access_token=" + token)));
    assertEquals(401, r.statusCode());
  }

  // ---- metadata -------------------------------------------------------------------------------

  @Test
  void protectedResourceMetadataAtBothWellKnownUrls() throws Exception {
    for (String path : List.of("/.well-known/oauth-protected-resource", "/.well-known/oauth-protected-resource/mcp")) {
      HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).GET());
      assertEquals(200, r.statusCode(), path);
      assertEquals("{\"resource\":\"" + resource + "\",\"authorization_servers\":[\"" + TestTokens.ISSUER
          + "\"],\"scopes_supported\":[\"admin\",\"echo:use\",\"math:use\"],\"bearer_methods_supported\":[\"header\"],"
          + "\"resource_name\":\"OAuth test\"}", r.body());
      assertTrue(r.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
    }
    HttpResponse<String> r = send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + server.port() + "/.well-known/oauth-protected-resource/other")).GET());
    assertEquals(404, r.statusCode());
  }

  // ---- valid tokens, scopes, step-up ----------------------------------------------------------

  @Test
  void sdkClientWithATokenListsOnlyItsToolsAndCallsThem() {
    String token = as.token("alice", "echo:use");
    try (McpSyncClient client = client(server, token)) {
      client.initialize();
      List<String> names = client.listTools().tools().stream().map(McpSchema.Tool::name).toList();
      assertTrue(names.contains("echo"), names.toString());
      assertTrue(names.contains("nothing"), "tools without scopes are listed: " + names);
      assertFalse(names.contains("add"), names.toString());
      assertFalse(names.contains("admin_only"), names.toString());
      McpSchema.CallToolResult r = client.callTool(new McpSchema.CallToolRequest("echo", Map.of("text", "hi")));
      assertFalse(Boolean.TRUE.equals(r.isError()));
      McpSchema.CallToolResult who = client.callTool(new McpSchema.CallToolRequest("stray_print", Map.of()));
      assertEquals("printed by alice in stray_print", ((McpSchema.TextContent) who.content().get(0)).text(),
          "the token's subject reaches ToolContext.principal()");
    }
  }

  @Test
  void filteringCanBeTurnedOff() {
    try (McpSyncClient client = client(unfiltered, unfilteredTokens.token("alice", "echo:use"))) {
      client.initialize();
      List<String> names = client.listTools().tools().stream().map(McpSchema.Tool::name).toList();
      assertTrue(names.contains("admin_only"), names.toString());
      // hidden or not, the call is still refused by scope
      McpSchema.CallToolResult r = assertDoesNotThrowCall(client);
      assertNotNull(r);
    }
  }

  private static McpSchema.CallToolResult assertDoesNotThrowCall(McpSyncClient client) {
    try {
      return client.callTool(new McpSchema.CallToolRequest("admin_only", Map.of()));
    } catch (RuntimeException e) {
      return McpSchema.CallToolResult.builder().isError(true).build(); // the 403 surfaces as a transport error
    }
  }

  @Test
  void missingToolScopeIs403InsufficientScopeThenStepUpSucceeds() throws Exception {
    String weak = as.token("alice", "echo:use");
    String session = initialize(weak);
    String call = "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"add\","
        + "\"arguments\":{\"a\":1,\"b\":2}}}";
    HttpResponse<String> r = post(call, Map.of("Authorization", "Bearer " + weak, "Mcp-Session-Id", session));
    assertEquals(403, r.statusCode());
    String challenge = r.headers().firstValue("WWW-Authenticate").orElseThrow();
    // tool names are secret while tools/list hides them: the challenge asks for the public scope list
    // (scopes_supported), never for the tool's own scopes, which would tell it from an unknown tool
    assertEquals("Bearer resource_metadata=\"http://127.0.0.1:" + server.port()
        + "/.well-known/oauth-protected-resource/mcp\", scope=\"admin echo:use math:use\", error=\"insufficient_scope\","
        + " error_description=\"The access token lacks a scope this call requires\"", challenge);
    AuthFailure event = EVENTS.get(EVENTS.size() - 1);
    assertEquals(AuthFailure.Kind.INSUFFICIENT_SCOPE, event.kind());
    assertEquals("add", event.tool());
    assertEquals(List.of("math:use"), event.requiredScopes());
    assertEquals("alice", event.subject());

    String stronger = as.token("alice", "echo:use math:use");
    r = post(call, Map.of("Authorization", "Bearer " + stronger, "Mcp-Session-Id", session));
    assertEquals(200, r.statusCode(), r.body());
    assertTrue(r.body().contains("\"structuredContent\":{\"result\":3}") || r.body().contains("3"), r.body());
  }

  // ---- sessions -------------------------------------------------------------------------------

  @Test
  void anotherSubjectsSessionIsRefused() throws Exception {
    String alice = as.token("alice", "echo:use");
    String session = initialize(alice);
    String mallory = as.token("mallory", "echo:use");
    HttpResponse<String> r = post(LIST, Map.of("Authorization", "Bearer " + mallory, "Mcp-Session-Id", session));
    assertEquals(404, r.statusCode());
    assertEquals(AuthFailure.Kind.SESSION_OF_ANOTHER_PRINCIPAL, EVENTS.get(EVENTS.size() - 1).kind());
    assertEquals("mallory", EVENTS.get(EVENTS.size() - 1).subject());
    // the owner's session is untouched
    r = post(LIST, Map.of("Authorization", "Bearer " + alice, "Mcp-Session-Id", session));
    assertEquals(200, r.statusCode());
    // a session id this server never issued is refused too
    r = post(LIST, Map.of("Authorization", "Bearer " + alice, "Mcp-Session-Id", "made-up"));
    assertEquals(404, r.statusCode());
  }

  @Test
  void idleSessionsExpire() throws Exception {
    // the sleep is longer than the idle timeout however slow the machine: a busy one only waits longer
    TestTokens[] tokens = new TestTokens[1];
    try (RunningServer shortLived = FreePort.start(port -> {
      tokens[0] = new TestTokens("http://127.0.0.1:" + port + "/mcp");
      return oauthServer(port, tokens[0], Duration.ofSeconds(1));
    })) {
      String alice = tokens[0].token("alice", "echo:use");
      String session = initialize(shortLived.url(), alice);
      Thread.sleep(1500);
      HttpResponse<String> r = post(shortLived.url(), LIST,
          Map.of("Authorization", "Bearer " + alice, "Mcp-Session-Id", session));
      assertEquals(404, r.statusCode());
      assertEquals(AuthFailure.Kind.SESSION_EXPIRED, EVENTS.get(EVENTS.size() - 1).kind());
      r = post(shortLived.url(), LIST, Map.of("Authorization", "Bearer " + alice, "Mcp-Session-Id", session));
      assertEquals(404, r.statusCode(), "stays gone");
    }
  }

  @Test
  void auditEventsNeverCarryTheToken() throws Exception {
    String token = as.token("alice", "echo:use");
    post(INITIALIZE, Map.of("Authorization", "Bearer " + token + "x"));
    post(INITIALIZE + "", Map.of("Authorization", "Bearer " + as.token(b -> b.audience("x"))));
    assertFalse(EVENTS.isEmpty());
    for (AuthFailure e : EVENTS) {
      assertFalse(e.toString().contains(token), e.toString());
      assertNull(e.tool());
    }
  }

  // ---- start-up refusals ----------------------------------------------------------------------

  @Test
  void secureDefaultsRefuseToStart() {
    ResourceServer rs = ResourceServer.jwt("https://id.example.com/realms/a", "https://mcp.example.com/mcp");
    ToolwardenStartupException noTls = assertThrows(ToolwardenStartupException.class,
        () -> HttpTransport.check(HttpOptions.bind("0.0.0.0", 0).oauth(rs).allowedOrigins("https://app.example.com")));
    assertTrue(noTls.getMessage().contains("plain HTTP"), noTls.getMessage());
    ToolwardenStartupException noOrigins = assertThrows(ToolwardenStartupException.class,
        () -> HttpTransport.check(HttpOptions.bind("0.0.0.0", 0).oauth(rs).behindTlsProxy()));
    assertTrue(noOrigins.getMessage().contains("Origin allowlist"), noOrigins.getMessage());
    HttpTransport.check(HttpOptions.bind("0.0.0.0", 0).oauth(rs).behindTlsProxy().allowedOrigins("https://app.example.com"));
    ToolwardenStartupException httpResource = assertThrows(ToolwardenStartupException.class,
        () -> HttpTransport.check(HttpOptions.loopback(0).oauth(
            ResourceServer.jwt("https://id.example.com/realms/a", "http://mcp.example.com/mcp"))));
    assertTrue(httpResource.getMessage().contains("must use https"), httpResource.getMessage());
    assertThrows(ToolwardenStartupException.class, () -> HttpTransport.check(HttpOptions.loopback(0).oauth(
        ResourceServer.jwt("http://id.example.com/realms/a", "https://mcp.example.com/mcp"))));
  }

  // ---- helpers --------------------------------------------------------------------------------

  static McpSyncClient client(RunningServer s, String token) {
    return McpClient.sync(HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + s.port())
            .endpoint("/mcp")
            .httpRequestCustomizer((builder, method, uri, body, context) -> builder.header("Authorization", "Bearer " + token))
            .build())
        .requestTimeout(Duration.ofSeconds(20))
        .build();
  }

  private static String initialize(String token) throws Exception {
    return initialize(server.url(), token);
  }

  private static String initialize(String url, String token) throws Exception {
    HttpResponse<String> r = post(url, INITIALIZE, Map.of("Authorization", "Bearer " + token));
    assertEquals(200, r.statusCode(), r.body());
    String session = r.headers().firstValue("Mcp-Session-Id").orElseThrow();
    Map<String, String> h = new HashMap<>(Map.of("Authorization", "Bearer " + token, "Mcp-Session-Id", session));
    assertEquals(202, post(url, INITIALIZED, h).statusCode());
    return session;
  }

  private static HttpResponse<String> post(String body, Map<String, String> headers) throws Exception {
    return post(server.url(), body, headers);
  }

  private static HttpResponse<String> post(String url, String body, Map<String, String> headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
        .header("Content-Type", "application/json")
        .header("Accept", "application/json, text/event-stream")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(b::header);
    return send(b);
  }

  private static HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
    return HTTP.send(b.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
  }

}
