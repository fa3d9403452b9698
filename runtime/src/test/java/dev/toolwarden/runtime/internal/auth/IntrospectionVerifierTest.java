package dev.toolwarden.runtime.internal.auth;

import dev.toolwarden.runtime.auth.TokenRejectedException;
import dev.toolwarden.runtime.auth.VerifiedToken;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.toolwarden.runtime.auth.TokenRejectedException.Reason;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** RFC 7662 introspection against a small endpoint that plays the authorization server. */
class IntrospectionVerifierTest {

  private static final String ISSUER = "http://127.0.0.1:1/realms/test";
  private static final String RESOURCE = "https://mcp.example.com/mcp";

  private HttpServer server;
  private URI endpoint;
  private final String clientSecret = random();
  private final Map<String, String> answers = new ConcurrentHashMap<>();
  private final AtomicInteger calls = new AtomicInteger();
  private volatile int status = 200;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/introspect", exchange -> {
      calls.incrementAndGet();
      String expected = "Basic " + Base64.getEncoder().encodeToString(("rs-client:" + clientSecret)
          .getBytes(StandardCharsets.UTF_8));
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      String token = null;
      for (String pair : body.split("&")) {
        if (pair.startsWith("token=")) {
          token = URLDecoder.decode(pair.substring(6), StandardCharsets.UTF_8);
        }
      }
      boolean authenticated = expected.equals(exchange.getRequestHeaders().getFirst("Authorization"));
      String answer = !authenticated ? "{\"error\":\"invalid_client\"}" : answers.getOrDefault(token, "{\"active\":false}");
      byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(authenticated ? status : 401, bytes.length);
      exchange.getResponseBody().write(bytes);
      exchange.close();
    });
    server.start();
    endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/introspect");
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private IntrospectionVerifier verifier(String secret, Duration cache) {
    return new IntrospectionVerifier(() -> endpoint, "rs-client", secret, ISSUER, RESOURCE, Duration.ofSeconds(5), cache,
        HttpClient.newHttpClient(), Clock.systemUTC());
  }

  private static String active(String extra) {
    long exp = System.currentTimeMillis() / 1000 + 300;
    return "{\"active\":true,\"iss\":\"" + ISSUER + "\",\"sub\":\"alice\",\"client_id\":\"c1\",\"exp\":" + exp
        + ",\"scope\":\"files:read orders:read\"" + extra + "}";
  }

  @Test
  void activeTokenForThisResourceIsAcceptedAndCached() throws Exception {
    String token = random();
    answers.put(token, active(",\"aud\":[\"account\",\"" + RESOURCE + "\"]"));
    IntrospectionVerifier v = verifier(clientSecret, Duration.ofSeconds(30));
    VerifiedToken t = v.verify(token);
    assertEquals("alice", t.subject());
    assertEquals("c1", t.clientId());
    assertEquals(Set.of("files:read", "orders:read"), t.scopes());
    v.verify(token);
    assertEquals(1, calls.get(), "the second verification comes from the cache");
  }

  @Test
  void revocationIsSeenOnceTheCacheRunsOut() throws Exception {
    String token = random();
    answers.put(token, active(",\"aud\":\"" + RESOURCE + "\""));
    IntrospectionVerifier v = verifier(clientSecret, Duration.ZERO);
    v.verify(token);
    answers.remove(token); // revoked: the endpoint now answers active=false
    assertEquals(Reason.INACTIVE, assertThrows(TokenRejectedException.class, () -> v.verify(token)).reason());
  }

  @Test
  void audienceIsAlwaysChecked() {
    String other = random();
    String none = random();
    answers.put(other, active(",\"aud\":\"https://other.example.com/mcp\""));
    answers.put(none, active(""));
    IntrospectionVerifier v = verifier(clientSecret, Duration.ofSeconds(30));
    assertEquals(Reason.WRONG_AUDIENCE, assertThrows(TokenRejectedException.class, () -> v.verify(other)).reason());
    assertEquals(Reason.WRONG_AUDIENCE, assertThrows(TokenRejectedException.class, () -> v.verify(none)).reason());
  }

  @Test
  void anotherIssuerAndExpiredAnswersAreRejected() {
    String foreign = random();
    String expired = random();
    answers.put(foreign, active(",\"aud\":\"" + RESOURCE + "\"").replace(ISSUER, "http://127.0.0.1:1/realms/x"));
    answers.put(expired, "{\"active\":true,\"aud\":\"" + RESOURCE + "\",\"sub\":\"a\",\"exp\":1000}");
    IntrospectionVerifier v = verifier(clientSecret, Duration.ofSeconds(30));
    assertEquals(Reason.WRONG_ISSUER, assertThrows(TokenRejectedException.class, () -> v.verify(foreign)).reason());
    assertEquals(Reason.EXPIRED, assertThrows(TokenRejectedException.class, () -> v.verify(expired)).reason());
  }

  @Test
  void unknownTokenIsInactiveAndAFailingEndpointIsUnavailable() {
    IntrospectionVerifier v = verifier(clientSecret, Duration.ofSeconds(30));
    assertEquals(Reason.INACTIVE, assertThrows(TokenRejectedException.class, () -> v.verify("unknown")).reason());
    IntrospectionVerifier wrongSecret = verifier(random(), Duration.ofSeconds(30));
    TokenRejectedException e = assertThrows(TokenRejectedException.class, () -> wrongSecret.verify("unknown"));
    assertEquals(Reason.UNAVAILABLE, e.reason());
    status = 500;
    assertEquals(Reason.UNAVAILABLE, assertThrows(TokenRejectedException.class, () -> v.verify("x")).reason());
  }

  /** Before the fix a huge exp threw from Instant (a 503 "unavailable" over HTTP) instead of meaning the far future. */
  @Test
  void aHugeExpIsTheFarFutureNotACrash() throws Exception {
    String token = random();
    answers.put(token, active(",\"aud\":\"" + RESOURCE + "\"").replaceFirst("\"exp\":\\d+", "\"exp\":1e300"));
    assertEquals("alice", verifier(clientSecret, Duration.ofSeconds(30)).verify(token).subject());
  }

  @Test
  void activeMustBeTheBooleanTrue() {
    String asString = random();
    String missing = random();
    answers.put(asString, active(",\"aud\":\"" + RESOURCE + "\"").replace("\"active\":true", "\"active\":\"true\""));
    answers.put(missing, active(",\"aud\":\"" + RESOURCE + "\"").replace("\"active\":true,", ""));
    IntrospectionVerifier v = verifier(clientSecret, Duration.ofSeconds(30));
    assertEquals(Reason.INACTIVE, assertThrows(TokenRejectedException.class, () -> v.verify(asString)).reason());
    assertEquals(Reason.INACTIVE, assertThrows(TokenRejectedException.class, () -> v.verify(missing)).reason());
  }

  /**
   * An endpoint that answers its headers and then stalls mid-body: the request's own timeout stops at the headers, so
   * before the fix a verification waited for as long as the endpoint liked (here a minute), holding a request thread.
   */
  @Test
  void anAnswerThatStallsAfterItsHeadersIsCutOffAtTheTimeout() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    HttpServer stalling = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    stalling.setExecutor(Executors.newCachedThreadPool());
    stalling.createContext("/introspect", exchange -> {
      exchange.getRequestBody().readAllBytes();
      exchange.sendResponseHeaders(200, 0);
      exchange.getResponseBody().write("{\"active\":".getBytes(StandardCharsets.UTF_8));
      exchange.getResponseBody().flush();
      try {
        release.await(60, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      exchange.close();
    });
    stalling.start();
    try {
      URI slow = URI.create("http://127.0.0.1:" + stalling.getAddress().getPort() + "/introspect");
      IntrospectionVerifier v = new IntrospectionVerifier(() -> slow, "rs-client", clientSecret, ISSUER, RESOURCE,
          Duration.ofSeconds(5), Duration.ZERO, HttpJson.defaultClient(), Clock.systemUTC());
      long started = System.nanoTime();
      TokenRejectedException e = assertThrows(TokenRejectedException.class, () -> v.verify(random()));
      long tookSeconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
      assertEquals(Reason.UNAVAILABLE, e.reason());
      // the deadline is 5 s; 40 s leaves room for a busy machine and stays far below the minute the endpoint stalls
      assertTrue(tookSeconds < 40, "the stalled answer held the verification for " + tookSeconds + " s");
    } finally {
      release.countDown();
      stalling.stop(0);
    }
  }

  /** What held, and holds with the asynchronous reading: an endless answer is cut off at 256 KiB, not buffered. */
  @Test
  void anEndlessAnswerIsRefusedNotBuffered() throws Exception {
    HttpServer endless = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    endless.setExecutor(Executors.newCachedThreadPool());
    endless.createContext("/introspect", exchange -> {
      exchange.getRequestBody().readAllBytes();
      exchange.sendResponseHeaders(200, 0);
      byte[] chunk = "{\"active\":true,\"x\":\"".concat("a".repeat(8192)).getBytes(StandardCharsets.UTF_8);
      try {
        for (int i = 0; i < 100_000; i++) { // 800 MiB at most: the client hangs up long before
          exchange.getResponseBody().write(chunk);
        }
      } catch (IOException hungUp) {
        // expected
      }
      exchange.close();
    });
    endless.start();
    try {
      URI uri = URI.create("http://127.0.0.1:" + endless.getAddress().getPort() + "/introspect");
      IntrospectionVerifier v = new IntrospectionVerifier(() -> uri, "rs-client", clientSecret, ISSUER, RESOURCE,
          Duration.ofSeconds(5), Duration.ZERO, HttpJson.defaultClient(), Clock.systemUTC());
      assertEquals(Reason.UNAVAILABLE, assertThrows(TokenRejectedException.class, () -> v.verify(random())).reason());
    } finally {
      endless.stop(0);
    }
  }

  @Test
  void cacheKeysAreHashesNotTokens() {
    String token = random();
    String key = IntrospectionVerifier.cacheKey(token);
    assertFalse(key.contains(token));
    assertTrue(key.length() >= 43);
  }

  private static String random() {
    byte[] b = new byte[24];
    new SecureRandom().nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }
}
