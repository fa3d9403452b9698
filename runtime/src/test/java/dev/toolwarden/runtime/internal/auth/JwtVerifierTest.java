package dev.toolwarden.runtime.internal.auth;

import dev.toolwarden.runtime.auth.TestTokens;
import dev.toolwarden.runtime.auth.ResourceServer;
import dev.toolwarden.runtime.auth.TokenRejectedException;
import dev.toolwarden.runtime.auth.VerifiedToken;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import dev.toolwarden.runtime.auth.TokenRejectedException.Reason;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class JwtVerifierTest {

  private static final String RESOURCE = "https://mcp.example.com/mcp";
  private final TestTokens as = new TestTokens(RESOURCE);
  private final JwtVerifier verifier = as.verifier();

  private Reason rejected(String token) {
    TokenRejectedException e = assertThrows(TokenRejectedException.class, () -> verifier.verify(token));
    assertFalse(e.getMessage().contains(token), "the message must not carry the token");
    return e.reason();
  }

  @Test
  void validTokenGivesSubjectScopesAndClient() throws Exception {
    VerifiedToken t = verifier.verify(as.token("alice", "files:read orders:read"));
    assertEquals("alice", t.subject());
    assertEquals(Set.of("files:read", "orders:read"), t.scopes());
    assertEquals("test-client", t.clientId());
    assertEquals(TestTokens.ISSUER, t.issuer());
  }

  @Test
  void scpArrayAndScpStringAreScopesToo() throws Exception {
    assertEquals(Set.of("a", "b"), verifier.verify(as.token(b -> b.claim("scp", List.of("a", "b")))).scopes());
    assertEquals(Set.of("a", "b", "c"),
        verifier.verify(as.token(b -> b.claim("scope", "a").claim("scp", "b c"))).scopes());
  }

  @Test
  void atJwtTypeIsAccepted() throws Exception {
    JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(as.key.getKeyID())
        .type(new JOSEObjectType("at+jwt")).build();
    String token = TestTokens.sign(header, claims().build(), as.key);
    assertEquals("alice", verifier.verify(token).subject());
  }

  @Test
  void otherTypeIsRejected() {
    JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(as.key.getKeyID())
        .type(new JOSEObjectType("id_token+jwt")).build();
    assertEquals(Reason.MALFORMED, rejected(TestTokens.sign(header, claims().build(), as.key)));
  }

  @Test
  void expiredBeyondTheSkewIsRejected() {
    assertEquals(Reason.EXPIRED, rejected(as.token(b -> b.expirationTime(Date.from(Instant.now().minusSeconds(10))))));
  }

  @Test
  void expiredWithinTheSkewIsAccepted() throws Exception {
    // a frozen clock: 2 s past expiry stays 2 s however long the machine takes to get to verify()
    Instant now = Instant.now();
    JwtVerifier frozen = as.verifier(Clock.fixed(now, ZoneOffset.UTC));
    frozen.verify(as.token(b -> b.issueTime(Date.from(now.minusSeconds(60)))
        .expirationTime(Date.from(now.minusSeconds(2)))));
    assertEquals(Reason.EXPIRED, assertThrows(TokenRejectedException.class, () -> frozen.verify(as.token(b -> b
        .issueTime(Date.from(now.minusSeconds(60))).expirationTime(Date.from(now.minusSeconds(6)))))).reason());
  }

  @Test
  void withoutExpiryIsRejected() {
    assertEquals(Reason.MALFORMED, rejected(as.token(b -> b.expirationTime(null))));
  }

  @Test
  void notYetValidIsRejected() {
    assertEquals(Reason.NOT_YET_VALID, rejected(as.token(b -> b.notBeforeTime(Date.from(Instant.now().plusSeconds(60))))));
    assertEquals(Reason.NOT_YET_VALID, rejected(as.token(b -> b.issueTime(Date.from(Instant.now().plusSeconds(60))))));
  }

  @Test
  void wrongIssuerIsRejected() {
    assertEquals(Reason.WRONG_ISSUER, rejected(as.token(b -> b.issuer("http://127.0.0.1:1/realms/other"))));
    assertEquals(Reason.WRONG_ISSUER, rejected(as.token(b -> b.issuer(TestTokens.ISSUER + "/"))));
    assertEquals(Reason.WRONG_ISSUER, rejected(as.token(b -> b.issuer(null))));
  }

  @Test
  void audienceIsAlwaysChecked() {
    assertEquals(Reason.WRONG_AUDIENCE, rejected(as.token(b -> b.audience("https://other.example.com/mcp"))));
    assertEquals(Reason.WRONG_AUDIENCE, rejected(as.token(b -> b.audience((String) null))));
    assertEquals(Reason.WRONG_AUDIENCE, rejected(as.token(b -> b.audience(RESOURCE + "/"))));
  }

  @Test
  void audienceAmongOthersIsAccepted() throws Exception {
    verifier.verify(as.token(b -> b.audience(List.of("account", RESOURCE))));
  }

  @Test
  void tamperedPayloadIsRejected() {
    String token = as.token("alice", "files:read");
    String[] parts = token.split("\\.");
    String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
        .replace("files:read", "files:read admin");
    String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
        payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    assertEquals(Reason.BAD_SIGNATURE, rejected(forged));
  }

  @Test
  void algNoneIsRejected() {
    String header = Base64.getUrlEncoder().withoutPadding().encodeToString(
        "{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
    String payload = as.token("alice", "admin").split("\\.")[1];
    assertEquals(Reason.DISALLOWED_ALGORITHM, rejected(header + "." + payload + "."));
  }

  @Test
  void hmacSignedWithThePublicKeyIsRejected() throws Exception {
    byte[] publicKey = as.key.toRSAPublicKey().getEncoded();
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(as.key.getKeyID()).build(),
        claims().build());
    jwt.sign(new MACSigner(publicKey));
    assertEquals(Reason.DISALLOWED_ALGORITHM, rejected(jwt.serialize()));
  }

  @Test
  void unknownKidAndForeignKeyAreRejected() throws Exception {
    RSAKey other = new RSAKeyGenerator(2048).keyID("unknown-kid").generate();
    assertEquals(Reason.UNKNOWN_KEY, rejected(TestTokens.sign(
        new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("unknown-kid").build(), claims().build(), other)));
    // the right kid, the wrong key
    assertEquals(Reason.BAD_SIGNATURE, rejected(TestTokens.sign(
        new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(as.key.getKeyID()).build(), claims().build(), other)));
  }

  @Test
  void garbageIsMalformed() {
    assertEquals(Reason.MALFORMED, rejected("garbage"));
    assertEquals(Reason.MALFORMED, rejected("a.b.c"));
    assertEquals(Reason.MALFORMED, rejected("x".repeat(20_000)));
  }

  @Test
  void ecKeysVerifyEs256() throws Exception {
    ECKey ec = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
    JwtVerifier v = new JwtVerifier(TestTokens.ISSUER, RESOURCE, JwtVerifier.DEFAULT_ALGORITHMS, Duration.ZERO,
        new ImmutableJWKSet<>(new JWKSet(ec.toPublicJWK())), Clock.systemUTC());
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("ec-1").build(), claims().build());
    jwt.sign(new ECDSASigner(ec));
    assertEquals("alice", v.verify(jwt.serialize()).subject());
  }

  @Test
  void hmacAlgorithmsCannotBeAllowed() {
    assertThrows(IllegalArgumentException.class, () -> new JwtVerifier(TestTokens.ISSUER, RESOURCE,
        Set.of(JWSAlgorithm.HS256), Duration.ZERO, new ImmutableJWKSet<>(new JWKSet()), Clock.systemUTC()));
    assertThrows(IllegalArgumentException.class, () -> ResourceServer.jwt(TestTokens.ISSUER, RESOURCE).algorithms("HS256"));
    assertThrows(IllegalArgumentException.class, () -> ResourceServer.jwt(TestTokens.ISSUER, RESOURCE)
        .clockSkew(Duration.ofHours(1)));
  }

  /**
   * One valid token must be one token string: before the fix nimbus's lenient base64url let its holder write the
   * signature in endless other ways (padding, {@code +/}, stray {@code ~}, other unused trailing bits), each a token
   * that verified, and each a new entry in the verified-token cache.
   */
  @Test
  void onlyTheCanonicalEncodingOfTheSignatureVerifies() throws Exception {
    String token = as.token("alice", "files:read");
    verifier.verify(token);
    int dot = token.lastIndexOf('.');
    String head = token.substring(0, dot + 1);
    String sig = token.substring(dot + 1);
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    // 256 signature bytes are 342 characters: the last one carries 2 bits and 4 unused ones
    char last = sig.charAt(sig.length() - 1);
    String otherTrailingBits = sig.substring(0, sig.length() - 1) + alphabet.charAt(alphabet.indexOf(last) ^ 1);
    String standardAlphabet = sig.replace('-', '+').replace('_', '/');
    for (String variant : List.of(sig + "=", sig + "==", sig + "~", sig + "~~~~~~~~", otherTrailingBits,
        sig.substring(0, 10) + "~" + sig.substring(10))) {
      assertEquals(Reason.MALFORMED, rejected(head + variant), variant);
    }
    if (!standardAlphabet.equals(sig)) {
      assertEquals(Reason.MALFORMED, rejected(head + standardAlphabet));
    }
  }

  /** Before the fix the null escaped as a NullPointerException, which the HTTP layer answers 503 (retry later). */
  @Test
  void aNullAmongTheAudiencesIsMalformedNotACrash() {
    String token = as.token(b -> b.audience(java.util.Arrays.asList(null, RESOURCE)));
    assertEquals(Reason.MALFORMED, rejected(token));
  }

  /** Before the fix the nbf wrapped round through the millisecond conversion and the token was accepted at once. */
  @Test
  void timeClaimsBeyondWhatMillisecondsHoldAreMalformed() {
    long wraps = 18_446_744_073_709_552L; // * 1000 overflows to about 2^64 - a moment just after the epoch
    assertEquals(Reason.MALFORMED, rejected(as.token(b -> b.claim("nbf", wraps))));
    assertEquals(Reason.MALFORMED, rejected(as.token(b -> b.claim("iat", wraps))));
    assertEquals(Reason.MALFORMED, rejected(as.token(b -> b.claim("exp", 1e300))));
  }

  @Test
  void unknownKidRefreshesTheJwksAtMostOncePerInterval() throws Exception {
    RSAKey first = new RSAKeyGenerator(2048).keyID("k1").generate();
    RSAKey second = new RSAKeyGenerator(2048).keyID("k2").generate();
    AtomicReference<JWKSet> published = new AtomicReference<>(new JWKSet(first.toPublicJWK()));
    AtomicInteger fetches = new AtomicInteger();
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/jwks", exchange -> {
      fetches.incrementAndGet();
      byte[] body = published.get().toString().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    try {
      URI jwks = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/jwks");
      JwtVerifier v = new JwtVerifier(TestTokens.ISSUER, RESOURCE, JwtVerifier.DEFAULT_ALGORITHMS, Duration.ZERO,
          JwtVerifier.remoteKeys(jwks, Duration.ofMinutes(10), Duration.ofSeconds(30)), Clock.systemUTC());
      v.verify(signed("k1", first));
      v.verify(signed("k1", first));
      assertEquals(1, fetches.get(), "cached keys");
      published.set(new JWKSet(List.of(first.toPublicJWK(), second.toPublicJWK()))); // key rotation
      v.verify(signed("k2", second));
      assertEquals(2, fetches.get(), "an unknown kid refreshes the keys");
      RSAKey bogus = new RSAKeyGenerator(2048).keyID("bogus").generate();
      for (int i = 0; i < 5; i++) {
        TokenRejectedException e = assertThrows(TokenRejectedException.class, () -> v.verify(signed("bogus", bogus)));
        assertEquals(Reason.UNKNOWN_KEY, e.reason());
      }
      assertTrue(fetches.get() <= 3, "refreshes are rate-limited, got " + fetches.get());
    } finally {
      server.stop(0);
    }
  }

  private static String signed(String kid, RSAKey key) {
    return TestTokens.sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(), claims().build(), key);
  }

  private static JWTClaimsSet.Builder claims() {
    return new JWTClaimsSet.Builder().issuer(TestTokens.ISSUER).audience(RESOURCE).subject("alice")
        .expirationTime(Date.from(Instant.now().plusSeconds(300)));
  }
}
