package dev.toolwarden.runtime.internal.auth;

import dev.toolwarden.runtime.auth.TokenRejectedException;
import dev.toolwarden.runtime.auth.TokenVerifier;
import dev.toolwarden.runtime.auth.VerifiedToken;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import java.net.MalformedURLException;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verifies JWT access tokens locally with the authorization server's public keys (JWKS).
 *
 * <ul>
 *   <li>only JWS tokens whose {@code alg} is in the allowlist (default: RS/PS/ES 256–512); never
 *       {@code none}, never an HMAC algorithm (an HMAC "signed" with a public key is a classic
 *       forgery), never a key carried in the token's own header;
 *   <li>{@code typ} absent, {@code JWT} or {@code at+jwt} (RFC 9068); no {@code crit} header;
 *   <li>the key is chosen by {@code kid} and type from the JWKS; an unknown {@code kid} refreshes
 *       the cached JWKS (rate-limited, so a flood of made-up key ids cannot hammer the
 *       authorization server);
 *   <li>{@code iss} exactly the configured issuer; {@code aud} contains this server's resource
 *       URL, always; {@code exp} required and {@code nbf}/{@code iat} checked, with a bounded
 *       clock skew.
 * </ul>
 *
 * Usable on its own (e.g. in a benchmark) with a fixed key set:
 * {@code new JwtVerifier(issuer, resource, JwtVerifier.DEFAULT_ALGORITHMS, Duration.ofSeconds(30),
 * new ImmutableJWKSet<>(jwkSet), Clock.systemUTC())}.
 */
public final class JwtVerifier implements TokenVerifier {

  /** Asymmetric JWS algorithms accepted by default. */
  public static final Set<JWSAlgorithm> DEFAULT_ALGORITHMS = Set.of(
      JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
      JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512,
      JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.ES512);

