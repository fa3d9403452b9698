package dev.toolwarden.runtime.auth;

import dev.toolwarden.runtime.internal.auth.AuthEvents;
import dev.toolwarden.runtime.internal.auth.AuthorizationServerMetadata;
import dev.toolwarden.runtime.internal.auth.HttpJson;
import dev.toolwarden.runtime.internal.auth.CachingTokenVerifier;
import dev.toolwarden.runtime.internal.auth.IntrospectionVerifier;
import dev.toolwarden.runtime.internal.auth.VerifiedTokenCache;
import dev.toolwarden.runtime.internal.auth.JwtVerifier;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import dev.toolwarden.runtime.internal.config.Config;
import dev.toolwarden.runtime.Secrets;
import dev.toolwarden.runtime.ToolwardenStartupException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * This MCP server as an OAuth 2.1 resource server: who issues its tokens, its own resource URL
 * (the audience every token must carry), and how tokens are verified. Immutable: every option
 * returns a copy.
 *
 * <pre>
 *   HttpOptions.loopback(8080).oauth(ResourceServer.jwt("https://id.example.com/realms/acme",
 *       "https://mcp.example.com/mcp"))
 * </pre>
 *
 * <p>From the environment ({@link #fromEnvironment()}; system properties {@code toolwarden.oauth.*}
 * work too): {@code TOOLWARDEN_OAUTH_ISSUER}, {@code TOOLWARDEN_OAUTH_RESOURCE} (both required
 * to turn OAuth on), {@code TOOLWARDEN_OAUTH_MODE} ({@code jwt}, the default, or
 * {@code introspection}), {@code TOOLWARDEN_OAUTH_JWKS_URI}, {@code TOOLWARDEN_OAUTH_INTROSPECTION_ENDPOINT},
 * {@code TOOLWARDEN_OAUTH_AUTHORIZATION_SERVERS} (comma-separated; default: the issuer),
 * {@code TOOLWARDEN_OAUTH_CLOCK_SKEW}, {@code TOOLWARDEN_OAUTH_INTROSPECTION_CACHE}, {@code TOOLWARDEN_OAUTH_SESSION_IDLE},
 * {@code TOOLWARDEN_OAUTH_SESSION_MAX} (durations: {@code 30s}, {@code 10m}, {@code 12h} or ISO-8601),
 * {@code TOOLWARDEN_OAUTH_REQUIRED_SCOPES}, {@code TOOLWARDEN_OAUTH_FILTER_TOOLS} ({@code true}/{@code false}).
 * Introspection authenticates with the secrets {@code TOOLWARDEN_OAUTH_CLIENT_ID} and
 * {@code TOOLWARDEN_OAUTH_CLIENT_SECRET} (or their {@code _FILE} forms, see {@link Secrets}).
 */
public final class ResourceServer {

  /** How tokens are verified. */
  public enum Mode { JWT, INTROSPECTION, CUSTOM }

  public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(30);
  public static final Duration DEFAULT_SESSION_IDLE = Duration.ofMinutes(30);
  public static final Duration DEFAULT_SESSION_MAX = Duration.ofHours(12);
  public static final Duration DEFAULT_JWKS_TTL = Duration.ofMinutes(15);
  /** How long a verified JWT is reused by default (see {@link #tokenCacheTtl}). */
  public static final Duration DEFAULT_TOKEN_CACHE_TTL = Duration.ofSeconds(60);
  public static final Duration DEFAULT_JWKS_REFRESH_INTERVAL = Duration.ofSeconds(30);
  public static final String CLIENT_ID_SECRET = "TOOLWARDEN_OAUTH_CLIENT_ID";
  public static final String CLIENT_SECRET_SECRET = "TOOLWARDEN_OAUTH_CLIENT_SECRET";

  private Mode mode;
  private String issuer;
  private String resource;
  private List<String> authorizationServers;
  private URI jwksUri;
  private URI introspectionEndpoint;
  private String clientIdSecret = CLIENT_ID_SECRET;
  private String clientSecretSecret = CLIENT_SECRET_SECRET;
  private Set<JWSAlgorithm> algorithms = JwtVerifier.DEFAULT_ALGORITHMS;
  private Duration clockSkew = DEFAULT_CLOCK_SKEW;
  private Duration introspectionCacheTtl = IntrospectionVerifier.DEFAULT_CACHE_TTL;
  private Duration tokenCacheTtl = DEFAULT_TOKEN_CACHE_TTL;
  private Duration jwksTtl = DEFAULT_JWKS_TTL;
  private Duration jwksRefreshInterval = DEFAULT_JWKS_REFRESH_INTERVAL;
  private Duration sessionIdle = DEFAULT_SESSION_IDLE;
  private Duration sessionMax = DEFAULT_SESSION_MAX;
  private boolean filterToolsList = true;
  private List<String> requiredScopes = List.of();
  /** Null until set: the server then sends failures to its audit trail. */
  private AuthEvents events;
  private TokenVerifier customVerifier;
  private String resourceName;

  private ResourceServer(Mode mode, String issuer, String resource) {
    this.mode = mode;
    this.issuer = requireText(issuer, "issuer");
    this.resource = requireText(resource, "resource");
    this.authorizationServers = List.of(issuer);
  }

  private ResourceServer copy() {
    ResourceServer c = new ResourceServer(mode, issuer, resource);
    c.authorizationServers = authorizationServers;
    c.jwksUri = jwksUri;
    c.introspectionEndpoint = introspectionEndpoint;
    c.clientIdSecret = clientIdSecret;
    c.clientSecretSecret = clientSecretSecret;
    c.algorithms = algorithms;
    c.clockSkew = clockSkew;
    c.introspectionCacheTtl = introspectionCacheTtl;
    c.tokenCacheTtl = tokenCacheTtl;
    c.jwksTtl = jwksTtl;
    c.jwksRefreshInterval = jwksRefreshInterval;
    c.sessionIdle = sessionIdle;
    c.sessionMax = sessionMax;
    c.filterToolsList = filterToolsList;
    c.requiredScopes = requiredScopes;
    c.events = events;
    c.customVerifier = customVerifier;
    c.resourceName = resourceName;
    return c;
  }

  /**
   * Verifies JWT access tokens locally with the issuer's JWKS (found through its metadata unless
   * {@link #jwksUri} is set).
   *
   * @param issuer the authorization server's issuer identifier, exactly as in its tokens' {@code iss}
   * @param resource this server's public MCP endpoint URL (e.g. {@code https://mcp.example.com/mcp}):
   *     the audience tokens must be issued for, and the {@code resource} of the protected resource metadata
   */
  public static ResourceServer jwt(String issuer, String resource) {
    return new ResourceServer(Mode.JWT, issuer, resource);
  }

  /**
   * Verifies tokens with the issuer's RFC 7662 introspection endpoint, as the client whose id and
   * secret are in the environment ({@value #CLIENT_ID_SECRET}, {@value #CLIENT_SECRET_SECRET}).
   */
  public static ResourceServer introspection(String issuer, String resource) {
    return new ResourceServer(Mode.INTROSPECTION, issuer, resource);
  }

  /** Verifies tokens with {@code verifier}; issuer and resource still drive the metadata. */
  public static ResourceServer custom(String issuer, String resource, TokenVerifier verifier) {
    ResourceServer r = new ResourceServer(Mode.CUSTOM, issuer, resource);
    r.customVerifier = Objects.requireNonNull(verifier, "verifier");
    return r;
  }

  /**
   * The resource server described by configuration ({@code toolwarden.oauth.*} /
   * {@code TOOLWARDEN_OAUTH_*}), or empty when no issuer is configured.
   */
  public static Optional<ResourceServer> fromEnvironment() {
    return fromConfig(new Config());
  }

  /** As {@link #fromEnvironment()}, from {@code config}. */
  public static Optional<ResourceServer> fromConfig(Config config) {
    Optional<String> issuer = config.get("oauth.issuer");
    if (issuer.isEmpty()) {
      return Optional.empty();
    }
    String resource = config.get("oauth.resource").orElseThrow(() -> new ToolwardenStartupException(
        Config.environmentName("oauth.issuer") + " is set but " + Config.environmentName("oauth.resource")
            + " is not: set it to this server's public MCP URL, e.g. https://mcp.example.com/mcp"));
    String mode = config.get("oauth.mode").orElse("jwt").toLowerCase(Locale.ROOT);
    ResourceServer rs = switch (mode) {
      case "jwt" -> jwt(issuer.get(), resource);
      case "introspection" -> introspection(issuer.get(), resource);
      default -> throw new ToolwardenStartupException(Config.environmentName("oauth.mode") + " must be jwt or introspection, got '"
          + mode + "'");
    };
    try {
      Optional<String> v;
      if ((v = config.get("oauth.jwks.uri")).isPresent()) {
        rs = rs.jwksUri(URI.create(v.get()));
      }
      if ((v = config.get("oauth.introspection.endpoint")).isPresent()) {
        rs = rs.introspectionEndpoint(URI.create(v.get()));
      }
      if ((v = config.get("oauth.authorization.servers")).isPresent()) {
        rs = rs.authorizationServers(split(v.get()).toArray(String[]::new));
      }
      if ((v = config.get("oauth.clock.skew")).isPresent()) {
        rs = rs.clockSkew(duration(v.get()));
      }
      if ((v = config.get("oauth.introspection.cache")).isPresent()) {
        rs = rs.introspectionCacheTtl(duration(v.get()));
      }
      if ((v = config.get("oauth.token.cache")).isPresent()) {
        rs = rs.tokenCacheTtl(duration(v.get()));
      }
      if ((v = config.get("oauth.session.idle")).isPresent()) {
        rs = rs.sessionIdleTimeout(duration(v.get()));
      }
      if ((v = config.get("oauth.session.max")).isPresent()) {
        rs = rs.sessionMaxLifetime(duration(v.get()));
      }
      if ((v = config.get("oauth.required.scopes")).isPresent()) {
        rs = rs.requiredScopes(split(v.get()).toArray(String[]::new));
      }
      if ((v = config.get("oauth.filter.tools")).isPresent()) {
        rs = rs.filterToolsList(Boolean.parseBoolean(v.get()));
      }
    } catch (IllegalArgumentException e) {
      throw new ToolwardenStartupException("invalid OAuth configuration: " + e.getMessage());
    }
    return Optional.of(rs);
  }

  // ---- options ----------------------------------------------------------------------------------

  /** The JWKS URL, instead of discovering it from the issuer's metadata. */
  public ResourceServer jwksUri(URI uri) {
    ResourceServer c = copy();
    c.jwksUri = requireHttp(uri, "JWKS URI");
    return c;
  }

  /** The introspection endpoint, instead of discovering it from the issuer's metadata. */
  public ResourceServer introspectionEndpoint(URI uri) {
    ResourceServer c = copy();
    c.introspectionEndpoint = requireHttp(uri, "introspection endpoint");
    return c;
  }

  /** The names of the secrets holding the introspection client's id and secret. */
  public ResourceServer introspectionClient(String clientIdSecretName, String clientSecretSecretName) {
    ResourceServer c = copy();
    c.clientIdSecret = requireText(clientIdSecretName, "client id secret name");
    c.clientSecretSecret = requireText(clientSecretSecretName, "client secret secret name");
    return c;
  }

  /** The {@code authorization_servers} of the metadata (default: the issuer). */
  public ResourceServer authorizationServers(String... servers) {
    if (servers.length == 0) {
      throw new IllegalArgumentException("at least one authorization server");
    }
    ResourceServer c = copy();
    c.authorizationServers = List.of(servers);
    return c;
  }

  /** The accepted JWS algorithms, e.g. {@code "RS256", "ES256"} (asymmetric only). */
  public ResourceServer algorithms(String... names) {
    Set<JWSAlgorithm> algs = new LinkedHashSet<>();
    for (String n : names) {
      algs.add(JWSAlgorithm.parse(n));
    }
    ResourceServer c = copy();
    c.algorithms = Set.copyOf(algs);
    new JwtVerifier("x", "x", c.algorithms, Duration.ZERO, (s, ctx) -> List.of(), Clock.systemUTC()); // validates
    return c;
  }

  /** The tolerated clock difference for {@code exp}/{@code nbf} (default 30 s, at most 5 min). */
  public ResourceServer clockSkew(Duration skew) {
    if (skew.isNegative() || skew.compareTo(JwtVerifier.MAX_CLOCK_SKEW) > 0) {
      throw new IllegalArgumentException("clock skew must be between 0 and " + JwtVerifier.MAX_CLOCK_SKEW);
    }
    ResourceServer c = copy();
    c.clockSkew = skew;
    return c;
  }

  /** How long an active introspection answer is reused (default 30 s; zero turns caching off). */
  public ResourceServer introspectionCacheTtl(Duration ttl) {
    if (ttl.isNegative() || ttl.compareTo(Duration.ofMinutes(5)) > 0) {
      throw new IllegalArgumentException("introspection cache time must be between 0 and 5 minutes");
    }
    ResourceServer c = copy();
    c.introspectionCacheTtl = ttl;
    return c;
  }

  /**
   * How long a verified JWT is reused without checking its signature again (default 60 s, at most 5
   * minutes; zero turns the cache off): never past the token's {@code exp}, and only successes are cached.
   * A token verified with a key that is then removed from the JWKS stays accepted for at most this long.
   */
  public ResourceServer tokenCacheTtl(Duration ttl) {
    if (ttl.isNegative() || ttl.compareTo(Duration.ofMinutes(5)) > 0) {
      throw new IllegalArgumentException("token cache time must be between 0 and 5 minutes");
    }
    ResourceServer c = copy();
    c.tokenCacheTtl = ttl;
    return c;
  }

  /** How long fetched keys are cached, and the least time between two refreshes for an unknown {@code kid}. */
  public ResourceServer jwksCache(Duration ttl, Duration minRefreshInterval) {
    if ((ttl.isNegative() || ttl.isZero()) || minRefreshInterval.isNegative()) {
      throw new IllegalArgumentException("the JWKS cache time must be positive");
    }
    ResourceServer c = copy();
    c.jwksTtl = ttl;
    c.jwksRefreshInterval = minRefreshInterval;
    return c;
  }

  /** Ends a session unused for this long (default 30 min). */
  public ResourceServer sessionIdleTimeout(Duration idle) {
    if ((idle.isNegative() || idle.isZero())) {
      throw new IllegalArgumentException("the session idle timeout must be positive");
    }
    ResourceServer c = copy();
    c.sessionIdle = idle;
    return c;
  }

  /** Ends a session this long after it started, however busy (default 12 h). */
  public ResourceServer sessionMaxLifetime(Duration max) {
    if ((max.isNegative() || max.isZero())) {
      throw new IllegalArgumentException("the session lifetime must be positive");
    }
    ResourceServer c = copy();
    c.sessionMax = max;
    return c;
  }

  /** Whether {@code tools/list} shows only the tools the token may call (default {@code true}). */
  public ResourceServer filterToolsList(boolean filter) {
    ResourceServer c = copy();
    c.filterToolsList = filter;
    return c;
  }

  /** Scopes every request needs, whatever it does (default none). */
  public ResourceServer requiredScopes(String... scopes) {
    ResourceServer c = copy();
    c.requiredScopes = List.of(scopes);
    return c;
  }

  /** Where authentication and authorization failures go (default: {@link AuthEvents#logging()}). */
  public ResourceServer events(AuthEvents sink) {
    ResourceServer c = copy();
    c.events = Objects.requireNonNull(sink, "events");
    return c;
  }

  /** The {@code resource_name} of the metadata. */
  public ResourceServer resourceName(String name) {
    ResourceServer c = copy();
    c.resourceName = name;
    return c;
  }

  // ---- accessors --------------------------------------------------------------------------------

  public Mode mode() {
    return mode;
  }

  public String issuer() {
    return issuer;
  }

  public String resource() {
    return resource;
  }

  public List<String> authorizationServers() {
    return authorizationServers;
  }

  public Duration clockSkew() {
    return clockSkew;
  }

  public Duration sessionIdleTimeout() {
    return sessionIdle;
  }

  public Duration sessionMaxLifetime() {
    return sessionMax;
  }

  public boolean filterToolsList() {
    return filterToolsList;
  }

  public List<String> requiredScopes() {
    return requiredScopes;
  }

  public AuthEvents events() {
    return events != null ? events : AuthEvents.logging();
  }

  /** Whether {@link #events(AuthEvents)} was set. */
  public boolean hasEvents() {
    return events != null;
  }

  public String resourceName() {
    return resourceName;
  }

  /**
   * The URL of this resource's metadata (RFC 9728 §3.1): {@code /.well-known/oauth-protected-resource}
   * inserted before the resource URL's path.
   */
  public String metadataUrl() {
    URI r = URI.create(resource);
    String path = r.getRawPath() == null || "/".equals(r.getRawPath()) ? "" : r.getRawPath();
    return r.getScheme() + "://" + r.getRawAuthority() + "/.well-known/oauth-protected-resource" + path;
  }

  /**
   * Checks the configuration; {@code loopbackBind} relaxes nothing but the https requirement of a
   * resource URL on a loopback host.
   *
   * @throws ToolwardenStartupException when unusable
   */
  public void validate() {
    URI r;
    try {
      r = URI.create(resource);
    } catch (IllegalArgumentException e) {
      throw new ToolwardenStartupException("the OAuth resource URL '" + resource + "' is not a URL");
    }
    if (!r.isAbsolute() || r.getRawAuthority() == null || r.getRawFragment() != null || r.getRawQuery() != null
        || !("https".equals(r.getScheme()) || "http".equals(r.getScheme()))) {
      throw new ToolwardenStartupException("the OAuth resource URL '" + resource
          + "' must be an absolute http(s) URL without query or fragment, e.g. https://mcp.example.com/mcp");
    }
    if ("http".equals(r.getScheme()) && !isLoopback(r.getHost())) {
      throw new ToolwardenStartupException("the OAuth resource URL '" + resource
          + "' must use https (plain http is only accepted for a loopback host)");
    }
    URI i;
    try {
      i = URI.create(issuer);
    } catch (IllegalArgumentException e) {
      throw new ToolwardenStartupException("the OAuth issuer '" + issuer + "' is not a URL");
    }
    if (!i.isAbsolute() || i.getRawAuthority() == null || i.getRawQuery() != null || i.getRawFragment() != null
        || !("https".equals(i.getScheme()) || ("http".equals(i.getScheme()) && isLoopback(i.getHost())))) {
      throw new ToolwardenStartupException("the OAuth issuer '" + issuer
          + "' must be an https URL without query or fragment (http only for a loopback host)");
    }
  }

  /** Builds the verifier; reads the introspection client's secrets now. */
  public TokenVerifier createVerifier() {
    HttpClient http = HttpJson.defaultClient();
    HttpJson json = new HttpJson(http);
    switch (mode) {
      case CUSTOM:
        return customVerifier;
      case JWT: {
        JWKSource<SecurityContext> keys = jwksUri != null
            ? JwtVerifier.remoteKeys(jwksUri, jwksTtl, jwksRefreshInterval)
            : new DiscoveredKeys(() -> AuthorizationServerMetadata.discover(issuer, json).jwksUri(), jwksTtl,
                jwksRefreshInterval);
        JwtVerifier jwt = new JwtVerifier(issuer, resource, algorithms, clockSkew, keys, Clock.systemUTC());
        return tokenCacheTtl.isZero() ? jwt : new CachingTokenVerifier(jwt,
            new VerifiedTokenCache(tokenCacheTtl, VerifiedTokenCache.DEFAULT_MAX_ENTRIES), Clock.systemUTC());
      }
      case INTROSPECTION: {
        String clientId = Secrets.require(clientIdSecret);
        String secret = Secrets.require(clientSecretSecret);
        Discovered<URI> endpoint = introspectionEndpoint != null ? () -> introspectionEndpoint
            : () -> AuthorizationServerMetadata.discover(issuer, json).introspectionEndpoint();
        Lazy<URI> lazy = new Lazy<>(endpoint);
        return new IntrospectionVerifier(lazy::getUnchecked, clientId, secret, issuer, resource, clockSkew,
            introspectionCacheTtl, http, Clock.systemUTC());
      }
      default:
        throw new IllegalStateException(mode.toString());
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
        if (failedAt != Long.MIN_VALUE && System.nanoTime() - failedAt < 10_000_000_000L) {
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

  // ---- helpers ----------------------------------------------------------------------------------

  static boolean isLoopback(String host) {
    if (host == null) {
      return false;
    }
    String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    if ("localhost".equalsIgnoreCase(h)) {
      return true;
    }
    if (!h.matches("[0-9.]+") && h.indexOf(':') < 0) {
      return false; // a name: never resolved here
    }
    try {
      return InetAddress.getByName(h).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private static List<String> split(String s) {
    List<String> out = new ArrayList<>();
    for (String p : s.split("[,\\s]+")) {
      if (!p.isEmpty()) {
        out.add(p);
      }
    }
    return out;
  }

  /** {@code 30s}, {@code 10m}, {@code 12h}, {@code 2d}, a number of seconds, or ISO-8601 ({@code PT30M}). */
  static Duration duration(String s) {
    String t = s.trim().toLowerCase(Locale.ROOT);
    try {
      if (t.startsWith("p")) {
        return Duration.parse(t.toUpperCase(Locale.ROOT));
      }
      char unit = t.charAt(t.length() - 1);
      if (Character.isDigit(unit)) {
        return Duration.ofSeconds(Long.parseLong(t));
      }
      long n = Long.parseLong(t.substring(0, t.length() - 1));
      return switch (unit) {
        case 's' -> Duration.ofSeconds(n);
        case 'm' -> Duration.ofMinutes(n);
        case 'h' -> Duration.ofHours(n);
        case 'd' -> Duration.ofDays(n);
        default -> throw new IllegalArgumentException("not a duration: '" + s + "'");
      };
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not a duration: '" + s + "' (use 30s, 10m, 12h or PT30M)");
    }
  }

  private static URI requireHttp(URI uri, String what) {
    Objects.requireNonNull(uri, what);
    if (!uri.isAbsolute() || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
      throw new IllegalArgumentException(what + " must be an absolute http(s) URL");
    }
    return uri;
  }

  private static String requireText(String s, String what) {
    if (s == null || s.isBlank()) {
      throw new IllegalArgumentException(what + " must not be empty");
    }
    return s.trim();
  }
}
