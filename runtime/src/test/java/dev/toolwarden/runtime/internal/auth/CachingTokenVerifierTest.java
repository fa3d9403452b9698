package dev.toolwarden.runtime.internal.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.sun.net.httpserver.HttpServer;
import dev.toolwarden.runtime.auth.ResourceServer;
import dev.toolwarden.runtime.auth.TokenRejectedException;
import dev.toolwarden.runtime.auth.TokenRejectedException.Reason;
import dev.toolwarden.runtime.auth.TokenVerifier;
import dev.toolwarden.runtime.auth.VerifiedToken;
import dev.toolwarden.runtime.auth.TestTokens;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The verified-token cache in front of the real JWT verifier: a success is reused until the earlier of
 * {@code exp} and the TTL, a failure never is, the cache is bounded, and key rotation still works.
 */
class CachingTokenVerifierTest {

  private static final String RESOURCE = "https://mcp.example.test/mcp";

  /** A clock the test moves by hand. */
  private static final class ManualClock extends Clock {
    final AtomicLong millis = new AtomicLong(System.currentTimeMillis());

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(millis.get());
    }

    void advance(Duration d) {
      millis.addAndGet(d.toMillis());
    }
  }

  /** Counts the verifications that reach the real verifier. */
  private static final class Counting implements TokenVerifier {
    final TokenVerifier delegate;
    final AtomicInteger calls = new AtomicInteger();

    Counting(TokenVerifier delegate) {
      this.delegate = delegate;
    }

    @Override
    public VerifiedToken verify(String token) throws TokenRejectedException {
      calls.incrementAndGet();
      return delegate.verify(token);
    }
  }

  private static String token(RSAKey key, Instant now, Duration lifetime) {
    JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(TestTokens.ISSUER).audience(RESOURCE).subject("alice")
        .claim("scope", "files:read").expirationTime(Date.from(now.plus(lifetime))).build();
    return TestTokens.sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims, key);
  }

  private static JwtVerifier jwt(JWKSet keys, Clock clock) {
    return new JwtVerifier(TestTokens.ISSUER, RESOURCE, JwtVerifier.DEFAULT_ALGORITHMS, Duration.ZERO,
        (selector, ctx) -> selector.select(keys), clock);
  }

  @Test
  void aVerifiedTokenIsReusedUntilTheTtlThenVerifiedAgain() throws Exception {
    RSAKey key = new RSAKeyGenerator(2048).keyID("k1").generate();
    ManualClock clock = new ManualClock();
    Counting real = new Counting(jwt(new JWKSet(key.toPublicJWK()), clock));
    CachingTokenVerifier v = new CachingTokenVerifier(real, new VerifiedTokenCache(Duration.ofSeconds(60), 100), clock);
    String token = token(key, clock.instant(), Duration.ofHours(1));

    VerifiedToken first = v.verify(token);
    assertSame(first, v.verify(token));
    assertEquals(1, real.calls.get(), "the second request skipped the signature check");
    clock.advance(Duration.ofSeconds(61));
    assertEquals("alice", v.verify(token).subject());
    assertEquals(2, real.calls.get(), "after the TTL the token is verified again");
  }

  @Test
  void aCachedTokenIsNeverAcceptedPastItsExpiry() throws Exception {
    RSAKey key = new RSAKeyGenerator(2048).keyID("k1").generate();
    ManualClock clock = new ManualClock();
    Counting real = new Counting(jwt(new JWKSet(key.toPublicJWK()), clock));
    CachingTokenVerifier v = new CachingTokenVerifier(real, new VerifiedTokenCache(Duration.ofMinutes(5), 100), clock);
    String token = token(key, clock.instant(), Duration.ofSeconds(10));

    v.verify(token);
    clock.advance(Duration.ofSeconds(11)); // within the TTL, past exp
    TokenRejectedException e = assertThrows(TokenRejectedException.class, () -> v.verify(token));
    assertEquals(Reason.EXPIRED, e.reason());
    assertEquals(2, real.calls.get());
  }

  @Test
  void aRejectionIsNeverCached() throws Exception {
    RSAKey key = new RSAKeyGenerator(2048).keyID("k1").generate();
    RSAKey other = new RSAKeyGenerator(2048).keyID("k1").generate(); // same kid, wrong key
    ManualClock clock = new ManualClock();
    Counting real = new Counting(jwt(new JWKSet(key.toPublicJWK()), clock));
    CachingTokenVerifier v = new CachingTokenVerifier(real, new VerifiedTokenCache(Duration.ofMinutes(5), 100), clock);
    String forged = token(other, clock.instant(), Duration.ofHours(1));
    for (int i = 0; i < 3; i++) {
      assertEquals(Reason.BAD_SIGNATURE, assertThrows(TokenRejectedException.class, () -> v.verify(forged)).reason());
    }
    assertEquals(3, real.calls.get(), "every attempt is verified");
    String good = token(key, clock.instant(), Duration.ofHours(1));
    assertEquals("alice", v.verify(good).subject(), "a failure of one token does not affect another");
  }

  @Test
  void theCacheIsBoundedAndKeepsWorkingWhenFull() throws Exception {
    RSAKey key = new RSAKeyGenerator(2048).keyID("k1").generate();
    ManualClock clock = new ManualClock();
    VerifiedTokenCache cache = new VerifiedTokenCache(Duration.ofMinutes(5), 2);
    Counting real = new Counting(jwt(new JWKSet(key.toPublicJWK()), clock));
    CachingTokenVerifier v = new CachingTokenVerifier(real, cache, clock);
    for (int i = 0; i < 5; i++) {
      v.verify(token(key, clock.instant().plusMillis(i * 1000L), Duration.ofHours(1))); // 5 distinct tokens
    }
    assertTrue(cache.size() <= 2, "at most 2 entries, got " + cache.size());
    assertEquals(5, real.calls.get());
  }

  @Test
  void jwksRotationStillWorksThroughTheServersOwnVerifier() throws Exception {
    RSAKey first = new RSAKeyGenerator(2048).keyID("k1").generate();
    RSAKey second = new RSAKeyGenerator(2048).keyID("k2").generate();
    AtomicReference<JWKSet> published = new AtomicReference<>(new JWKSet(first.toPublicJWK()));
    HttpServer jwks = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    jwks.createContext("/jwks", exchange -> {
      byte[] body = published.get().toString().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    jwks.start();
    try {
      TokenVerifier v = ResourceServer.jwt(TestTokens.ISSUER, RESOURCE)
          .jwksUri(URI.create("http://127.0.0.1:" + jwks.getAddress().getPort() + "/jwks"))
          .jwksCache(Duration.ofMinutes(10), Duration.ofMillis(1))
          .createVerifier();
      assertInstanceOf(CachingTokenVerifier.class, v, "JWT servers cache verified tokens by default");
      Instant now = Instant.now();
      assertEquals("alice", v.verify(token(first, now, Duration.ofHours(1))).subject());
      published.set(new JWKSet(second.toPublicJWK())); // rotation: k1 retired, k2 published
      assertEquals("alice", v.verify(token(second, now, Duration.ofHours(1))).subject(),
          "a token signed with the new key is accepted (unknown kid -> JWKS refresh)");
      String newWithOldKey = token(first, now.plusSeconds(1), Duration.ofHours(1));
      assertEquals(Reason.UNKNOWN_KEY, assertThrows(TokenRejectedException.class,
          () -> v.verify(newWithOldKey)).reason(), "a token the cache has not seen needs a published key");
    } finally {
      jwks.stop(0);
    }
  }

  @Test
  void aZeroTtlTurnsTheCacheOff() {
    TokenVerifier v = ResourceServer.jwt(TestTokens.ISSUER, RESOURCE).jwksUri(URI.create("http://127.0.0.1:1/jwks"))
        .tokenCacheTtl(Duration.ZERO).createVerifier();
    assertInstanceOf(JwtVerifier.class, v);
  }
}
