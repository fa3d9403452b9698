package dev.toolwarden.runtime.internal.config;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Every configuration key Toolwarden reads, with its type, default and description: the registry
 * behind {@code docs/settings.md} (a test renders the table from here and compares it with the file).
 * {@link Config} reads nothing that is not listed here.
 *
 * <p>Naming rule: kebab-case segments with dots between ({@code oauth.clock-skew}); the system
 * property is {@code toolwarden.} and the key, the environment variable {@code TOOLWARDEN_} and the
 * key in upper case with every dot and hyphen an underscore ({@code TOOLWARDEN_OAUTH_CLOCK_SKEW}).
 * Old spellings still work for one release, with a warning.
 */
public enum Setting {
  TRANSPORT("transport", ValueType.choice("stdio", "http"), "stdio", "the transport `ServerBuilder.start()` runs"),
  GRANT_SCOPES("grant-scopes", ValueType.LIST, "every scope the served tools declare",
      "scopes granted to stdio callers (and loopback HTTP without OAuth)", "grant.scopes"),
  ROOT("root.<name>", ValueType.PATH, "", "the directory of the `@SafePath` root `<name>` unless bound with `.root(..)`"),

  HTTP_HOST("http.host", ValueType.TEXT, "127.0.0.1", "the address HTTP listens on (anything but loopback needs OAuth, TLS and an Origin allowlist)"),
  HTTP_PORT("http.port", ValueType.integer(0, 65535), "8080", "the HTTP port (0: an ephemeral port)"),
  HTTP_CLIENT_LIMIT("http.client-limit", ValueType.RATE, "1200/1m", "HTTP requests per remote address and window (429 beyond)"),
  HTTP_ALLOWED_ORIGINS("http.allowed-origins", ValueType.LIST, "", "Origins allowed besides the loopback ones", "http.allowed.origins"),
  HTTP_BEHIND_TLS_PROXY("http.behind-tls-proxy", ValueType.BOOLEAN, "false",
      "a TLS-terminating proxy is in front, so plain HTTP on a non-loopback bind is accepted with OAuth", "http.behind.tls.proxy"),
  HTTP_TRUSTED_PROXIES("http.trusted-proxies", ValueType.LIST, "",
      "reverse proxies (IPs or CIDR blocks) whose `X-Forwarded-For`/`Forwarded`/`X-Forwarded-Proto` are believed"),
  HTTP_STATELESS("http.stateless", ValueType.BOOLEAN, "false",
      "serve every request on its own, without sessions (any replica can answer any request)"),
  HTTP_MAX_REQUEST_SIZE("http.max-request-size", ValueType.size(Integer.MAX_VALUE), "4MiB", "the largest request body (413 beyond)"),
  HTTP_MAX_HEADER_SIZE("http.max-header-size", ValueType.size(Integer.MAX_VALUE), "16KiB",
      "the largest request line plus headers, at least 1KiB (431 beyond)"),
  AUDIT_QUEUE("audit.queue", ValueType.integer(1, 1 << 24), "8192",
      "audit events the default trail's writer may have waiting (see docs/audit.md)"),
  AUDIT_MAX_BLOCK("audit.max-block", ValueType.DURATION, "100ms",
      "the longest a call waits for room in a full audit queue; the event is then dropped, counted and reported"),
  STARTUP_JSON_WARMUP("startup.json-warmup", ValueType.BOOLEAN, "true",
      "prepare the JSON mapper and the SDK server on a second thread while the server assembles (Boot over stdio: while"
          + " the beans are made)"),
  TLS_KEYSTORE("tls.keystore", ValueType.PATH, "", "a PKCS12 or JKS keystore: serve HTTPS"),
  TLS_KEYSTORE_PASSWORD("tls.keystore-password", ValueType.SECRET, "", "the keystore password"),

  OAUTH_ISSUER("oauth.issuer", ValueType.TEXT, "", "the authorization server's issuer; turns OAuth on (with `oauth.resource`)"),
  OAUTH_RESOURCE("oauth.resource", ValueType.TEXT, "", "this server's public MCP URL: the audience every token must carry"),
  OAUTH_MODE("oauth.mode", ValueType.choice("jwt", "introspection"), "jwt",
      "local JWT verification with the issuer's JWKS, or RFC 7662 introspection"),
  OAUTH_JWKS_URI("oauth.jwks-uri", ValueType.URL, "from the issuer's metadata", "the JWKS URL", "oauth.jwks.uri"),
  OAUTH_INTROSPECTION_ENDPOINT("oauth.introspection-endpoint", ValueType.URL, "from the issuer's metadata",
      "the introspection endpoint", "oauth.introspection.endpoint"),
  OAUTH_AUTHORIZATION_SERVERS("oauth.authorization-servers", ValueType.LIST, "the issuer",
      "the `authorization_servers` of the protected resource metadata", "oauth.authorization.servers"),
  OAUTH_CLOCK_SKEW("oauth.clock-skew", ValueType.DURATION, "30s", "tolerance for `exp`/`nbf`, at most 5m", "oauth.clock.skew"),
  OAUTH_INTROSPECTION_CACHE("oauth.introspection-cache", ValueType.DURATION, "30s",
      "how long an active introspection answer is reused (0s: not at all), at most 5m", "oauth.introspection.cache"),
  OAUTH_TOKEN_CACHE("oauth.token-cache", ValueType.DURATION, "60s",
      "JWT mode: how long a verified token is reused without checking its signature again (0s: not at all), at most 5m"),
  OAUTH_SESSION_IDLE("oauth.session-idle", ValueType.DURATION, "30m", "a session unused this long ends", "oauth.session.idle"),
  OAUTH_SESSION_MAX("oauth.session-max", ValueType.DURATION, "12h", "a session ends this long after it started", "oauth.session.max"),
  OAUTH_REQUIRED_SCOPES("oauth.required-scopes", ValueType.LIST, "", "scopes every request needs", "oauth.required.scopes"),
  OAUTH_FILTER_TOOLS("oauth.filter-tools", ValueType.BOOLEAN, "true",
      "`tools/list` shows only the tools the token may call", "oauth.filter.tools"),
  OAUTH_CLIENT_ID("oauth.client-id", ValueType.SECRET, "", "introspection only: this server's client id at the authorization server"),
  OAUTH_CLIENT_SECRET("oauth.client-secret", ValueType.SECRET, "", "introspection only: that client's secret"),

