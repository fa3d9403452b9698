package dev.toolwarden.runtime.internal.auth;

import com.nimbusds.jose.JWSAlgorithm;
import dev.toolwarden.runtime.auth.ResourceServer;
import dev.toolwarden.runtime.auth.TokenVerifier;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Everything a {@link ResourceServer} holds, as one immutable value: the public class validates and
 * documents each option, the {@linkplain TokenVerifiers verifier factory} and the HTTP transport read them here.
 *
 * @param mode how tokens are verified
 * @param issuer the issuer identifier, exactly as in the tokens' {@code iss}
 * @param resource this server's resource URL: the audience every token must carry
 * @param authorizationServers the metadata's {@code authorization_servers}
 * @param jwksUri the JWKS URL, or null to discover it
 * @param introspectionEndpoint the introspection endpoint, or null to discover it
 * @param clientIdSecret the name of the secret holding the introspection client id
 * @param clientSecretSecret the name of the secret holding the introspection client secret
 * @param algorithms the accepted JWS algorithms
 * @param clockSkew the tolerated clock difference
 * @param introspectionCacheTtl how long an active introspection answer is reused
 * @param tokenCacheTtl JWT mode: how long a verified token is reused (zero: not at all)
 * @param jwksTtl how long fetched keys are cached
 * @param jwksRefreshInterval the least time between two refreshes for an unknown {@code kid}
 * @param sessionIdle a session unused this long ends
 * @param sessionMax a session ends this long after it started
 * @param filterToolsList whether {@code tools/list} shows only the tools the token may call
 * @param requiredScopes scopes every request needs
 * @param resourceName the metadata's {@code resource_name}, or null
 * @param customVerifier the verifier of {@link ResourceServer.Mode#CUSTOM}, else null
 * @param events where authentication failures go, or null for the server's audit trail
 */
public record ResourceServerOptions(ResourceServer.Mode mode, String issuer, String resource,
    List<String> authorizationServers, URI jwksUri, URI introspectionEndpoint, String clientIdSecret,
    String clientSecretSecret, Set<JWSAlgorithm> algorithms, Duration clockSkew, Duration introspectionCacheTtl,
    Duration tokenCacheTtl, Duration jwksTtl, Duration jwksRefreshInterval, Duration sessionIdle, Duration sessionMax, boolean filterToolsList,
    List<String> requiredScopes, String resourceName, TokenVerifier customVerifier, AuthEvents events) {

  /** A copy to change: set fields, then {@link Builder#build()}. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** A mutable copy of the options; fields are set directly (the public class checks every value). */
  public static final class Builder {
    // one field per record component, same names: see the record for what each means
    public ResourceServer.Mode mode;
    public String issuer;
    public String resource;
    public List<String> authorizationServers;
    public URI jwksUri;
    public URI introspectionEndpoint;
    public String clientIdSecret;
    public String clientSecretSecret;
    public Set<JWSAlgorithm> algorithms;
    public Duration clockSkew;
    public Duration introspectionCacheTtl;
    public Duration tokenCacheTtl;
    public Duration jwksTtl;
    public Duration jwksRefreshInterval;
    public Duration sessionIdle;
    public Duration sessionMax;
    public boolean filterToolsList;
    public List<String> requiredScopes;
    public String resourceName;
    public TokenVerifier customVerifier;
    public AuthEvents events;

    private Builder(ResourceServerOptions o) {
      mode = o.mode;
      issuer = o.issuer;
      resource = o.resource;
      authorizationServers = o.authorizationServers;
      jwksUri = o.jwksUri;
      introspectionEndpoint = o.introspectionEndpoint;
      clientIdSecret = o.clientIdSecret;
      clientSecretSecret = o.clientSecretSecret;
      algorithms = o.algorithms;
      clockSkew = o.clockSkew;
      introspectionCacheTtl = o.introspectionCacheTtl;
      tokenCacheTtl = o.tokenCacheTtl;
      jwksTtl = o.jwksTtl;
      jwksRefreshInterval = o.jwksRefreshInterval;
      sessionIdle = o.sessionIdle;
      sessionMax = o.sessionMax;
      filterToolsList = o.filterToolsList;
      requiredScopes = o.requiredScopes;
      resourceName = o.resourceName;
      customVerifier = o.customVerifier;
      events = o.events;
    }

    /** The options as set. */
    public ResourceServerOptions build() {
      return new ResourceServerOptions(mode, issuer, resource, authorizationServers, jwksUri, introspectionEndpoint,
          clientIdSecret, clientSecretSecret, algorithms, clockSkew, introspectionCacheTtl, tokenCacheTtl, jwksTtl,
          jwksRefreshInterval,
          sessionIdle, sessionMax, filterToolsList, requiredScopes, resourceName, customVerifier, events);
    }
  }
}
