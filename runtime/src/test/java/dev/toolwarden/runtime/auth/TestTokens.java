package dev.toolwarden.runtime.auth;

import dev.toolwarden.runtime.internal.auth.JwtVerifier;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/** An RSA key pair acting as an authorization server in unit tests: signs tokens, verifies them. */
public final class TestTokens {

  public static final String ISSUER = "http://127.0.0.1:1/realms/test";

  public final RSAKey key;
  public final String resource;

  public TestTokens(String resource) {
    this.resource = resource;
    try {
      this.key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
    } catch (com.nimbusds.jose.JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A verifier trusting this key only. */
  public JwtVerifier verifier() {
    return verifier(Clock.systemUTC());
  }

  /** A verifier trusting this key only, reading the time from {@code clock} (5 s of skew). */
  public JwtVerifier verifier(Clock clock) {
    return new JwtVerifier(ISSUER, resource, JwtVerifier.DEFAULT_ALGORITHMS, Duration.ofSeconds(5),
        new ImmutableJWKSet<>(new JWKSet(key.toPublicJWK())), clock);
  }

  /** A valid token for {@code subject} with {@code scope} (space-delimited). */
  public String token(String subject, String scope) {
    return token(b -> b.subject(subject).claim("scope", scope));
  }

  /** A token with the default valid claims, then {@code customize} applied. */
  public String token(Consumer<JWTClaimsSet.Builder> customize) {
    JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
        .issuer(ISSUER)
        .audience(List.of(resource))
        .subject("alice")
        .issueTime(new Date())
        .expirationTime(Date.from(Instant.now().plusSeconds(300)))
        .claim("azp", "test-client");
    customize.accept(claims);
    return sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(),
        claims.build(), key);
  }

  public static String sign(JWSHeader header, JWTClaimsSet claims, RSAKey key) {
    try {
      SignedJWT jwt = new SignedJWT(header, claims);
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    } catch (com.nimbusds.jose.JOSEException e) {
      throw new IllegalStateException(e);
    }
  }
}
