package dev.toolwarden.spring;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.toolwarden.spring.jwtapp.JwtDecoderApp;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
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
 * {@code toolwarden.oauth.jwt-decoder=spring}: a real Boot application on Tomcat whose tokens are verified by its own
 * Spring Security {@link NimbusJwtDecoder} (built from an RSA key this test generates, no issuer or audience validator
 * of its own), called by the Java SDK client and raw HTTP. Toolwarden's resource-server behaviour stays whole: aud
 * checked anyway, 401 for bad tokens, 403 step-up per tool, tools/list filtered, sessions bound, RFC 9728 metadata.
 */
class SpringJwtDecoderTest {

  private static final String ISSUER = "http://127.0.0.1/realms/test";
  private static final String RESOURCE = "http://127.0.0.1/mcp";
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
      + "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}";
  private static final String INITIALIZED = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}";
  private static final String CALL_FORMAL = "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":"
      + "{\"name\":\"greet_formally\",\"arguments\":{\"name\":\"Ada\"}}}";

  private static KeyPair keys;
  private static JwtDecoder decoder;
  private static ConfigurableApplicationContext context;
  private static String url;

  @BeforeAll
  static void start() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    keys = generator.generateKeyPair();
    decoder = NimbusJwtDecoder.withPublicKey((RSAPublicKey) keys.getPublic()).build();
    context = run(true, "--toolwarden.oauth.jwt-decoder=spring");
    url = "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort() + "/mcp";
  }

  @AfterAll
  static void stop() {
    if (context != null) {
      context.close();
    }
  }

  /** The application with the toolwarden.oauth settings, and the test's decoder as a bean when {@code withDecoder}. */
  private static ConfigurableApplicationContext run(boolean withDecoder, String... args) {
    SpringApplication app = new SpringApplication(JwtDecoderApp.class);
    if (withDecoder) {
      app.addInitializers(c -> c.getBeanFactory().registerSingleton("jwtDecoder", decoder));
    }
    List<String> all = new ArrayList<>(List.of("--server.port=0", "--server.address=127.0.0.1",
        "--spring.main.banner-mode=off", "--toolwarden.oauth.issuer=" + ISSUER, "--toolwarden.oauth.resource=" + RESOURCE));
    all.addAll(List.of(args));
    return app.run(all.toArray(String[]::new));
  }

  // ---- the good path --------------------------------------------------------------------------

  @Test
  void aGoodTokenWithTheRightAudienceCallsTheScopedTool() {
    try (McpSyncClient client = client(token(claims("alice", RESOURCE).claim("scope", "greet:formal")))) {
      client.initialize();
      List<String> names = client.listTools().tools().stream().map(McpSchema.Tool::name).sorted().toList();
      assertEquals(List.of("greet", "greet_formally", "slow_greet"), names);
      McpSchema.CallToolResult r = client.callTool(new McpSchema.CallToolRequest("greet_formally", Map.of("name", "Ada")));
      assertFalse(Boolean.TRUE.equals(r.isError()), r.toString());
      assertEquals("Good day, Ada.", ((McpSchema.TextContent) r.content().get(0)).text());
    }
  }

  @Test
  void scopesAreReadFromTheScpListToo() {
    try (McpSyncClient client = client(token(claims("alice", RESOURCE).claim("scp", List.of("greet:formal"))))) {
      client.initialize();
      McpSchema.CallToolResult r = client.callTool(new McpSchema.CallToolRequest("greet_formally", Map.of("name", "Bo")));
      assertEquals("Good day, Bo.", ((McpSchema.TextContent) r.content().get(0)).text());
    }
  }

  @Test
  void toolsListShowsOnlyTheToolsTheTokenMayCall() {
    try (McpSyncClient client = client(token(claims("alice", RESOURCE).claim("scope", "other")))) {
      client.initialize();
      List<String> names = client.listTools().tools().stream().map(McpSchema.Tool::name).sorted().toList();
      assertEquals(List.of("greet", "slow_greet"), names);
    }
  }

  // ---- 401 ------------------------------------------------------------------------------------

  @Test
  void aWrongAudienceIs401InvalidTokenThoughTheDecoderAcceptsIt() throws Exception {
    String other = token(claims("alice", "https://other.example/api").claim("scope", "greet:formal"));
    assertDoesNotThrow(() -> decoder.decode(other), "the application's decoder alone accepts it");
    assertInvalidToken(post(INITIALIZE, Map.of("Authorization", "Bearer " + other)), other);
    String none = token(new JWTClaimsSet.Builder().issuer(ISSUER).subject("alice")
        .expirationTime(Date.from(Instant.now().plusSeconds(300))).claim("scope", "greet:formal"));
    assertInvalidToken(post(INITIALIZE, Map.of("Authorization", "Bearer " + none)), none);
  }

  @Test
  void expiredTamperedAndForeignIssuerTokensAre401InvalidToken() throws Exception {
    String expired = token(claims("alice", RESOURCE).expirationTime(Date.from(Instant.now().minusSeconds(600))));
    assertInvalidToken(post(INITIALIZE, Map.of("Authorization", "Bearer " + expired)), expired);

    String good = token(claims("alice", RESOURCE).claim("scope", "other"));
    String[] parts = good.split("\\.");
    String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
        .replace("\"other\"", "\"greet:formal\"");
    String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
        .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    assertInvalidToken(post(INITIALIZE, Map.of("Authorization", "Bearer " + tampered)), tampered);

    String foreign = token(claims("alice", RESOURCE).issuer("http://127.0.0.1/realms/other"));
    assertInvalidToken(post(INITIALIZE, Map.of("Authorization", "Bearer " + foreign)), foreign);

    assertInvalidToken(post(INITIALIZE, Map.of("Authorization", "Bearer not-a-jwt")), "not-a-jwt");
  }

  @Test
  void noTokenIs401PointingAtTheProtectedResourceMetadata() throws Exception {
    HttpResponse<String> r = post(INITIALIZE, Map.of());
    assertEquals(401, r.statusCode());
    String challenge = r.headers().firstValue("WWW-Authenticate").orElseThrow();
    assertTrue(challenge.contains("resource_metadata=\"") && challenge.contains("/.well-known/oauth-protected-resource"),
        challenge);
    HttpResponse<String> metadata = HTTP.send(HttpRequest.newBuilder(URI.create(url.replace("/mcp",
        "/.well-known/oauth-protected-resource/mcp"))).timeout(Duration.ofSeconds(20)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, metadata.statusCode(), metadata.body());
    assertTrue(metadata.body().contains("\"resource\":\"" + RESOURCE + "\""), metadata.body());
    assertTrue(metadata.body().contains(ISSUER), metadata.body());
  }

  // ---- 403 step-up, sessions --------------------------------------------------------------------

  @Test
  void aMissingToolScopeIs403InsufficientScopeThenStepUpSucceeds() throws Exception {
    String weak = token(claims("alice", RESOURCE).claim("scope", "other"));
    String session = initialize(weak);
    HttpResponse<String> r = post(CALL_FORMAL, Map.of("Authorization", "Bearer " + weak, "Mcp-Session-Id", session));
    assertEquals(403, r.statusCode(), r.body());
    String challenge = r.headers().firstValue("WWW-Authenticate").orElseThrow();
    assertTrue(challenge.contains("error=\"insufficient_scope\""), challenge);
    assertTrue(challenge.contains("greet:formal"), challenge);

    String stronger = token(claims("alice", RESOURCE).claim("scope", "other greet:formal"));
    r = post(CALL_FORMAL, Map.of("Authorization", "Bearer " + stronger, "Mcp-Session-Id", session));
    assertEquals(200, r.statusCode(), r.body());
    assertTrue(r.body().contains("Good day, Ada."), r.body());
  }

  @Test
  void anotherSubjectsTokenCannotUseTheSession() throws Exception {
    String alice = token(claims("alice", RESOURCE).claim("scope", "greet:formal"));
    String session = initialize(alice);
    String mallory = token(claims("mallory", RESOURCE).claim("scope", "greet:formal"));
    HttpResponse<String> r = post(CALL_FORMAL, Map.of("Authorization", "Bearer " + mallory, "Mcp-Session-Id", session));
    assertEquals(404, r.statusCode(), r.body());
    r = post(CALL_FORMAL, Map.of("Authorization", "Bearer " + alice, "Mcp-Session-Id", session));
    assertEquals(200, r.statusCode(), r.body());
  }

  // ---- start-up errors --------------------------------------------------------------------------

  @Test
  void springWithoutAJwtDecoderBeanFailsTheStartNamingTheFix() {
    Throwable e = assertThrows(Throwable.class, () -> run(false, "--toolwarden.oauth.jwt-decoder=spring").close());
    String messages = chain(e);
    assertTrue(messages.contains("toolwarden.oauth.jwt-decoder=spring, but the application has no (single) JwtDecoder"
        + " bean"), messages);
    assertTrue(messages.contains("spring.security.oauth2.resourceserver.jwt.issuer-uri"), messages);
  }

  @Test
  void springWithIntrospectionModeFailsTheStartInsteadOfDroppingIntrospection() {
    Throwable e = assertThrows(Throwable.class, () -> run(true, "--toolwarden.oauth.jwt-decoder=spring",
        "--toolwarden.oauth.mode=introspection").close());
    assertTrue(chain(e).contains("toolwarden.oauth.jwt-decoder=spring verifies tokens locally with the application's"
        + " JwtDecoder, but toolwarden.oauth.mode=introspection"), chain(e));
  }

  @Test
  void anUnknownChoiceFailsTheStart() {
    Throwable e = assertThrows(Throwable.class, () -> run(true, "--toolwarden.oauth.jwt-decoder=spring-security").close());
    assertTrue(chain(e).contains("invalid toolwarden.oauth.jwt-decoder = 'spring-security'"), chain(e));
  }

  // ---- helpers ----------------------------------------------------------------------------------

  private static JWTClaimsSet.Builder claims(String subject, String audience) {
    return new JWTClaimsSet.Builder().issuer(ISSUER).subject(subject).audience(audience)
        .issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(300)));
  }

  private static String token(JWTClaimsSet.Builder claims) {
    try {
      SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims.build());
      jwt.sign(new RSASSASigner(keys.getPrivate()));
      return jwt.serialize();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void assertInvalidToken(HttpResponse<String> r, String token) {
    assertEquals(401, r.statusCode(), r.body());
    String challenge = r.headers().firstValue("WWW-Authenticate").orElseThrow();
    assertTrue(challenge.contains("error=\"invalid_token\""), challenge);
    assertFalse(challenge.contains(token) || r.body().contains(token), "the answer never carries the token");
    assertFalse(r.body().contains("Exception") || challenge.contains("Exception"), r.body() + challenge);
  }

  private static McpSyncClient client(String token) {
    return McpClient.sync(HttpClientStreamableHttpTransport.builder(url.replace("/mcp", "")).endpoint("/mcp")
            .httpRequestCustomizer((b, method, uri, body, ctx) -> b.header("Authorization", "Bearer " + token)).build())
        .requestTimeout(Duration.ofSeconds(20)).build();
  }

  private static String initialize(String token) throws Exception {
    HttpResponse<String> r = post(INITIALIZE, Map.of("Authorization", "Bearer " + token));
    assertEquals(200, r.statusCode(), r.body());
    String session = r.headers().firstValue("Mcp-Session-Id").orElseThrow();
    assertEquals(202, post(INITIALIZED, Map.of("Authorization", "Bearer " + token, "Mcp-Session-Id", session)).statusCode());
    return session;
  }

  private static HttpResponse<String> post(String body, Map<String, String> headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
        .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream");
    headers.forEach(b::header);
    return HTTP.send(b.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String chain(Throwable e) {
    StringBuilder b = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      b.append(t).append('\n');
    }
    return b.toString();
  }
}