  TELEMETRY_RECORD_ARGUMENTS("telemetry.record-arguments", ValueType.BOOLEAN, "false",
      "spans carry the tool arguments as the audit trail shows them (`@Redact` values masked); see docs/observability.md"),
  METRICS_PROMETHEUS("metrics.prometheus", ValueType.TEXT, "",
      "toolwarden-prometheus: `[host:]port` of a Prometheus text endpoint at `/metrics` (loopback unless a host is named; never the MCP port)"),

  REDIS_URL(true, "redis.url", ValueType.TEXT, "", "toolwarden-redis: `redis://host:port[/db]`, `rediss://` for TLS, never a password"),
  REDIS_PASSWORD("redis.password", ValueType.SECRET, "", "toolwarden-redis: the Redis password (unless `redis.password-secret` names another variable)"),
  REDIS_PASSWORD_SECRET("redis.password-secret", ValueType.TEXT, "TOOLWARDEN_REDIS_PASSWORD",
      "toolwarden-redis: the environment variable holding the password"),
  REDIS_ON_FAILURE("redis.on-failure", ValueType.choice("deny", "allow-with-local-fallback"), "deny",
      "toolwarden-redis: what a decision is while Redis is unreachable"),
  REDIS_TIMEOUT("redis.timeout", ValueType.DURATION, "2s", "toolwarden-redis: bound on one decision by a connected Redis (a lost connection is an outage at once)"),
  REDIS_CONNECT_TIMEOUT("redis.connect-timeout", ValueType.DURATION, "2s", "toolwarden-redis: bound on opening a connection"),
  REDIS_PROBE_INTERVAL("redis.probe-interval", ValueType.DURATION, "1s", "toolwarden-redis: how often Redis is tried again during an outage"),
  REDIS_FAILURE_THRESHOLD("redis.failure-threshold", ValueType.integer(1, Integer.MAX_VALUE), "3",
      "toolwarden-redis: slow decisions in a row that declare an outage"),
  REDIS_NAMESPACE("redis.namespace", ValueType.TEXT, "the server's name", "toolwarden-redis: the key namespace");

  private static final String TEMPLATE = ".<name>";

  private final boolean secret;
  private final String key;
  private final ValueType type;
  private final String defaultValue;
  private final String description;
  private final List<String> oldKeys;

  Setting(String key, ValueType type, String defaultValue, String description, String... oldKeys) {
    this(type.kind() == ValueType.Kind.SECRET, key, type, defaultValue, description, oldKeys);
  }

  Setting(boolean secret, String key, ValueType type, String defaultValue, String description, String... oldKeys) {
    this.secret = secret;
    this.key = key;
    this.type = type;
    this.defaultValue = defaultValue;
    this.description = description;
    this.oldKeys = List.of(oldKeys);
  }

  /** The key, e.g. {@code oauth.clock-skew}; a family such as {@code root.<name>} ends in {@code .<name>}. */
  public String key() {
    return key;
  }

  /** The value's type. */
  public ValueType type() {
    return type;
  }

  /** The default, in words; empty when there is none. */
  public String defaultValue() {
    return defaultValue;
  }

  /** What the setting does. */
  public String description() {
    return description;
  }

  /** Whether a value is never printed (a secret, or a value that may carry one). */
  public boolean secret() {
    return secret;
  }

  /** Deprecated spellings, still read for one release with a warning. */
  public List<String> oldKeys() {
    return oldKeys;
  }

  /** Whether this is a family of keys ({@code root.<name>}) rather than one key. */
  public boolean isFamily() {
    return key.endsWith(TEMPLATE);
  }

  /** The key of the member {@code name} of a family. */
  public String member(String name) {
    if (!isFamily()) {
      throw new IllegalStateException(key + " is not a family of keys");
    }
    return key.substring(0, key.length() - TEMPLATE.length() + 1) + name;
  }

  /** The setting {@code key} (or an old spelling of it, or a member of a family) belongs to. */
  public static Optional<Setting> byKey(String key) {
    for (Setting s : values()) {
      if (s.key.equals(key) || s.oldKeys.contains(key)
          || (s.isFamily() && key.startsWith(s.member("")) && key.length() > s.member("").length())) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  /** {@code toolwarden.<key>}. */
  public static String propertyName(String key) {
    return "toolwarden." + key;
  }

  /** {@code TOOLWARDEN_<KEY>}: upper case, every character but a letter or digit an underscore. */
  public static String environmentName(String key) {
    StringBuilder b = new StringBuilder("TOOLWARDEN_");
    for (char c : key.toUpperCase(Locale.ROOT).toCharArray()) {
      b.append((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ? c : '_');
    }
    return b.toString();
  }

  /** The system property of this setting ({@code toolwarden.root.<name>} for a family). */
  public String propertyName() {
    return propertyName(key);
  }

  /** The environment variable of this setting ({@code TOOLWARDEN_ROOT_<NAME>} for a family). */
  public String environmentName() {
    return isFamily() ? environmentName(member("")).replaceAll("_$", "") + "_<NAME>" : environmentName(key);
  }
}
