package dev.toolwarden.runtime.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwarden.runtime.RunningServer;
import dev.toolwarden.runtime.Toolwarden;
import dev.toolwarden.runtime.auth.ResourceServer;
import dev.toolwarden.runtime.auth.TestTokens;
import dev.toolwarden.runtime.testtools.EchoTools;
import dev.toolwarden.runtime.testtools.TestTls;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** HTTPS from a keystore whose password is a secret, and CORS (off by default, exact allowlist when on). */
class TlsAndCorsTest {

  /** Surefire points this secret's _FILE form at target/test-tls/password (see the runtime pom). */
  private static final String PASSWORD_SECRET = "TOOLWARDEN_TEST_TLS_PASSWORD";

  @Test
  void servesHttpsFromAKeystoreWithItsPasswordFromTheEnvironment() throws Exception {
    String passwordFile = System.getenv(PASSWORD_SECRET + "_FILE");
    Assumptions.assumeTrue(passwordFile != null, "run through Maven (surefire sets " + PASSWORD_SECRET + "_FILE)");
    Path dir = Path.of(passwordFile).getParent();
    Files.createDirectories(dir);
    byte[] random = new byte[18];
    new SecureRandom().nextBytes(random);
    String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    Files.writeString(Path.of(passwordFile), password);
    Path keystore = dir.resolve("keystore-" + System.nanoTime() + ".p12");
    TestTls.keystore(keystore, password, "127.0.0.1", "ip:127.0.0.1,dns:localhost");

    TestTokens[] issued = new TestTokens[1];
    try (RunningServer server = FreePort.start(port -> {
      issued[0] = new TestTokens("https://127.0.0.1:" + port + "/mcp");
      return Toolwarden.server("tls-test", "1.0.0").tools(new EchoTools())
          .http(HttpOptions.loopback(port).tls(keystore, PASSWORD_SECRET)
              .oauth(ResourceServer.custom(TestTokens.ISSUER, issued[0].resource, issued[0].verifier())));
    })) {
      TestTokens as = issued[0];
      String resource = as.resource;
      assertEquals(resource, server.url());
      SSLContext ssl = TestTls.trusting(keystore, password);
      HttpClient https = HttpClient.newBuilder().sslContext(ssl).connectTimeout(Duration.ofSeconds(5)).build();
      HttpResponse<String> prm = https.send(HttpRequest.newBuilder(
          URI.create("https://127.0.0.1:" + server.port() + "/.well-known/oauth-protected-resource/mcp")).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, prm.statusCode());
      assertTrue(prm.body().contains("\"resource\":\"" + resource + "\""), prm.body());
      HttpResponse<String> unauthenticated = https.send(HttpRequest.newBuilder(URI.create(resource))
          .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
          .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(401, unauthenticated.statusCode());
      assertTrue(unauthenticated.headers().firstValue("WWW-Authenticate").orElseThrow()
          .contains("resource_metadata=\"https://127.0.0.1:" + server.port() + "/.well-known/oauth-protected-resource/mcp\""));
    } finally {
      Files.deleteIfExists(keystore);
      Files.deleteIfExists(Path.of(passwordFile));
    }
  }

  @Test
  void corsIsOffByDefaultAndAnExactAllowlistWhenOn() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    try (RunningServer plain = Toolwarden.server("cors-off", "1.0.0").tools(new EchoTools()).http(HttpOptions.loopback(0));
         RunningServer cors = Toolwarden.server("cors-on", "1.0.0").tools(new EchoTools())
             .http(HttpOptions.loopback(0).cors("https://app.example.com"))) {
      HttpResponse<String> off = http.send(preflight(plain.url(), "https://app.example.com"), HttpResponse.BodyHandlers.ofString());
      assertFalse(off.headers().firstValue("Access-Control-Allow-Origin").isPresent(), off.headers().toString());

      HttpResponse<String> on = http.send(preflight(cors.url(), "https://app.example.com"), HttpResponse.BodyHandlers.ofString());
      assertEquals(204, on.statusCode());
      assertEquals("https://app.example.com", on.headers().firstValue("Access-Control-Allow-Origin").orElseThrow());
      assertTrue(on.headers().firstValue("Access-Control-Allow-Headers").orElseThrow().contains("Authorization"));
      assertTrue(on.headers().firstValue("Access-Control-Allow-Headers").orElseThrow().contains("Mcp-Session-Id"));
      // a 2026-07-28 browser client sends both on every request: without them its preflight fails
      assertTrue(on.headers().firstValue("Access-Control-Allow-Headers").orElseThrow().contains("Mcp-Method"));
      assertTrue(on.headers().firstValue("Access-Control-Allow-Headers").orElseThrow().contains("Mcp-Name"));
      assertFalse(on.headers().firstValue("Access-Control-Allow-Credentials").isPresent());

      HttpResponse<String> foreign = http.send(preflight(cors.url(), "https://evil.example.com"), HttpResponse.BodyHandlers.ofString());
      assertEquals(403, foreign.statusCode());
      assertFalse(foreign.headers().firstValue("Access-Control-Allow-Origin").isPresent());

      HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create(cors.url()))
          .header("Origin", "https://app.example.com")
          .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
          .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
              + "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"b\",\"version\":\"1\"}}}"))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, post.statusCode(), post.body());
      assertEquals("https://app.example.com", post.headers().firstValue("Access-Control-Allow-Origin").orElseThrow());
      assertTrue(post.headers().firstValue("Access-Control-Expose-Headers").orElseThrow().contains("Mcp-Session-Id"));
      assertTrue(post.headers().firstValue("Access-Control-Expose-Headers").orElseThrow().contains("WWW-Authenticate"));
    }
  }

  private static HttpRequest preflight(String url, String origin) {
    return HttpRequest.newBuilder(URI.create(url)).method("OPTIONS", HttpRequest.BodyPublishers.noBody())
        .header("Origin", origin).header("Access-Control-Request-Method", "POST")
        .header("Access-Control-Request-Headers", "authorization, content-type").build();
  }
}
