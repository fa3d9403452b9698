package dev.toolwarden.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.toolwarden.spring.secureapp.SecuredApp;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * An application whose Spring Security chain authenticates every request with its own resource server
 * ({@link SecuredApp}): with Toolwarden as the OAuth resource server of the MCP endpoint, that chain leaves the endpoint
 * and its RFC 9728 metadata to Toolwarden — the answers are Toolwarden's (401 naming the metadata, 403 step-up), not
 * Spring Security's — while it still guards every other path. Without Toolwarden's OAuth, the chain guards the
 * endpoint like any other path.
 */
class SpringSecurityFilterChainTest {

  private static final String ISSUER = "http://127.0.0.1/realms/test";
  private static final String RESOURCE = "http://127.0.0.1/mcp";
  /** Where the challenge points: the metadata URL of the configured resource. */
  private static final String METADATA = "http://127.0.0.1/.well-known/oauth-protected-resource/mcp";
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
      + "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}";
  private static final String CALL_FORMAL = "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":"
      + "{\"name\":\"greet_formally\",\"arguments\":{\"name\":\"Ada\"}}}";

  private static KeyPair keys;
  private static JwtDecoder decoder;
  private static ConfigurableApplicationContext context;
  private static String base;

  @BeforeAll
  static void start() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    keys = generator.generateKeyPair();
    decoder = NimbusJwtDecoder.withPublicKey((RSAPublicKey) keys.getPublic()).build();
    context = run("--toolwarden.oauth.issuer=" + ISSUER, "--toolwarden.oauth.resource=" + RESOURCE,
        "--toolwarden.oauth.jwt-decoder=spring");
    base = "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
  }

  @AfterAll
  static void stop() {
    if (context != null) {
      context.close();
    }
  }

  private static ConfigurableApplicationContext run(String... args) {
    return run(c -> { }, args);
  }

  private static ConfigurableApplicationContext run(
      org.springframework.context.ApplicationContextInitializer<ConfigurableApplicationContext> extra, String... args) {
    SpringApplication app = new SpringApplication(SecuredApp.class);
    app.addInitializers(c -> c.getBeanFactory().registerSingleton("jwtDecoder", decoder), extra);
    List<String> all = new ArrayList<>(List.of("--server.port=0", "--server.address=127.0.0.1",
        "--spring.main.banner-mode=off"));
    all.addAll(List.of(args));
    return app.run(all.toArray(String[]::new));
  }

  @Test
  void noTokenGetsToolwardensChallengeNamingTheMetadataNotSpringSecuritys() throws Exception {
    HttpResponse<String> r = post(base + "/mcp", INITIALIZE, Map.of());
    assertEquals(401, r.statusCode(), r.body());
    assertEquals("Bearer resource_metadata=\"" + METADATA + "\", scope=\"greet:formal\"", challenge(r));
  }

  @Test
  void theProtectedResourceMetadataIsServedWithoutAToken() throws Exception {
    for (String path : List.of("/.well-known/oauth-protected-resource/mcp", "/.well-known/oauth-protected-resource")) {
      HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20))
          .GET().build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, r.statusCode(), path + ": " + r.body());
      // Toolwarden's document (Spring Security 7's resource server would serve one of its own at these paths)
      assertTrue(r.body().contains("\"resource\":\"" + RESOURCE + "\""), r.body());
      assertTrue(r.body().contains("\"scopes_supported\":[\"greet:formal\"]"), r.body());
    }
  }

  @Test
  void aBadTokenIsToolwardensInvalidTokenChallenge() throws Exception {
    HttpResponse<String> r = post(base + "/mcp", INITIALIZE, Map.of("Authorization", "Bearer not-a-jwt"));
    assertEquals(401, r.statusCode(), r.body());
    assertTrue(challenge(r).startsWith("Bearer resource_metadata=\"" + METADATA + "\""), challenge(r));
    assertTrue(challenge(r).contains("error=\"invalid_token\""), challenge(r));
    // a token the application's chain would accept, for another audience: Toolwarden refuses it
    String otherAudience = token("alice", "https://other.example/api", "greet:formal");
    HttpResponse<String> foreign = post(base + "/mcp", INITIALIZE, Map.of("Authorization", "Bearer " + otherAudience));
    assertEquals(401, foreign.statusCode(), foreign.body());
    assertTrue(challenge(foreign).contains("error=\"invalid_token\""), challenge(foreign));
  }

  @Test
  void aGoodTokenCallsTheToolAndAWeakOneGetsToolwardensStepUp() throws Exception {
    try (McpSyncClient client = McpClient.sync(HttpClientStreamableHttpTransport.builder(base).endpoint("/mcp")
            .httpRequestCustomizer((b, method, uri, body, ctx) -> b.header("Authorization", "Bearer "
                + token("alice", RESOURCE, "greet:formal"))).build())
        .requestTimeout(Duration.ofSeconds(20)).build()) {
      client.initialize();
      McpSchema.CallToolResult r = client.callTool(new McpSchema.CallToolRequest("greet_formally", Map.of("name", "Ada")));
      assertEquals("Good day, Ada.", ((McpSchema.TextContent) r.content().get(0)).text());
    }
    String weak = token("alice", RESOURCE, "other");
    HttpResponse<String> init = post(base + "/mcp", INITIALIZE, Map.of("Authorization", "Bearer " + weak));
    assertEquals(200, init.statusCode(), init.body());
    String session = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
    HttpResponse<String> refused = post(base + "/mcp", CALL_FORMAL, Map.of("Authorization", "Bearer " + weak,
        "Mcp-Session-Id", session));
    assertEquals(403, refused.statusCode(), refused.body());
    assertTrue(challenge(refused).contains("error=\"insufficient_scope\""), challenge(refused));
  }

  @Test
  void theApplicationsChainStillGuardsItsOtherPaths() throws Exception {
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + SecuredApp.HELLO))
        .timeout(Duration.ofSeconds(20)).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(401, r.statusCode(), r.body());
    // Spring Security's resource-server challenge (since 7.0 it names metadata of its own), not Toolwarden's
    assertTrue(challenge(r).startsWith("Bearer"), challenge(r));
    assertFalse(challenge(r).contains("scope="), challenge(r));
    HttpResponse<String> ok = HTTP.send(HttpRequest.newBuilder(URI.create(base + SecuredApp.HELLO))
        .header("Authorization", "Bearer " + token("alice", RESOURCE, "other"))
        .timeout(Duration.ofSeconds(20)).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, ok.statusCode(), ok.body());
    assertEquals("hello", ok.body());
  }

  @Test
  void withoutToolwardensOAuthTheApplicationsChainGuardsTheEndpoint() throws Exception {
    try (ConfigurableApplicationContext plain = run()) {
      String url = "http://127.0.0.1:" + ((WebServerApplicationContext) plain).getWebServer().getPort() + "/mcp";
      HttpResponse<String> r = post(url, INITIALIZE, Map.of());
      // Spring Security answers, not Toolwarden: a POST without a token is its CSRF refusal
      assertEquals(403, r.statusCode(), r.body());
      assertFalse(r.headers().firstValue("WWW-Authenticate").orElse("").contains("resource_metadata"));
      HttpResponse<String> badToken = post(url, INITIALIZE, Map.of("Authorization", "Bearer not-a-jwt"));
      assertEquals(401, badToken.statusCode(), badToken.body());
      assertTrue(challenge(badToken).startsWith("Bearer error=\"invalid_token\""), "Spring Security's: "
          + challenge(badToken));
      HttpResponse<String> withToken = post(url, INITIALIZE, Map.of("Authorization", "Bearer "
          + token("alice", RESOURCE, "greet:formal")));
      assertEquals(200, withToken.statusCode(), "the application's chain let its token through: " + withToken.body());
      assertFalse(withToken.headers().firstValue("WWW-Authenticate").isPresent());
    }
  }

  @Test
  void withoutToolwardensOAuthASessionBelongsToTheUserTheApplicationsChainAuthenticated() throws Exception {
    // before: every user the application's chain let through was Toolwarden's one local principal, so bob could use
    // alice's session (and their sessions, per-principal rate limits and audit principal were one and the same)
    java.util.Queue<dev.toolwarden.runtime.audit.AuditEvent> audit = new java.util.concurrent.ConcurrentLinkedQueue<>();
    try (ConfigurableApplicationContext plain = run(c -> c.getBeanFactory().registerSingleton("auditSink",
        (dev.toolwarden.runtime.audit.AuditSink) audit::add))) {
      String url = "http://127.0.0.1:" + ((WebServerApplicationContext) plain).getWebServer().getPort() + "/mcp";
      String alice = "Bearer " + token("alice", RESOURCE, "other");
      String bob = "Bearer " + token("bob", RESOURCE, "other");
      HttpResponse<String> init = post(url, INITIALIZE, Map.of("Authorization", alice));
      assertEquals(200, init.statusCode(), init.body());
      String session = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
      String list = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}";
      HttpResponse<String> own = post(url, list, Map.of("Authorization", alice, "Mcp-Session-Id", session));
      assertEquals(200, own.statusCode(), own.body());
      HttpResponse<String> stolen = post(url, list, Map.of("Authorization", bob, "Mcp-Session-Id", session));
      assertEquals(404, stolen.statusCode(), "bob used alice's session: " + stolen.body());
      assertTrue(stolen.body().contains("\"code\":-32001"), stolen.body());
      // the audit trail names the user who called (with the local caller's grants: the call is allowed)
      HttpResponse<String> call = post(url, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":"
          + "{\"name\":\"greet\",\"arguments\":{\"name\":\"Ada\"}}}", Map.of("Authorization", alice,
          "Mcp-Session-Id", session));
      assertEquals(200, call.statusCode(), call.body());
      assertTrue(call.body().contains("Hello, Ada!"), call.body());
      assertEquals(List.of("alice"), audit.stream().filter(e -> "greet".equals(e.tool()))
          .map(dev.toolwarden.runtime.audit.AuditEvent::principal).toList(), audit.toString());
    }
  }

  private static String token(String subject, String audience, String scope) {
    try {
      JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(ISSUER).subject(subject).audience(audience)
          .issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(300))).claim("scope", scope).build();
      SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
      jwt.sign(new RSASSASigner(keys.getPrivate()));
      return jwt.serialize();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String challenge(HttpResponse<String> r) {
    return r.headers().firstValue("WWW-Authenticate").orElseThrow(() -> new AssertionError("no WWW-Authenticate on "
        + r.statusCode() + ": " + r.body()));
  }

  private static HttpResponse<String> post(String url, String body, Map<String, String> headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
        .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream");
    headers.forEach(b::header);
    return HTTP.send(b.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
