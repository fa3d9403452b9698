package dev.toolwarden.runtime.internal.auth;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import dev.toolwarden.runtime.Secrets;
import dev.toolwarden.runtime.auth.TokenRejectedException;
import dev.toolwarden.runtime.auth.TokenVerifier;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** Builds the token verifier a resource server's options describe. */
public final class TokenVerifiers {

  /** After a failed metadata discovery, the least time before the next attempt. */
  private static final long RETRY_DISCOVERY_NANOS = 10_000_000_000L;

  private TokenVerifiers() {}

  /** The verifier of {@code o}; reads the introspection client's secrets now. */
  public static TokenVerifier create(ResourceServerOptions o) {
    HttpClient http = HttpJson.defaultClient();
    HttpJson json = new HttpJson(http);
    switch (o.mode()) {
      case CUSTOM:
        return o.customVerifier();
      case JWT: {
        JWKSource<SecurityContext> keys = o.jwksUri() != null
            ? JwtVerifier.remoteKeys(o.jwksUri(), o.jwksTtl(), o.jwksRefreshInterval())
            : new DiscoveredKeys(() -> AuthorizationServerMetadata.discover(o.issuer(), json).jwksUri(), o.jwksTtl(),
                o.jwksRefreshInterval());
        JwtVerifier jwt = new JwtVerifier(o.issuer(), o.resource(), o.algorithms(), o.clockSkew(), keys, Clock.systemUTC());
        return o.tokenCacheTtl().isZero() ? jwt : new CachingTokenVerifier(jwt,
            new VerifiedTokenCache(o.tokenCacheTtl(), VerifiedTokenCache.DEFAULT_MAX_ENTRIES), Clock.systemUTC());
      }
      case INTROSPECTION: {
        String clientId = Secrets.require(o.clientIdSecret());
        String secret = Secrets.require(o.clientSecretSecret());
        Discovered<URI> endpoint = o.introspectionEndpoint() != null ? o::introspectionEndpoint
            : () -> AuthorizationServerMetadata.discover(o.issuer(), json).introspectionEndpoint();
        Lazy<URI> lazy = new Lazy<>(endpoint);
        return new IntrospectionVerifier(lazy::getUnchecked, clientId, secret, o.issuer(), o.resource(), o.clockSkew(),
            o.introspectionCacheTtl(), http, Clock.systemUTC());
      }
      default:
        throw new IllegalStateException(o.mode().toString());
    }
  }

  /** A value found from the authorization server's metadata. */
  @FunctionalInterface
  interface Discovered<T> {
    T get() throws TokenRejectedException;
  }

  /** Discovers once; after a failure, tries again at most every 10 s. */
  static final class Lazy<T> {
    private final Discovered<T> source;
    private volatile T value;
    private volatile long failedAt = Long.MIN_VALUE;

    Lazy(Discovered<T> source) {
      this.source = source;
    }

    T get() throws TokenRejectedException {
      T v = value;
      if (v != null) {
        return v;
      }
      synchronized (this) {
        if (value != null) {
          return value;
        }
        if (failedAt != Long.MIN_VALUE && System.nanoTime() - failedAt < RETRY_DISCOVERY_NANOS) {
          throw new TokenRejectedException(TokenRejectedException.Reason.UNAVAILABLE, "metadata discovery failed recently");
        }
        try {
          T found = source.get();
          if (found == null) {
            throw new TokenRejectedException(TokenRejectedException.Reason.UNAVAILABLE,
                "the authorization server metadata lacks the needed endpoint");
          }
          value = found;
          return found;
        } catch (TokenRejectedException e) {
          failedAt = System.nanoTime();
          throw e;
        }
      }
    }

    T getUnchecked() {
      try {
        return get();
      } catch (TokenRejectedException e) {
        throw new IllegalStateException(e.getMessage());
      }
    }
  }

  /** A JWK source whose URL is discovered from the issuer's metadata on first use. */
  private static final class DiscoveredKeys implements JWKSource<SecurityContext> {
    private final Lazy<JWKSource<SecurityContext>> delegate;

    DiscoveredKeys(Discovered<URI> jwksUri, Duration ttl, Duration refresh) {
      this.delegate = new Lazy<>(() -> {
        URI uri = jwksUri.get();
        return uri == null ? null : JwtVerifier.remoteKeys(uri, ttl, refresh);
      });
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) throws KeySourceException {
      try {
        return delegate.get().get(selector, context);
      } catch (TokenRejectedException e) {
        throw new KeySourceException(e.getMessage());
      }
    }
  }
}
