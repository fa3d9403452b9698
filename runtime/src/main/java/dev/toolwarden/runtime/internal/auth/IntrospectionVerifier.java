package dev.toolwarden.runtime.internal.auth;

import dev.toolwarden.runtime.auth.TokenRejectedException;
import dev.toolwarden.runtime.auth.TokenVerifier;
import dev.toolwarden.runtime.auth.VerifiedToken;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Verifies opaque (or any) access tokens with the authorization server's RFC 7662 introspection
 * endpoint, authenticating as a confidential client ({@code client_secret_basic}). An active
 * answer must name this server in {@code aud} (always checked) and, when it names an issuer, the
 * configured one. Positive answers are cached briefly (by SHA-256 of the token, never the token
 * itself), at most until the token's {@code exp}; negative answers are not cached, so a
 * revocation is seen within the cache time.
 */
public final class IntrospectionVerifier implements TokenVerifier {

  /** Default lifetime of a cached positive answer. */
  public static final Duration DEFAULT_CACHE_TTL = Duration.ofSeconds(30);

  private static final int MAX_CACHE_ENTRIES = 10_000;

  private final Supplier<URI> endpoint;
  private final String basicAuthorization;
  private final String issuer;
  private final String audience;
  private final long skewMillis;
  private final long cacheTtlMillis;
  private final HttpJson http;
  private final Clock clock;
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();

  private record Cached(VerifiedToken token, long until) {}

  /**
   * @param endpoint the introspection endpoint (looked up lazily, e.g. from metadata discovery);
   *     it may throw {@link TokenRejectedException.Reason#UNAVAILABLE} wrapped in an {@link IllegalStateException}
   * @param clientId the resource server's client id at the authorization server
   * @param clientSecret its secret (read from the environment, never a literal)
   * @param issuer the issuer the answers must name (when they name one)
   * @param audience this server's resource URL, which {@code aud} must contain
   * @param clockSkew tolerated clock difference for {@code exp}/{@code nbf}
   * @param cacheTtl how long a positive answer is reused (zero: never)
   */
  public IntrospectionVerifier(Supplier<URI> endpoint, String clientId, String clientSecret, String issuer,
      String audience, Duration clockSkew, Duration cacheTtl, HttpClient http, Clock clock) {
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(clientSecret, "clientSecret");
    String pair = form(clientId) + ":" + form(clientSecret);
    this.basicAuthorization = "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    this.issuer = Objects.requireNonNull(issuer, "issuer");
    this.audience = Objects.requireNonNull(audience, "audience");
    this.skewMillis = clockSkew.toMillis();
    this.cacheTtlMillis = cacheTtl.toMillis();
    this.http = new HttpJson(http);
    this.clock = clock;
  }

  @Override
  public VerifiedToken verify(String token) throws TokenRejectedException {
    if (token == null || token.isEmpty() || token.length() > JwtVerifier.MAX_TOKEN_CHARS) {
      throw new TokenRejectedException(TokenRejectedException.Reason.MALFORMED);
    }
    long now = clock.millis();
    String key = cacheKey(token);
    Cached cached = cache.get(key);
    if (cached != null) {
      if (cached.until() > now) {
        return cached.token();
      }
      cache.remove(key, cached);
    }
    URI uri;
    try {
      uri = endpoint.get();
    } catch (IllegalStateException e) {
      throw new TokenRejectedException(TokenRejectedException.Reason.UNAVAILABLE, "no introspection endpoint");
    }
    HttpRequest request = HttpRequest.newBuilder(uri)
        .timeout(HttpJson.TIMEOUT)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Accept", "application/json")
        .header("Authorization", basicAuthorization)
        .POST(HttpRequest.BodyPublishers.ofString("token=" + form(token) + "&token_type_hint=access_token"))
        .build();
    Map<String, Object> answer;
    try {
      answer = http.send(request);
    } catch (IOException | RuntimeException e) {
      throw new TokenRejectedException(TokenRejectedException.Reason.UNAVAILABLE, "introspection failed");
    }
    if (answer == null) {
      throw new TokenRejectedException(TokenRejectedException.Reason.UNAVAILABLE, "introspection refused");
    }
    VerifiedToken verified = check(answer, now);
    if (cacheTtlMillis > 0) {
      long until = now + cacheTtlMillis;
      if (verified.expiresAt() != null) {
        until = Math.min(until, verified.expiresAt().toEpochMilli());
      }
      evictIfFull(now);
      cache.put(key, new Cached(verified, until));
    }
    return verified;
  }

  private VerifiedToken check(Map<String, Object> answer, long now) throws TokenRejectedException {
    if (!Boolean.TRUE.equals(answer.get("active"))) {
      throw new TokenRejectedException(TokenRejectedException.Reason.INACTIVE);
    }
    Object iss = answer.get("iss");
    if (iss != null && !issuer.equals(iss)) {
      throw new TokenRejectedException(TokenRejectedException.Reason.WRONG_ISSUER);
    }
    Object aud = answer.get("aud");
    boolean forUs = aud instanceof String s ? s.equals(audience)
        : aud instanceof Collection<?> c && c.contains(audience);
    if (!forUs) {
      throw new TokenRejectedException(TokenRejectedException.Reason.WRONG_AUDIENCE);
    }
    Instant exp = seconds(answer.get("exp"));
    if (exp != null && now - skewMillis > exp.toEpochMilli()) { // not exp + skew: that overflows for the far future
      throw new TokenRejectedException(TokenRejectedException.Reason.EXPIRED);
    }
    Instant nbf = seconds(answer.get("nbf"));
    if (nbf != null && now + skewMillis < nbf.toEpochMilli()) {
      throw new TokenRejectedException(TokenRejectedException.Reason.NOT_YET_VALID);
    }
    String clientId = text(answer.get("client_id"));
    if (clientId == null) {
      clientId = text(answer.get("azp"));
    }
    String subject = text(answer.get("sub"));
    if (subject == null) {
      subject = clientId;
    }
    if (subject == null) {
      throw new TokenRejectedException(TokenRejectedException.Reason.MALFORMED, "no sub or client_id in the introspection answer");
    }
    Set<String> scopes = ScopeClaims.read(answer.get("scope"), answer.get("scp"));
    List<String> audience = aud instanceof String s ? List.of(s)
        : ((Collection<?>) aud).stream().filter(String.class::isInstance).map(String.class::cast).toList();
    return new VerifiedToken(subject, iss instanceof String s ? s : issuer, clientId, scopes, audience, exp);
  }

  private void evictIfFull(long now) {
    if (cache.size() < MAX_CACHE_ENTRIES) {
      return;
    }
    for (Iterator<Cached> it = cache.values().iterator(); it.hasNext();) {
      if (it.next().until() <= now) {
        it.remove();
      }
    }
    if (cache.size() >= MAX_CACHE_ENTRIES) {
      cache.clear();
    }
  }

  /**
   * Seconds since the epoch, clamped to what milliseconds can hold: a huge {@code exp} (say {@code 1e300}) made
   * {@code Instant} or {@code toEpochMilli()} throw, which the HTTP layer answers 503 "authorization server
   * unavailable" — the client retries instead of being told the truth. Clamped, it is the far future it says.
   */
  private static Instant seconds(Object v) {
    if (!(v instanceof Number n)) {
      return null;
    }
    long max = Long.MAX_VALUE / 1000;
    return Instant.ofEpochSecond(Math.max(-max, Math.min(max, n.longValue())));
  }

  private static String text(Object v) {
    return v instanceof String s && !s.isEmpty() ? s : null;
  }

  private static String form(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static String cacheKey(String token) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