  /** The longest clock skew accepted in configuration. */
  public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);

  /** Tokens longer than this are not parsed at all. */
  static final int MAX_TOKEN_CHARS = 16 * 1024;

  private static final List<String> TIME_CLAIMS = List.of("exp", "nbf", "iat");
  /** Times at or beyond this many seconds from the epoch (about 292 million years) overflow in milliseconds. */
  private static final double MAX_EPOCH_SECONDS = Long.MAX_VALUE / 1000;

  private static final Set<JOSEObjectType> ACCEPTED_TYPES = Set.of(
      JOSEObjectType.JWT, new JOSEObjectType("at+jwt"), new JOSEObjectType("application/at+jwt"));

  private final String issuer;
  private final String audience;
  private final Set<JWSAlgorithm> algorithms;
  private final long skewMillis;
  private final JWKSource<SecurityContext> keys;
  private final Clock clock;
  /**
   * One JWS verifier per key: turning a JWK into a {@code java.security} key costs about a third of an
   * RS256 check (BENCHMARKS.md, "JWT verification"). Keyed by the JWK's value, so a rotated key gets its
   * own; bounded, since a refreshed key set brings new entries.
   */
  private final Map<JWK, JWSVerifier> verifiers = new ConcurrentHashMap<>();
  private static final int MAX_CACHED_VERIFIERS = 64;

  /**
   * @param issuer the exact {@code iss} expected
   * @param audience this server's resource URL, which {@code aud} must contain
   * @param algorithms the accepted algorithms: asymmetric ones only
   * @param clockSkew tolerated clock difference for {@code exp}/{@code nbf}/{@code iat}, at most 5 minutes
   * @param keys the authorization server's public keys
   * @param clock the clock (tests)
   */
  public JwtVerifier(String issuer, String audience, Set<JWSAlgorithm> algorithms, Duration clockSkew,
      JWKSource<SecurityContext> keys, Clock clock) {
    this.issuer = requireText(issuer, "issuer");
    this.audience = requireText(audience, "audience");
    if (algorithms.isEmpty()) {
      throw new IllegalArgumentException("at least one JWS algorithm must be allowed");
    }
    for (JWSAlgorithm alg : algorithms) {
      if (!JWSAlgorithm.Family.RSA.contains(alg) && !JWSAlgorithm.Family.EC.contains(alg)) {
        throw new IllegalArgumentException("JWS algorithm " + alg + " is not allowed for access tokens verified"
            + " with JWKS: use RS*, PS* or ES* (never HMAC or none)");
      }
    }
    this.algorithms = Set.copyOf(algorithms);
    if (clockSkew.isNegative() || clockSkew.compareTo(MAX_CLOCK_SKEW) > 0) {
      throw new IllegalArgumentException("clock skew must be between 0 and " + MAX_CLOCK_SKEW);
    }
    this.skewMillis = clockSkew.toMillis();
    this.keys = Objects.requireNonNull(keys, "keys");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * A JWK source for {@code jwksUri}: cached for {@code ttl}, refreshed when a token names an
   * unknown key, at most once per {@code minRefreshInterval}; 5 s timeouts and a 256 KiB limit.
   */
  public static JWKSource<SecurityContext> remoteKeys(URI jwksUri, Duration ttl, Duration minRefreshInterval) {
    try {
      return JWKSourceBuilder.<SecurityContext>create(jwksUri.toURL(), new DefaultResourceRetriever(5000, 5000, 256 * 1024))
          .cache(ttl.toMillis(), 5000)
          .rateLimited(minRefreshInterval.toMillis())
          .refreshAheadCache(false)
          .retrying(false)
          .outageTolerant(false)
          .build();
    } catch (MalformedURLException | IllegalArgumentException e) {
      throw new IllegalArgumentException("not a usable JWKS URL: " + jwksUri);
    }
  }

  @Override
  public VerifiedToken verify(String token) throws TokenRejectedException {
    if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_CHARS) {
      throw new TokenRejectedException(TokenRejectedException.Reason.MALFORMED);
    }
    SignedJWT jwt = parseSigned(token);
    requireCanonicalSignature(jwt);
    JWSHeader header = jwt.getHeader();
    JWSAlgorithm alg = header.getAlgorithm();
    if (!algorithms.contains(alg)) {
      throw new TokenRejectedException(TokenRejectedException.Reason.DISALLOWED_ALGORITHM, "alg " + safe(alg.getName()));
    }
    if (header.getType() != null && !ACCEPTED_TYPES.contains(header.getType())) {
      throw new TokenRejectedException(TokenRejectedException.Reason.MALFORMED, "unexpected typ");
    }
    if (header.getCriticalParams() != null && !header.getCriticalParams().isEmpty()) {
      throw new TokenRejectedException(TokenRejectedException.Reason.MALFORMED, "unsupported crit header");
    }
    verifySignature(jwt, header, alg);
    ClaimsJson.Claims claims;
    try {
      // the JDK's decoder (strict, unpadded base64url as JWS uses) is several times faster than nimbus's own
      claims = ClaimsJson.parse(Base64.getUrlDecoder().decode(jwt.getParsedParts()[1].toString()));
    } catch (ParseException | IllegalArgumentException e) {
      throw new TokenRejectedException(TokenRejectedException.Reason.MALFORMED, "claims are not a JSON object");
    }
    return checkClaims(claims);
  }

  /**
   * Parses a JWS; anything else is told apart (for the right refusal) only on that cold path: the general
   * {@code JWTParser} would parse the header a second time on every request.
   */
  private static SignedJWT parseSigned(String token) throws TokenRejectedException {
    try {
      return SignedJWT.parse(token);
    } catch (ParseException | RuntimeException notSigned) {
      JWT parsed;
      try {
        parsed = JWTParser.parse(token);
      } catch (ParseException | RuntimeException e) {
        throw new TokenRejectedException(TokenRejectedException.Reason.MALFORMED, "not a JWT");
      }
      if (parsed instanceof SignedJWT) {
        throw new TokenRejectedException(TokenRejectedException.Reason.MALFORMED, "not a JWT");
      }
      throw new TokenRejectedException(TokenRejectedException.Reason.DISALLOWED_ALGORITHM, "unsigned or encrypted JWT");
    }
  }

  /**
   * The signature must be written in its one canonical form: unpadded base64url, no stray characters, unused trailing
   * bits zero. Nimbus decodes it leniently (padding, {@code +/}, characters outside the alphabet such as {@code ~} are
   * skipped), and the signature is the one part the signature does not cover: without this, whoever holds one valid
   * token could mint any number of distinct token strings that all verify, each a fresh entry in the verified-token
   * cache (crowding out everyone else's) and a fresh signature check.
   */
  private static void requireCanonicalSignature(SignedJWT jwt) throws TokenRejectedException {
    String written = jwt.getParsedParts()[2].toString();
    if (!written.equals(Base64.getUrlEncoder().withoutPadding().encodeToString(jwt.getSignature().decode()))) {
      throw new TokenRejectedException(TokenRejectedException.Reason.MALFORMED, "non-canonical signature encoding");
    }
  }

  private void verifySignature(SignedJWT jwt, JWSHeader header, JWSAlgorithm alg) throws TokenRejectedException {
    List<JWK> candidates;
    try {
      candidates = keys.get(new JWKSelector(JWKMatcher.forJWSHeader(header)), null);
    } catch (RateLimitReachedException e) {
      candidates = List.of(); // an unknown kid again within the refresh interval
    } catch (KeySourceException e) {
      throw new TokenRejectedException(TokenRejectedException.Reason.UNAVAILABLE, "JWKS: " + e.getClass().getSimpleName());
    }
    if (candidates == null || candidates.isEmpty()) {
      throw new TokenRejectedException(TokenRejectedException.Reason.UNKNOWN_KEY);
    }
    for (JWK key : candidates) {
      try {
        JWSVerifier verifier = verifierFor(key, alg);
        if (verifier == null) {
          continue; // never a symmetric key, never a key of another family
        }
        if (jwt.verify(verifier)) {
          return;
        }
      } catch (JOSEException | IllegalStateException e) {
        // a key that cannot verify this token (e.g. too short): try the next one
      }
    }
    throw new TokenRejectedException(TokenRejectedException.Reason.BAD_SIGNATURE);
  }

  /** The verifier of {@code key} for {@code alg}'s family, or null when the key cannot be one. */
  private JWSVerifier verifierFor(JWK key, JWSAlgorithm alg) throws JOSEException {
    boolean rsa = key instanceof RSAKey && JWSAlgorithm.Family.RSA.contains(alg);
    boolean ec = key instanceof ECKey && JWSAlgorithm.Family.EC.contains(alg);
    if (!rsa && !ec) {
      return null;
    }
    JWSVerifier cached = verifiers.get(key);
    if (cached != null) {
      return cached;
    }
    JWSVerifier made = rsa ? new RSASSAVerifier((RSAKey) key) : new ECDSAVerifier((ECKey) key);
    if (verifiers.size() >= MAX_CACHED_VERIFIERS) {
      verifiers.clear();
    }
    verifiers.put(key, made);
    return made;
  }

  private VerifiedToken checkClaims(ClaimsJson.Claims claims) throws TokenRejectedException {
    if (!issuer.equals(claims.issuer())) {
      throw new TokenRejectedException(TokenRejectedException.Reason.WRONG_ISSUER);
    }
    List<String> aud = claims.audience();
    if (aud == null || !aud.contains(audience)) {
      throw new TokenRejectedException(TokenRejectedException.Reason.WRONG_AUDIENCE);
    }
    if (aud.stream().anyMatch(Objects::isNull)) {
      // a null among the audiences (nimbus's reading lets it through) made VerifiedToken throw: a 503 "authorization
      // server unavailable" telling the client to retry the same token, where a broken token is a 401
      throw new TokenRejectedException(TokenRejectedException.Reason.MALFORMED, "null audience");
    }
    for (String time : TIME_CLAIMS) {
      // seconds become milliseconds by nimbus's rule, overflow and all: an nbf of 2^64/1000 s wrapped round to a
      // moment long past and was met at once, and a huge exp read as expired — out of range is malformed instead
      if (claims.claim(time) instanceof Number n && Math.abs(n.doubleValue()) >= MAX_EPOCH_SECONDS) {
        throw new TokenRejectedException(TokenRejectedException.Reason.MALFORMED, time + " out of range");
      }
    }
    long now = clock.millis();
    Date exp = claims.expirationTime();
    if (exp == null) {
      throw new TokenRejectedException(TokenRejectedException.Reason.MALFORMED, "no exp claim");
    }
    if (now - skewMillis > exp.getTime()) { // not exp + skew: that overflows for the far future
      throw new TokenRejectedException(TokenRejectedException.Reason.EXPIRED);
    }
    Date nbf = claims.notBeforeTime();
    if (nbf != null && now + skewMillis < nbf.getTime()) {
      throw new TokenRejectedException(TokenRejectedException.Reason.NOT_YET_VALID);
    }
    Date iat = claims.issueTime();
    if (iat != null && now + skewMillis < iat.getTime()) {
      throw new TokenRejectedException(TokenRejectedException.Reason.NOT_YET_VALID, "issued in the future");
    }
    String clientId = stringClaim(claims, "client_id");
    if (clientId == null) {
      clientId = stringClaim(claims, "azp");
    }
    String subject = claims.subject() != null && !claims.subject().isEmpty() ? claims.subject() : clientId;
    if (subject == null) {
      throw new TokenRejectedException(TokenRejectedException.Reason.MALFORMED, "no sub, client_id or azp claim");
    }
    Set<String> scopes = ScopeClaims.read(claims.claim("scope"), claims.claim("scp"));
    return new VerifiedToken(subject, claims.issuer(), clientId, new LinkedHashSet<>(scopes), aud,
        Instant.ofEpochMilli(exp.getTime()));
  }

  private static String stringClaim(ClaimsJson.Claims claims, String name) {
    Object v = claims.claim(name);
    return v instanceof String s && !s.isEmpty() ? s : null;
  }

  /** An algorithm name from the header, kept short and printable for the log. */
  private static String safe(String s) {
    if (s == null) {
      return "null";
    }
    String cut = s.length() > 16 ? s.substring(0, 16) : s;
    return cut.replaceAll("[^A-Za-z0-9+_.-]", "?");
  }

  private static String requireText(String s, String what) {
    if (s == null || s.isBlank()) {
      throw new IllegalArgumentException(what + " must not be empty");
    }
    return s;
  }
}
