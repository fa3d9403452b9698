package dev.toolwarden.runtime.internal.ratelimit;

import dev.toolwarden.runtime.ratelimit.RateLimitDecision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class InMemoryRateLimiterTest {

  private static final long MS = 1_000_000L;
  private final AtomicLong now = new AtomicLong(1_000_000_000L);
  private final InMemoryRateLimiter limiter = new InMemoryRateLimiter(now::get, 1000);

  @Test
  void aFullBucketAdmitsExactlyPermitsThenSaysWhenToRetry() {
    for (int i = 0; i < 5; i++) {
      assertTrue(limiter.tryAcquire("k", 5, 60_000).allowed(), "call " + i);
    }
    RateLimitDecision d = limiter.tryAcquire("k", 5, 60_000);
    assertFalse(d.allowed());
    assertEquals(12_000, d.retryAfterMillis()); // one token every 60 s / 5
    assertEquals(12, d.retryAfterSeconds());
  }

  @Test
  void refillsSmoothlyOneTokenPerWindowOverPermits() {
    for (int i = 0; i < 4; i++) {
      limiter.tryAcquire("k", 4, 1000);
    }
    assertFalse(limiter.tryAcquire("k", 4, 1000).allowed());
    now.addAndGet(249 * MS);
    RateLimitDecision d = limiter.tryAcquire("k", 4, 1000);
    assertFalse(d.allowed());
    assertEquals(1, d.retryAfterMillis());
    now.addAndGet(1 * MS);
    assertTrue(limiter.tryAcquire("k", 4, 1000).allowed(), "a quarter window brings one token");
    assertFalse(limiter.tryAcquire("k", 4, 1000).allowed());
    now.addAndGet(10_000 * MS);
    int admitted = 0;
    while (limiter.tryAcquire("k", 4, 1000).allowed()) {
      admitted++;
    }
    assertEquals(4, admitted, "a long pause refills to capacity, not beyond");
  }

  @Test
  void separateKeysHaveSeparateBudgets() {
    assertTrue(limiter.tryAcquire("alice", 1, 60_000).allowed());
    assertFalse(limiter.tryAcquire("alice", 1, 60_000).allowed());
    assertTrue(limiter.tryAcquire("bob", 1, 60_000).allowed());
  }

  @Test
  @Timeout(20)
  void concurrentCallersNeverOverAdmit() throws Exception {
    int threads = 8;
    int perThread = 2_000;
    int permits = 1_000;
    for (int round = 0; round < 3; round++) {
      String key = "hot-" + round;
      AtomicInteger admitted = new AtomicInteger();
      CountDownLatch start = new CountDownLatch(1);
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      List<Future<?>> fs = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        fs.add(pool.submit(() -> {
          start.await();
          for (int i = 0; i < perThread; i++) {
            if (limiter.tryAcquire(key, permits, 60_000).allowed()) {
              admitted.incrementAndGet();
            }
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> f : fs) {
        f.get();
      }
      pool.shutdown();
      assertTrue(pool.awaitTermination(5, TimeUnit.SECONDS));
      assertEquals(permits, admitted.get(), "exactly the permits of one window, round " + round);
    }
  }

  @Test
  void aFloodOfDistinctKeysStaysBelowTheCap() {
    for (int i = 0; i < 50_000; i++) {
      limiter.tryAcquire("principal-" + i, 10, 60_000);
      now.addAndGet(1000); // 1 µs apart: all active within the window
    }
    assertTrue(limiter.size() <= 1000, "size " + limiter.size());
    // the most recent callers keep their (spent) budget
    assertTrue(limiter.tryAcquire("principal-49999", 1, 60_000).allowed() || limiter.size() <= 1000);
  }

  @Test
  void idleBucketsAreDroppedAndThatChangesNothing() {
    assertTrue(limiter.tryAcquire("a", 2, 1000).allowed());
    assertTrue(limiter.tryAcquire("a", 2, 1000).allowed());
    assertFalse(limiter.tryAcquire("a", 2, 1000).allowed());
    now.addAndGet(2000 * MS); // "a" is full again: idle
    for (int i = 0; i < InMemoryRateLimiter.SWEEP_EVERY; i++) {
      limiter.tryAcquire("other-" + i, 5, 1_000_000);
    }
    // with the cap at 1000, sweeps ran: the idle bucket is gone, the budget is the same as kept
    assertTrue(limiter.size() <= 1000);
    assertTrue(limiter.tryAcquire("a", 2, 1000).allowed());
    assertTrue(limiter.tryAcquire("a", 2, 1000).allowed());
    assertFalse(limiter.tryAcquire("a", 2, 1000).allowed());
  }
}
