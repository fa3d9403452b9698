package dev.toolwarden.redis;

import dev.toolwarden.runtime.internal.config.Config;
import dev.toolwarden.runtime.Secrets;
import dev.toolwarden.runtime.ToolwardenStartupException;
import dev.toolwarden.runtime.audit.AuditEvent;
import dev.toolwarden.runtime.audit.AuditOutcome;
import dev.toolwarden.runtime.audit.AuditSink;
import dev.toolwarden.runtime.internal.ratelimit.InMemoryRateLimiter;
import dev.toolwarden.runtime.ratelimit.RateLimitDecision;
import dev.toolwarden.runtime.internal.config.RateLimitWindows;
import dev.toolwarden.runtime.ratelimit.RateLimiterBackend;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 * <p><b>Failure.</b> Every Redis call is bounded by a timeout (default 100 ms). When Redis is
 * unreachable or slower than that, the {@link FailurePolicy} decides ({@link FailurePolicy#DENY}
 * by default) and the limiter stops waiting for Redis: until a probe (one call per probe interval,
 * default 1 s) gets an answer again, calls are decided by the policy at once. The change of state
 * is written once to the audit trail ({@code rate_limit_backend_unavailable}, then
 * {@code rate_limit_backend_recovered} with the number of calls the policy decided) and to the log,
 * never per call. Recovery needs no restart.
 *
 * <p>Build one per server process: {@link #fromConfig()} (from {@code toolwarden.redis.*} /
 * {@code TOOLWARDEN_REDIS_*}) or {@link #builder(String)}; pass it to
 * {@code Toolwarden.server(..).rateLimiter(limiter)}; {@link #close()} it when the server stops.
 */
public final class RedisRateLimiter implements RateLimiterBackend, AutoCloseable {

  /** The environment variable (or {@code …_FILE}) the password is read from by default. */
  public static final String DEFAULT_PASSWORD_SECRET = "TOOLWARDEN_REDIS_PASSWORD";
  /** Default bound on one decision by Redis. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(100);
  /** Default bound on connecting at start-up. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);
  /** Default interval between two attempts to reach Redis again while it is unavailable. */
  public static final Duration DEFAULT_PROBE_INTERVAL = Duration.ofSeconds(1);
  /** Default number of failed decisions in a row that declare Redis unavailable. */
  public static final int DEFAULT_FAILURE_THRESHOLD = 3;
  /** Every key starts with this. */
  public static final String KEY_PREFIX = "toolwarden:";

  static final String SCRIPT = loadScript();
  static final String SCRIPT_SHA = sha1Hex(SCRIPT);
  /** Keys longer than this are replaced by their SHA-256 (bounded memory whatever a principal is). */
  static final int MAX_KEY_CHARS = 256;
  private static final long MAX_EXACT = 1L << 52;
  private static final long SUMMARY_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);

  private static final Logger LOG = LoggerFactory.getLogger(RedisRateLimiter.class);

  private final RedisEndpoint endpoint;
  private final RedisURI redisUri;
  private final ClientResources resources;
  private final RedisClient client;
  private final FailurePolicy policy;
  private final long timeoutNanos;
  private final long probeIntervalNanos;
  private final LongSupplier nanoClock;
  private volatile String namespace;
  private volatile AuditSink audit = AuditSink.slf4j();

  private final Object connectLock = new Object();
  private volatile StatefulRedisConnection<String, String> connection;
  private CompletableFuture<StatefulRedisConnection<String, String>> connecting; // guarded by connectLock

  // the outage state: one writer at a time for transitions (the CAS on `down`)
  private final AtomicBoolean down = new AtomicBoolean();
  private final AtomicBoolean probing = new AtomicBoolean();
  private volatile long nextProbeNanos;
  private volatile long downSinceNanos;
  private volatile long lastSummaryNanos;
  private volatile InMemoryRateLimiter fallback;
  private final AtomicLong decidedByPolicy = new AtomicLong();
  private final AtomicLong outages = new AtomicLong();
  private final java.util.concurrent.atomic.AtomicInteger consecutiveFailures = new java.util.concurrent.atomic.AtomicInteger();
  private final int failureThreshold;

  private RedisRateLimiter(Builder b) {
    this.endpoint = b.endpoint;
    this.policy = b.policy;
    this.timeoutNanos = b.timeout.toNanos();
    this.probeIntervalNanos = b.probeInterval.toNanos();
    this.failureThreshold = b.failureThreshold;
    this.namespace = b.namespace;
    this.nanoClock = System::nanoTime;
    // the URI's timeout bounds the connection handshake (cold JVMs need more than one command's budget);
    // commands are bounded by TimeoutOptions and, exactly, by the deadline of each call
    this.redisUri = endpoint.toRedisUri(b.password == null ? null : b.password.clone(), b.connectTimeout, "toolwarden");
    if (b.password != null) {
      Arrays.fill(b.password, '\0');
      b.password = null;
    }
    this.resources = ClientResources.builder()
        .ioThreadPoolSize(2)
        .computationThreadPoolSize(2)
        // reconnect soon after Redis returns, without hammering it while it is away
        .reconnectDelay(Delay.exponential(Duration.ofMillis(20), b.probeInterval, 2, TimeUnit.MILLISECONDS))
        .build();
    this.client = RedisClient.create(resources);
    client.setOptions(ClientOptions.builder()
        .autoReconnect(true)
        // while disconnected, fail at once instead of queueing commands that would only time out
        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
        .timeoutOptions(TimeoutOptions.enabled(b.timeout))
        .socketOptions(SocketOptions.builder().connectTimeout(b.connectTimeout).keepAlive(true).tcpNoDelay(true).build())
        .build());
    // connect now, so that the first calls do not pay for it; a Redis that is down at start-up is an
    // outage like any other: the policy decides until it is reachable
    try {
      StatefulRedisConnection<String, String> c = connect().get(b.connectTimeout.toNanos(), TimeUnit.NANOSECONDS);
      warmUp(c, b.connectTimeout);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      LOG.warn("Redis rate limiter: {} is not reachable at start-up ({}); failure policy {} decides until it is",
          endpoint, describe(e), policy.configName());
    }
  }

  /** A builder for the Redis at {@code url} ({@code redis://host:port[/db]} or {@code rediss://…} for TLS). */
  public static Builder builder(String url) {
    return new Builder(RedisEndpoint.parse(url));
  }

  /**
   * A limiter configured from system properties {@code toolwarden.redis.*} and environment variables
   * {@code TOOLWARDEN_REDIS_*} (see {@link #fromConfig(Config)}).
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
   * <tr><td>{@code redis.timeout}</td><td>bound on one decision (default {@code 100ms})</td></tr>
   * <tr><td>{@code redis.connect-timeout}</td><td>bound on connecting at start-up (default {@code 2s})</td></tr>
   * <tr><td>{@code redis.probe-interval}</td><td>how often to try Redis again during an outage (default {@code 1s})</td></tr>
   * <tr><td>{@code redis.failure-threshold}</td><td>slow decisions in a row that declare an outage (default 3; a lost connection does at once)</td></tr>
   * <tr><td>{@code redis.namespace}</td><td>the key namespace (default: the server's name)</td></tr>
   * </table>
   *
   * @throws ToolwardenStartupException when a value is missing or malformed
   */
  public static RedisRateLimiter fromConfig(Config config) {
    return fromConfig(config, Secrets::optional);
  }

  static RedisRateLimiter fromConfig(Config config, Function<String, Optional<String>> secrets) {
    return configure(config, secrets).build();
  }

  /** The builder {@link #fromConfig(Config)} would build (package-private for tests). */
  static Builder configure(Config config, Function<String, Optional<String>> secrets) {
    String url = config.get("redis.url").orElseThrow(() -> new ToolwardenStartupException(
        "no Redis URL: set " + Config.propertyName("redis.url") + " / " + Config.environmentName("redis.url")
            + " (redis://host:6379 or rediss://host:6380)"));
    Builder b;
    try {
      b = builder(url);
    } catch (IllegalArgumentException e) {
      throw new ToolwardenStartupException("invalid " + Config.environmentName("redis.url") + ": " + e.getMessage());
    }
    String secretName = config.get("redis.password-secret").orElse(DEFAULT_PASSWORD_SECRET);
    secrets.apply(secretName).ifPresent(p -> b.password(p.toCharArray()));
    config.get("redis.on-failure").ifPresent(v -> {
      try {
        b.onFailure(FailurePolicy.parse(v));
      } catch (IllegalArgumentException e) {
        throw new ToolwardenStartupException("invalid " + Config.environmentName("redis.on-failure") + ": " + e.getMessage());
      }
    });
    duration(config, "redis.timeout").ifPresent(b::timeout);
    duration(config, "redis.connect-timeout").ifPresent(b::connectTimeout);
    duration(config, "redis.probe-interval").ifPresent(b::probeInterval);
    config.get("redis.namespace").ifPresent(b::namespace);
    if (config.get("redis.failure-threshold").isPresent()) {
      int n = config.getInt("redis.failure-threshold", DEFAULT_FAILURE_THRESHOLD);
      if (n < 1) {
        throw new ToolwardenStartupException(Config.environmentName("redis.failure-threshold") + " must be at least 1");
      }
      b.failureThreshold(n);
    }
    return b;
  }

  private static Optional<Duration> duration(Config config, String key) {
    Optional<String> v = config.get(key);
    if (v.isEmpty()) {
      return Optional.empty();
    }
    long ms = RateLimitWindows.parseMillis(v.get());
    if (ms <= 0) {
      throw new ToolwardenStartupException("invalid " + Config.propertyName(key) + " / " + Config.environmentName(key)
          + " '" + v.get() + "': use e.g. 100ms, 2s");
    }
    return Optional.of(Duration.ofMillis(ms));
  }

  // ---- the SPI ----------------------------------------------------------------------------------

  @Override
  public void attach(String serverName, AuditSink sink) {
    this.audit = Objects.requireNonNull(sink, "sink");
    if (namespace == null) {
      namespace = sanitize(serverName);
    }
  }

  @Override
  public RateLimitDecision tryAcquire(String key, int permits, long windowMillis) {
    if (permits <= 0 || windowMillis <= 0) {
      throw new IllegalArgumentException("permits and window must be positive");
    }
    String redisKey = redisKey(key);
    if (down.get()) {
      long now = nanoClock.getAsLong();
      if (now - nextProbeNanos >= 0 && probing.compareAndSet(false, true)) {
        try {
          RateLimitDecision d = fromRedis(redisKey, permits, windowMillis);
          recovered();
          return d;
        } catch (Exception e) {
          nextProbeNanos = nanoClock.getAsLong() + probeIntervalNanos;
          stillDown(e);
        } finally {
          probing.set(false);
        }
      }
      return byPolicy(key, permits, windowMillis);
    }
    try {
      RateLimitDecision d = fromRedis(redisKey, permits, windowMillis);
      consecutiveFailures.set(0);
      return d;
    } catch (Exception e) {
      // a lost connection is an outage at once; a slow answer only after a few in a row (one slow
      // call on a loaded machine is decided by the policy without declaring Redis unavailable)
      StatefulRedisConnection<String, String> c = connection;
      if (c == null || !c.isOpen() || consecutiveFailures.incrementAndGet() >= failureThreshold) {
        wentDown(e);
      } else {
        LOG.debug("Redis rate limiter: one decision failed ({}); on-failure={} decided it", describe(e),
            policy.configName());
      }
      return byPolicy(key, permits, windowMillis);
    }
  }

  /** Closes the connection and the client's threads. */
  @Override
  public void close() {
    synchronized (connectLock) {
      if (connecting != null) {
        connecting.cancel(false);
      }
    }
    StatefulRedisConnection<String, String> c = connection;
    if (c != null && c.isOpen()) {
      c.close();
    }
    client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    resources.shutdown(0, 2, TimeUnit.SECONDS);
  }

  /** Whether Redis is currently considered unavailable (the failure policy decides). */
  public boolean isDegraded() {
    return down.get();
  }

  /** The failure policy. */
  public FailurePolicy failurePolicy() {
    return policy;
  }

  /** The number of outages seen so far (for metrics and tests). */
  public long outageCount() {
    return outages.get();
  }

  /** The Redis key of a bucket: {@code toolwarden:<namespace>:<key>}, long keys hashed. */
  public String redisKey(String key) {
    String ns = namespace;
    if (ns == null) {
      throw new IllegalStateException("RedisRateLimiter has no namespace: pass it to a server with "
          + "Toolwarden.server(..).rateLimiter(limiter), or set one with builder(..).namespace(..)");
    }
    String k = key.length() > MAX_KEY_CHARS ? "sha256:" + sha256Hex(key) : key;
    return KEY_PREFIX + ns + ":" + k;
  }

  /** The endpoint without secrets, e.g. {@code rediss://cache.internal:6380/0}. */
  @Override
  public String toString() {
    return "RedisRateLimiter[" + endpoint + ", namespace=" + namespace + ", on-failure=" + policy.configName() + "]";
  }

  // ---- Redis ------------------------------------------------------------------------------------

  private RateLimitDecision fromRedis(String redisKey, int permits, long windowMillis) throws Exception {
    long deadline = nanoClock.getAsLong() + timeoutNanos;
    StatefulRedisConnection<String, String> c = connection;
    if (c == null) {
      c = connect().get(remaining(deadline), TimeUnit.NANOSECONDS);
    }
    long windowMicros = Math.multiplyExact(windowMillis, 1000L);
    long tick = 1;
    while (windowMicros / tick > 1 && (double) permits * (windowMicros / tick) > MAX_EXACT) {
      tick *= 10;
    }
    String[] keys = {redisKey};
    String[] args = {Integer.toString(permits), Long.toString(Math.max(1, windowMicros / tick)), Long.toString(tick)};
    List<Object> reply;
    CompletableFuture<List<Object>> f = c.async().<List<Object>>evalsha(SCRIPT_SHA, ScriptOutputType.MULTI, keys, args)
        .toCompletableFuture();
    try {
      reply = await(f, deadline);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof RedisNoScriptException)) {
        throw e;
      }
      // a fresh (or restarted, or flushed) Redis does not know the script yet: send it once
      reply = await(c.async().<List<Object>>eval(SCRIPT, ScriptOutputType.MULTI, keys, args).toCompletableFuture(),
          deadline);
    }
    if (reply == null || reply.size() != 2) {
      throw new IllegalStateException("unexpected reply from the rate-limit script");
    }
    long allowed = ((Number) reply.get(0)).longValue();
    long retryMs = ((Number) reply.get(1)).longValue();
    return allowed == 1 ? RateLimitDecision.allow() : RateLimitDecision.deny(retryMs);
  }

  /**
   * Loads the script and runs the decision path once on a throw-away key (it expires within 2 ms),
   * bounded by the connect timeout: the first real call of a cold JVM then fits in its timeout
   * instead of reporting a spurious outage.
   */
  private void warmUp(StatefulRedisConnection<String, String> c, Duration within) throws Exception {
    long deadline = System.nanoTime() + within.toNanos();
    String sha = await(c.async().scriptLoad(SCRIPT).toCompletableFuture(), deadline);
    if (!SCRIPT_SHA.equals(sha)) {
      throw new IllegalStateException("Redis computed another SHA-1 for the rate-limit script");
    }
    for (int i = 0; i < 3; i++) {
      await(c.async().<List<Object>>evalsha(SCRIPT_SHA, ScriptOutputType.MULTI, new String[] {KEY_PREFIX + "_warmup"},
          "1", "1000", "1").toCompletableFuture(), deadline);
    }
  }

  private static <T> T await(CompletableFuture<T> f, long deadline) throws Exception {
    try {
      return f.get(remaining(deadline), TimeUnit.NANOSECONDS);
    } catch (TimeoutException | InterruptedException e) {
      f.cancel(false);
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw e;
    }
  }

  private static long remaining(long deadline) {
    return Math.max(0, deadline - System.nanoTime());
  }

  /** The connection, or the attempt to make it (one at a time; a failed attempt is retried by the next caller). */
  private CompletableFuture<StatefulRedisConnection<String, String>> connect() {
    synchronized (connectLock) {
      if (connection != null) {
        return CompletableFuture.completedFuture(connection);
      }
      if (connecting == null || connecting.isCompletedExceptionally() || connecting.isCancelled()) {
        CompletableFuture<StatefulRedisConnection<String, String>> attempt =
            client.connectAsync(StringCodec.UTF8, redisUri).toCompletableFuture();
        connecting = attempt;
        attempt.thenAccept(c -> {
          synchronized (connectLock) {
            if (connection == null) {
              connection = c;
            } else if (connection != c) {
              c.closeAsync();
            }
          }
        });
      }
      return connecting;
    }
  }

  // ---- failure policy and state changes ----------------------------------------------------------

  private RateLimitDecision byPolicy(String key, int permits, long windowMillis) {
    decidedByPolicy.incrementAndGet();
    if (policy == FailurePolicy.DENY) {
      return RateLimitDecision.unavailable(Math.max(1, TimeUnit.NANOSECONDS.toMillis(probeIntervalNanos)));
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

  private void wentDown(Exception cause) {
    if (!down.compareAndSet(false, true)) {
      return; // another thread reported this outage
    }
    long now = nanoClock.getAsLong();
    downSinceNanos = now;
    lastSummaryNanos = now;
    nextProbeNanos = now + probeIntervalNanos;
    decidedByPolicy.set(0);
    outages.incrementAndGet();
    String what = policy == FailurePolicy.DENY
        ? "rate-limited calls are refused (fail closed)"
        : "rate-limited calls are decided by this replica's in-memory limiter";
    String reason = "redis " + endpoint + " unavailable (" + describe(cause) + "); on-failure="
        + policy.configName() + ": " + what + " until it answers again";
    LOG.warn("Redis rate limiter: {}", reason);
    record(AuditOutcome.RATE_LIMIT_BACKEND_UNAVAILABLE, reason);
  }

  private void stillDown(Exception cause) {
    long now = nanoClock.getAsLong();
    if (now - lastSummaryNanos >= SUMMARY_EVERY_NANOS) {
      lastSummaryNanos = now;
      LOG.warn("Redis rate limiter: redis {} still unavailable after {} s ({}); {} calls decided by on-failure={} so far",
          endpoint, TimeUnit.NANOSECONDS.toSeconds(now - downSinceNanos), describe(cause), decidedByPolicy.get(),
          policy.configName());
    }
  }

  private void recovered() {
    if (!down.compareAndSet(true, false)) {
      return;
    }
    consecutiveFailures.set(0);
    long millis = TimeUnit.NANOSECONDS.toMillis(nanoClock.getAsLong() - downSinceNanos);
    long decided = decidedByPolicy.getAndSet(0);
    fallback = null; // local budgets are stale once Redis decides again
    String reason = "redis " + endpoint + " available again after " + String.format(java.util.Locale.ROOT, "%.1f", millis / 1000.0)
        + " s; " + decided + (policy == FailurePolicy.DENY ? " calls refused" : " calls decided by the local fallback")
        + " meanwhile (on-failure=" + policy.configName() + ")";
    LOG.info("Redis rate limiter: {}", reason);
    record(AuditOutcome.RATE_LIMIT_BACKEND_RECOVERED, reason);
  }

  private void record(AuditOutcome outcome, String reason) {
    try {
      audit.record(AuditEvent.builder(outcome).reason(reason).build());
    } catch (RuntimeException e) {
      LOG.warn("audit sink failed on {}: {}", outcome.wireName(), e.getClass().getName());
    }
  }

  /** An exception as {@code Class: message}, unwrapped; Lettuce's messages carry no credentials. */
  static String describe(Throwable e) {
    Throwable t = e;
    while ((t instanceof ExecutionException || t instanceof java.util.concurrent.CompletionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    if (t instanceof TimeoutException) {
      return "no answer within the timeout";
    }
    StringBuilder b = new StringBuilder();
    for (int depth = 0; t != null && depth < 3; depth++, t = t.getCause()) {
      String m = t.getMessage();
      if (m != null && m.length() > 160) {
        m = m.substring(0, 160) + "…";
      }
      b.append(depth == 0 ? "" : " <- ").append(t.getClass().getSimpleName()).append(m == null ? "" : ": " + m);
    }
    return b.toString();
  }

  // ---- helpers ----------------------------------------------------------------------------------

  /** A namespace made of {@code [A-Za-z0-9_.-]}: anything else becomes {@code _} (so it cannot contain {@code :}). */
  static String sanitize(String name) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("namespace must not be empty");
    }
    StringBuilder b = new StringBuilder(name.length());
    for (char ch : name.toCharArray()) {
      b.append((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9')
          || ch == '_' || ch == '.' || ch == '-' ? ch : '_');
    }
    return b.length() > 64 ? b.substring(0, 64) : b.toString();
  }

  private static String loadScript() {
    try (InputStream in = RedisRateLimiter.class.getResourceAsStream("token_bucket.lua")) {
      if (in == null) {
        throw new IllegalStateException("token_bucket.lua is missing from toolwarden-redis");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read token_bucket.lua", e);
    }
  }

  private static String sha1Hex(String s) {
    return hex("SHA-1", s);
  }

  private static String sha256Hex(String s) {
    return hex("SHA-256", s);
  }

  private static String hex(String algorithm, String s) {
    try {
      byte[] d = MessageDigest.getInstance(algorithm).digest(s.getBytes(StandardCharsets.UTF_8));
      StringBuilder b = new StringBuilder(d.length * 2);
      for (byte x : d) {
        b.append(Character.forDigit((x >> 4) & 0xf, 16)).append(Character.forDigit(x & 0xf, 16));
      }
      return b.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(algorithm + " is missing from this JVM", e);
    }
  }

  /** Configures a {@link RedisRateLimiter}; {@link #build()} connects. */
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
     * {@code Secrets.require("TOOLWARDEN_REDIS_PASSWORD").toCharArray()}. The array is wiped after {@link #build()}.
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

    /** Bound on one decision by Redis, including a reconnect (default 100 ms). */
    public Builder timeout(Duration timeout) {
      this.timeout = positive(timeout, "timeout");
      return this;
    }

    /** Bound on connecting at start-up (default 2 s); a Redis not reachable by then is an outage. */
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
     * How many decisions in a row must fail (time out) before Redis is declared unavailable
     * (default 3); a lost connection declares it at once. Each failed decision is decided by the
     * policy either way, within the timeout.
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
      this.namespace = sanitize(namespace);
      return this;
    }

    /** Creates the client and connects (bounded by the connect timeout; a failure is an outage, not an exception). */
    public RedisRateLimiter build() {
      return new RedisRateLimiter(this);
    }

    private static Duration positive(Duration d, String what) {
      if (d == null || d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(what + " must be positive");
      }
      return d;
    }
  }
}
