package dev.toolwarden.redis;

import dev.toolwarden.runtime.internal.config.Config;
import dev.toolwarden.runtime.internal.ratelimit.InMemoryRateLimiter;
import dev.toolwarden.runtime.Secrets;
import dev.toolwarden.runtime.ToolwardenStartupException;
import dev.toolwarden.runtime.audit.AuditSink;
import dev.toolwarden.runtime.ratelimit.RateLimitDecision;
import dev.toolwarden.runtime.ratelimit.RateLimiterBackend;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * {@code @RateLimit} budgets shared by every replica of a server through one Redis.
 *
 * <p><b>Atomic, server-side.</b> Each call runs one Lua script ({@code EVALSHA}, one round trip)
 * that refills and takes a token in Redis itself, on Redis's clock: replicas and threads sharing
 * a bucket never over-admit, and the replicas' clocks do not matter. The arithmetic is the
 * in-memory limiter's (exact integers, smooth refill of {@code permits} per window), so the same
 * limit gives the same decisions.
 *
 * <p><b>Keys</b> are {@code toolwarden:<namespace>:<bucket>}, e.g.
 * {@code toolwarden:orders:tool:find_orders|principal:alice}; the namespace is the server's name
 * unless set. A bucket expires once it would be full again, so Redis holds only the buckets in use.
 *
 * <p><b>Failure.</b> No decision waits for Redis's answer longer than the timeout (default
 * {@value #DEFAULT_TIMEOUT_MILLIS} ms, sized for a busy host: see the README), nor for a connection
 * longer than the connect timeout. A lost or refused
 * connection makes the limiter stop asking Redis at once; slow answers do after
 * {@code failureThreshold} in a row. Until a probe (one call per probe interval, default 1 s)
 * gets an answer again, the {@link FailurePolicy} decides at once ({@link FailurePolicy#DENY} by
 * default). Each change of state is written once to the audit trail
 * ({@code rate_limit_backend_unavailable}, then {@code rate_limit_backend_recovered}) and the log,
 * never per call. Recovery needs no restart.
 *
 * <p>Build one per server process: {@link #fromConfig()} (from {@code toolwarden.redis.*} /
 * {@code TOOLWARDEN_REDIS_*}) or {@link #builder(String)}, and pass it to
 * {@code Toolwarden.server(..).rateLimiter(limiter)} — or put {@code toolwarden-redis} on the class
 * path and set {@code TOOLWARDEN_REDIS_URL}: the server then builds one itself
 * ({@link RedisRateLimiterProvider}). Building does no network I/O: the connection is opened in the
 * background when a server attaches the limiter (or by the first decision). {@link #close()} it
 * when the server stops.
 */
public final class RedisRateLimiter implements RateLimiterBackend, AutoCloseable {

  /** The environment variable (or {@code …_FILE}) the password is read from by default. */
  public static final String DEFAULT_PASSWORD_SECRET = "TOOLWARDEN_REDIS_PASSWORD";
  /** Default bound on one decision by Redis, in milliseconds. */
  public static final long DEFAULT_TIMEOUT_MILLIS = 2000;
  /** Default bound on one decision by Redis. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(DEFAULT_TIMEOUT_MILLIS);
  /** Default bound on opening a connection (TCP connect and handshake). */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);
  /** Default interval between two attempts to reach Redis again while it is unavailable. */
  public static final Duration DEFAULT_PROBE_INTERVAL = Duration.ofSeconds(1);
  /** Default number of slow (or failed) decisions in a row that declare Redis unavailable. */
  public static final int DEFAULT_FAILURE_THRESHOLD = 3;
  /** Every key starts with this. */
  public static final String KEY_PREFIX = BucketKeys.PREFIX;

  private final RedisEndpoint endpoint;
  private final FailurePolicy policy;
  private final long probeIntervalMillis;
  private final long timeoutMillis;
  private final TokenBucketClient bucket;
  private final OutageReporter reporter;
  private final OutageBreaker breaker;
  private volatile String namespace;
  private volatile InMemoryRateLimiter fallback;

  private RedisRateLimiter(Builder b, LongSupplier nanoClock) {
    this.endpoint = b.endpoint;
    this.policy = b.policy;
    this.namespace = b.namespace;
    this.probeIntervalMillis = Math.max(1, b.probeInterval.toMillis());
    this.timeoutMillis = b.timeout.toMillis();
    // the URI's timeout bounds the connection handshake; commands are bounded by each call's deadline
    this.bucket = new TokenBucketClient(endpoint.toRedisUri(b.password == null ? null : b.password.clone(), b.connectTimeout, "toolwarden"),
        b.timeout, b.connectTimeout, nanoClock);
    this.reporter = new OutageReporter(endpoint, policy);
    this.breaker = new OutageBreaker(b.failureThreshold, b.probeInterval.toNanos(), nanoClock, reporter);
  }

  /** A builder for the Redis at {@code url} ({@code redis://host:port[/db]} or {@code rediss://…} for TLS). */
  public static Builder builder(String url) {
    return new Builder(RedisEndpoint.parse(url));
  }

  /**
   * A limiter configured from system properties {@code toolwarden.redis.*} and environment variables
   * {@code TOOLWARDEN_REDIS_*} (the keys are listed in docs/settings.md).
   */
  public static RedisRateLimiter fromConfig() {
    return fromConfig(new Config());
  }

  /**
   * A limiter configured from {@code config}:
   *
   * <table>
   * <caption>configuration keys</caption>
   * <tr><td>{@code redis.url}</td><td>required: {@code redis://host:port[/db]}, {@code rediss://} for TLS, {@code user@} for an ACL user; never a password</td></tr>
   * <tr><td>{@code redis.password-secret}</td><td>the environment variable holding the password (default {@value #DEFAULT_PASSWORD_SECRET}, or its {@code _FILE} form)</td></tr>
   * <tr><td>{@code redis.on-failure}</td><td>{@code deny} (default) or {@code allow-with-local-fallback}</td></tr>
   * <tr><td>{@code redis.timeout}</td><td>bound on one decision (default {@code 2s})</td></tr>
   * <tr><td>{@code redis.connect-timeout}</td><td>bound on opening a connection (default {@code 2s})</td></tr>
   * <tr><td>{@code redis.probe-interval}</td><td>how often to try Redis again during an outage (default {@code 1s})</td></tr>
   * <tr><td>{@code redis.failure-threshold}</td><td>slow decisions in a row that declare an outage (default 3; a lost connection does at once)</td></tr>
   * <tr><td>{@code redis.namespace}</td><td>the key namespace (default: the server's name)</td></tr>
   * </table>
   *
   * @throws ToolwardenStartupException when a value is missing or malformed
   */
  static RedisRateLimiter fromConfig(Config config) {
    return RedisSettings.read(config::get, Secrets::optional).build();
  }

  /** The builder the settings describe (package-private: the provider and tests use it). */
  static Builder configure(Function<String, Optional<String>> settings, Function<String, Optional<String>> secrets) {
    return RedisSettings.read(settings, secrets);
  }

  // ---- the SPI ----------------------------------------------------------------------------------

  /** Takes the server's name as the namespace (unless one was set) and its audit sink, and starts connecting. */
  @Override
  public void attach(String serverName, AuditSink sink) {
    reporter.auditTo(sink);
    if (namespace == null) {
      namespace = BucketKeys.sanitize(serverName);
    }
    bucket.connectInBackground();
  }

  /** Decides in Redis, or by the failure policy while Redis is unavailable; waits for Redis within the bounds above. */
  @Override
  public RateLimitDecision tryAcquire(String key, int permits, long windowMillis) {
    if (permits <= 0 || windowMillis <= 0) {
      throw new IllegalArgumentException("permits and window must be positive");
    }
    String redisKey = redisKey(key);
    OutageBreaker.Pass pass = breaker.pass();
    if (pass != OutageBreaker.Pass.SKIP) {
      try {
        RateLimitDecision d = bucket.take(redisKey, permits, windowMillis);
        breaker.succeeded(pass);
        if (pass == OutageBreaker.Pass.PROBE) {
          fallback = null; // local budgets are stale once Redis decides again
        }
        return d;
      } catch (RedisCallFailure e) {
        breaker.failed(pass, e);
      }
    }
    return byPolicy(key, permits, windowMillis);
  }

  /** Closes the connection and the client's threads. */
  @Override
  public void close() {
    bucket.close();
  }

  /** Whether Redis is currently considered unavailable (the failure policy decides). */
  public boolean isDegraded() {
    return breaker.isOpen();
  }

  /** The failure policy. */
  public FailurePolicy failurePolicy() {
    return policy;
  }

  /** The number of outages seen so far (for metrics and tests). */
  public long outageCount() {
    return breaker.outages();
  }

  /** The number of failed decisions that did not declare an outage (slow answers below the threshold). */
  public long singleFailureCount() {
    return breaker.singleFailures();
  }

  /** The Redis key of a bucket: {@code toolwarden:<namespace>:<key>}, long keys hashed. */
  public String redisKey(String key) {
    String ns = namespace;
    if (ns == null) {
      throw new IllegalStateException("RedisRateLimiter has no namespace: pass it to a server with "
          + "Toolwarden.server(..).rateLimiter(limiter), or set one with builder(..).namespace(..)");
    }
    return BucketKeys.redisKey(ns, key);
  }

  /** The endpoint without secrets, e.g. {@code RedisRateLimiter[rediss://cache.internal:6380/0, …]}. */
  @Override
  public String toString() {
    String ns = namespace;
    return "RedisRateLimiter[" + endpoint + (ns == null ? "" : ", namespace=" + ns) + ", on-failure="
        + policy.configName() + ", timeout=" + timeoutMillis + "ms]";
  }

  private RateLimitDecision byPolicy(String key, int permits, long windowMillis) {
    breaker.decidedByPolicy();
    if (policy == FailurePolicy.DENY) {
      return RateLimitDecision.unavailable(probeIntervalMillis);
    }
    InMemoryRateLimiter local = fallback;
    if (local == null) {
      synchronized (this) {
        local = fallback;
        if (local == null) {
          local = fallback = new InMemoryRateLimiter();
        }
      }
    }
    return local.tryAcquire(key, permits, windowMillis);
  }

  /** Configures a {@link RedisRateLimiter}; {@link #build()} prepares it without connecting. */
  public static final class Builder {
    private final RedisEndpoint endpoint;
    private char[] password;
    private FailurePolicy policy = FailurePolicy.DENY;
    private Duration timeout = DEFAULT_TIMEOUT;
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private Duration probeInterval = DEFAULT_PROBE_INTERVAL;
    private String namespace;
    private int failureThreshold = DEFAULT_FAILURE_THRESHOLD;

    private Builder(RedisEndpoint endpoint) {
      this.endpoint = endpoint;
    }

    /**
     * The password (Redis {@code AUTH}); read it from the environment, e.g.
     * {@code Secrets.require("TOOLWARDEN_REDIS_PASSWORD").toCharArray()}. The builder's copy is wiped by {@link #build()}.
     */
    public Builder password(char[] password) {
      this.password = password == null ? null : password.clone();
      return this;
    }

    /** What to decide while Redis is unreachable or slow (default {@link FailurePolicy#DENY}). */
    public Builder onFailure(FailurePolicy policy) {
      this.policy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /** Bound on waiting for Redis's answer to one decision (default 2 s; see the README for why). */
    public Builder timeout(Duration timeout) {
      this.timeout = positive(timeout, "timeout");
      return this;
    }

    /** Bound on opening a connection (default 2 s), also for a decision that has to open one before it asks. */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = positive(timeout, "connect timeout");
      return this;
    }

    /** How often to try Redis again while it is unavailable (default 1 s); also the retry-after under {@code DENY}. */
    public Builder probeInterval(Duration interval) {
      this.probeInterval = positive(interval, "probe interval");
      return this;
    }

    /**
     * How many decisions in a row must time out (or get an error reply) before Redis is declared
     * unavailable (default 3); a lost or refused connection declares it at once. Each failed
     * decision is decided by the policy either way, within the timeout.
     */
    public Builder failureThreshold(int failures) {
      if (failures < 1) {
        throw new IllegalArgumentException("failure threshold must be at least 1");
      }
      this.failureThreshold = failures;
      return this;
    }

    /** The key namespace (default: the name of the server the limiter is given to). */
    public Builder namespace(String namespace) {
      this.namespace = BucketKeys.sanitize(namespace);
      return this;
    }

    /** Prepares the limiter; nothing touches the network until a server attaches it or it decides. */
    public RedisRateLimiter build() {
      return build(System::nanoTime);
    }

    /** With another clock (tests). */
    RedisRateLimiter build(LongSupplier nanoClock) {
      try {
        return new RedisRateLimiter(this, nanoClock);
      } finally {
        if (password != null) {
          Arrays.fill(password, '\0');
          password = null;
        }
      }
    }

    private static Duration positive(Duration d, String what) {
      if (d == null || d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(what + " must be positive");
      }
      return d;
    }
  }
}
