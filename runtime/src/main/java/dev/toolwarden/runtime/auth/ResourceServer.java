package dev.toolwarden.runtime.auth;

import com.nimbusds.jose.JWSAlgorithm;
import dev.toolwarden.runtime.Secrets;
import dev.toolwarden.runtime.ToolwardenStartupException;
import dev.toolwarden.runtime.internal.auth.IntrospectionVerifier;
import dev.toolwarden.runtime.internal.auth.JwtVerifier;
import dev.toolwarden.runtime.internal.auth.ResourceServerAccess;
import dev.toolwarden.runtime.internal.auth.ResourceServerOptions;
import dev.toolwarden.runtime.internal.auth.ResourceServerValidation;
import dev.toolwarden.runtime.internal.auth.TokenVerifiers;
import dev.toolwarden.runtime.internal.config.Config;
import dev.toolwarden.runtime.internal.config.ResourceServerConfig;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

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
 * <p>From configuration with {@link #fromEnvironment()}: the {@code toolwarden.oauth.*} system
 * properties / {@code TOOLWARDEN_OAUTH_*} environment variables listed in {@code docs/settings.md}
 * ({@code TOOLWARDEN_OAUTH_ISSUER} and {@code TOOLWARDEN_OAUTH_RESOURCE} turn OAuth on).
 * Introspection authenticates with the secrets {@value #CLIENT_ID_SECRET} and
 * {@value #CLIENT_SECRET_SECRET} (or their {@code _FILE} forms, see {@link Secrets}).
 */
public final class ResourceServer {

  static {
    ResourceServerAccess.register(rs -> rs.options, ResourceServer::new);
  }

  /** How tokens are verified. */
  public enum Mode {
    /** Locally, as JWTs signed with a key of the issuer's JWKS. */
    JWT,
    /** By the issuer's RFC 7662 introspection endpoint. */
    INTROSPECTION,
    /** By a {@link TokenVerifier} of the application. */
    CUSTOM
  }

  /** Default tolerated clock difference. */
  public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(30);
  /** Default session idle timeout. */
  public static final Duration DEFAULT_SESSION_IDLE = Duration.ofMinutes(30);
  /** Default absolute session lifetime. */
  public static final Duration DEFAULT_SESSION_MAX = Duration.ofHours(12);
  /** Default time fetched keys are cached. */
  public static final Duration DEFAULT_JWKS_TTL = Duration.ofMinutes(15);
  /** Default time a verified JWT is reused (see {@link #tokenCacheTtl}). */
  public static final Duration DEFAULT_TOKEN_CACHE_TTL = Duration.ofSeconds(60);
  /** Default least time between two key refreshes for an unknown {@code kid}. */
  public static final Duration DEFAULT_JWKS_REFRESH_INTERVAL = Duration.ofSeconds(30);
  /** Default name of the secret holding the introspection client id. */
  public static final String CLIENT_ID_SECRET = "TOOLWARDEN_OAUTH_CLIENT_ID";
  /** Default name of the secret holding the introspection client secret. */
  public static final String CLIENT_SECRET_SECRET = "TOOLWARDEN_OAUTH_CLIENT_SECRET";

  private final ResourceServerOptions options;

  private ResourceServer(ResourceServerOptions options) {
    this.options = options;
  }

  private ResourceServer(Mode mode, String issuer, String resource, TokenVerifier custom) {
    String i = requireText(issuer, "issuer");
    this.options = new ResourceServerOptions(mode, i, requireText(resource, "resource"), List.of(i), null, null,
        CLIENT_ID_SECRET, CLIENT_SECRET_SECRET, JwtVerifier.DEFAULT_ALGORITHMS, DEFAULT_CLOCK_SKEW,
        IntrospectionVerifier.DEFAULT_CACHE_TTL, DEFAULT_TOKEN_CACHE_TTL, DEFAULT_JWKS_TTL, DEFAULT_JWKS_REFRESH_INTERVAL, DEFAULT_SESSION_IDLE,
        DEFAULT_SESSION_MAX, true, List.of(), null, custom, null);
  }

  private ResourceServer with(Consumer<ResourceServerOptions.Builder> change) {
    ResourceServerOptions.Builder b = options.toBuilder();
    change.accept(b);
    return new ResourceServer(b.build());
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
    return new ResourceServer(Mode.JWT, issuer, resource, null);
  }

  /**
   * Verifies tokens with the issuer's RFC 7662 introspection endpoint, as the client whose id and
   * secret are in the environment ({@value #CLIENT_ID_SECRET}, {@value #CLIENT_SECRET_SECRET}).
   */
  public static ResourceServer introspection(String issuer, String resource) {
    return new ResourceServer(Mode.INTROSPECTION, issuer, resource, null);
  }

  /** Verifies tokens with {@code verifier}; issuer and resource still drive the metadata. */
  public static ResourceServer custom(String issuer, String resource, TokenVerifier verifier) {
    return new ResourceServer(Mode.CUSTOM, issuer, resource, Objects.requireNonNull(verifier, "verifier"));
  }

  /**
   * The resource server described by configuration ({@code toolwarden.oauth.*} /
   * {@code TOOLWARDEN_OAUTH_*}, see {@code docs/settings.md}), or empty when no issuer is configured.
   *
   * @throws ToolwardenStartupException naming the key when a value is malformed or unusable
   */
  public static Optional<ResourceServer> fromEnvironment() {
    return ResourceServerConfig.read(new Config());
  }

  // ---- options ----------------------------------------------------------------------------------

  /** The JWKS URL, instead of discovering it from the issuer's metadata. */
  public ResourceServer jwksUri(URI uri) {
    URI checked = requireHttp(uri, "JWKS URI");
    return with(b -> b.jwksUri = checked);
  }

  /** The introspection endpoint, instead of discovering it from the issuer's metadata. */
  public ResourceServer introspectionEndpoint(URI uri) {
    URI checked = requireHttp(uri, "introspection endpoint");
    return with(b -> b.introspectionEndpoint = checked);
  }

  /** The names of the secrets holding the introspection client's id and secret. */
  public ResourceServer introspectionClient(String clientIdSecretName, String clientSecretSecretName) {
    String id = requireText(clientIdSecretName, "client id secret name");
    String secret = requireText(clientSecretSecretName, "client secret secret name");
    return with(b -> {
      b.clientIdSecret = id;
      b.clientSecretSecret = secret;
    });
  }

  /** The {@code authorization_servers} of the metadata (default: the issuer). */
  public ResourceServer authorizationServers(String... servers) {
    if (servers.length == 0) {
      throw new IllegalArgumentException("at least one authorization server");
    }
    List<String> all = List.of(servers);
    return with(b -> b.authorizationServers = all);
  }

  /** The accepted JWS algorithms, e.g. {@code "RS256", "ES256"} (asymmetric only). */
  public ResourceServer algorithms(String... names) {
    Set<JWSAlgorithm> algs = new LinkedHashSet<>();
    for (String n : names) {
      algs.add(JWSAlgorithm.parse(n));
    }
    Set<JWSAlgorithm> accepted = Set.copyOf(algs);
    new JwtVerifier("x", "x", accepted, Duration.ZERO, (s, ctx) -> List.of(), Clock.systemUTC()); // validates
    return with(b -> b.algorithms = accepted);
  }

  /** The tolerated clock difference for {@code exp}/{@code nbf} (default 30 s, at most 5 min). */
  public ResourceServer clockSkew(Duration skew) {
    if (skew.isNegative() || skew.compareTo(JwtVerifier.MAX_CLOCK_SKEW) > 0) {
      throw new IllegalArgumentException("clock skew must be between 0 and 5m");
    }
    return with(b -> b.clockSkew = skew);
  }

  /** How long an active introspection answer is reused (default 30 s; zero turns caching off). */
  public ResourceServer introspectionCacheTtl(Duration ttl) {
    if (ttl.isNegative() || ttl.compareTo(Duration.ofMinutes(5)) > 0) {
      throw new IllegalArgumentException("introspection cache time must be between 0 and 5m");
    }
    return with(b -> b.introspectionCacheTtl = ttl);
  }

  /**
   * JWT mode: how long a verified token is reused without checking its signature again (default 60 s, at
   * most 5 min; zero turns the cache off). Never past the token's {@code exp}; only successes are cached,
   * keyed by the token's SHA-256. A token verified with a key that the authorization server then removes
   * from its JWKS stays accepted for at most this long.
   */
  public ResourceServer tokenCacheTtl(Duration ttl) {
    if (ttl.isNegative() || ttl.compareTo(Duration.ofMinutes(5)) > 0) {
      throw new IllegalArgumentException("token cache time must be between 0 and 5m");
    }
    return with(b -> b.tokenCacheTtl = ttl);
  }

  /** How long fetched keys are cached, and the least time between two refreshes for an unknown {@code kid}. */
  public ResourceServer jwksCache(Duration ttl, Duration minRefreshInterval) {
    if (ttl.isNegative() || ttl.isZero() || minRefreshInterval.isNegative()) {
      throw new IllegalArgumentException("the JWKS cache time must be positive");
    }
    return with(b -> {
      b.jwksTtl = ttl;
      b.jwksRefreshInterval = minRefreshInterval;
    });
  }

  /** Ends a session unused for this long (default 30 min). */
  public ResourceServer sessionIdleTimeout(Duration idle) {
    if (idle.isNegative() || idle.isZero()) {
      throw new IllegalArgumentException("the session idle timeout must be positive");
    }
    return with(b -> b.sessionIdle = idle);
  }

  /** Ends a session this long after it started, however busy (default 12 h). */
  public ResourceServer sessionMaxLifetime(Duration max) {
    if (max.isNegative() || max.isZero()) {
      throw new IllegalArgumentException("the session lifetime must be positive");
    }
    return with(b -> b.sessionMax = max);
  }

  /** Whether {@code tools/list} shows only the tools the token may call (default {@code true}). */
  public ResourceServer filterToolsList(boolean filter) {
    return with(b -> b.filterToolsList = filter);
  }

  /** Scopes every request needs, whatever it does (default none). */
  public ResourceServer requiredScopes(String... scopes) {
    List<String> all = List.of(scopes);
    return with(b -> b.requiredScopes = all);
  }

  /** The {@code resource_name} of the metadata. */
  public ResourceServer resourceName(String name) {
    return with(b -> b.resourceName = name);
  }

  // ---- accessors --------------------------------------------------------------------------------

  /** How tokens are verified. */
  public Mode mode() {
    return options.mode();
  }

  /** The issuer identifier tokens must carry in {@code iss}. */
  public String issuer() {
    return options.issuer();
  }

  /** This server's resource URL: the audience every token must carry. */
  public String resource() {
    return options.resource();
  }

  /** The {@code authorization_servers} of the metadata. */
  public List<String> authorizationServers() {
    return options.authorizationServers();
  }

  /** The tolerated clock difference for {@code exp}/{@code nbf}. */
  public Duration clockSkew() {
    return options.clockSkew();
  }

  /** How long an unused session lives. */
  public Duration sessionIdleTimeout() {
    return options.sessionIdle();
  }

  /** How long a session lives at most. */
  public Duration sessionMaxLifetime() {
    return options.sessionMax();
  }

  /** Whether {@code tools/list} shows only the tools the token may call. */
  public boolean filterToolsList() {
    return options.filterToolsList();
  }

  /** Scopes every request needs. */
  public List<String> requiredScopes() {
    return options.requiredScopes();
  }

  /** The {@code resource_name} of the metadata, or null. */
  public String resourceName() {
    return options.resourceName();
  }

  /**
   * The URL of this resource's metadata (RFC 9728 §3.1): {@code /.well-known/oauth-protected-resource}
   * inserted before the resource URL's path.
   */
  public String metadataUrl() {
    URI r = URI.create(options.resource());
    String path = r.getRawPath() == null || "/".equals(r.getRawPath()) ? "" : r.getRawPath();
    return r.getScheme() + "://" + r.getRawAuthority() + "/.well-known/oauth-protected-resource" + path;
  }

  /**
   * Checks the issuer and resource URL: absolute http(s) URLs without query or fragment, https
   * unless the host is loopback.
   *
   * @throws ToolwardenStartupException when unusable
   */
  public void validate() {
    ResourceServerValidation.validate(options);
  }

  /** Builds the verifier; reads the introspection client's secrets now. */
  public TokenVerifier createVerifier() {
    return TokenVerifiers.create(options);
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
