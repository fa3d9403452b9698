package dev.toolwarden.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwarden.runtime.RunningServer;
import dev.toolwarden.runtime.Toolwarden;
import dev.toolwarden.runtime.audit.AuditEvent;
import dev.toolwarden.runtime.audit.AuditOutcome;
import dev.toolwarden.runtime.http.HttpOptions;
import dev.toolwarden.runtime.internal.pipeline.RateLimitStep;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Redis disappears (SIGKILL) and freezes (SIGSTOP) under a running server: the failure policy
 * decides, nothing waits longer than the timeout, no exception reaches the client, one audit event
 * per change of state; Redis restarted on the same port: limits resume without a restart.
 */
class RedisOutageTest {

  static final long TIMEOUT_MS = 100;
  /**
   * Scheduling slack on a loaded 2-core machine (threads measured waiting up to about a second for
   * a CPU at load 30, see BENCHMARKS.md): well below the 2 s connect timeout and Lettuce's own 60 s,
   * so a decision that waited for either of those instead of the 100 ms still fails the test.
   */
  static final long SLACK_MS = 900;
  /** Bound on a whole MCP call during an outage: nothing hangs (HTTP and the SDK add to the decision). */
  static final long CALL_BOUND_MS = 5000;
  static final String LIMITED = "limited"; // 5 an hour per principal (all callers are "anonymous" here)

  @ParameterizedTest
  @EnumSource(FailurePolicy.class)
  void failurePolicyHoldsAndLimitsResume(FailurePolicy policy) throws Exception {
    List<AuditEvent> events = new CopyOnWriteArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try (RedisServerProcess redis = RedisServerProcess.startNew();
        RedisRateLimiter limiter = RedisRateLimiter.builder(redis.url()).onFailure(policy)
            .timeout(Duration.ofMillis(TIMEOUT_MS)).probeInterval(Duration.ofMillis(200)).build()) {
      McpClients.Timed timed = new McpClients.Timed(limiter);
      try (RunningServer server = Toolwarden.server("outage", "1.0.0").tools(new LimitedTools())
          .rateLimiter(timed).auditSink(events::add).http(HttpOptions.loopback(0))) {
        List<McpSyncClient> clients = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
          clients.add(McpClients.connect(server));
        }
        try {
          // 1. Redis up: the budget of 5 is spent, the 6th call is refused by Redis
          for (int i = 0; i < 6; i++) {
            CallToolResult r = McpClients.call(clients.get(0), LIMITED);
            assertEquals(i >= 5, Boolean.TRUE.equals(r.isError()), McpClients.text(r));
          }
          String bucket = "toolwarden:outage:tool:limited|principal:anonymous";
          assertTrue(redis.command("EXISTS", bucket).startsWith(":1"));

          // 2. Redis killed
          redis.kill();
          timed.reset();
          Burst killed = burst(pool, clients, 8);
          assertTrue(limiter.isDegraded());
          checkOutage(policy, killed, timed);
          CallToolResult free = McpClients.call(clients.get(0), "unlimited");
          assertFalse(Boolean.TRUE.equals(free.isError()), "a tool without @RateLimit is not affected");
          assertEquals(1, count(events, AuditOutcome.RATE_LIMIT_BACKEND_UNAVAILABLE), "one event per outage, not per call");

          // 3. Redis restarted on the same port (empty: persistence is off): limits resume
          redis.start();
          int admittedSinceRestart = callUntilRecovered(clients.get(1), events, 1);
          for (int i = 0; i < 8; i++) {
            if (!Boolean.TRUE.equals(McpClients.call(clients.get(1), LIMITED).isError())) {
              admittedSinceRestart++;
            }
          }
          assertFalse(limiter.isDegraded());
          assertEquals(5, admittedSinceRestart, "after recovery Redis decides again: a fresh budget of 5");
          assertTrue(redis.command("EXISTS", bucket).startsWith(":1"), "the bucket is back in Redis");
          AuditEvent recovered = last(events, AuditOutcome.RATE_LIMIT_BACKEND_RECOVERED);
          assertTrue(recovered.reason().contains(policy == FailurePolicy.DENY ? "calls refused" : "local fallback"),
              recovered.reason());

          // 4. Redis frozen (accepts connections, never answers): bounded by the timeout
          redis.pause();
          timed.reset();
          Burst frozen;
          try {
            frozen = burst(pool, clients, 5);
          } finally {
            redis.resume();
          }
          assertTrue(limiter.outageCount() >= 2);
          checkOutage(policy, frozen, timed);
          callUntilRecovered(clients.get(2), events, 2);
          CallToolResult after = McpClients.call(clients.get(2), LIMITED);
          assertTrue(McpClients.text(after).startsWith("Rate limit exceeded"), "the Redis budget is spent: "
              + McpClients.text(after));
          assertEquals(2, count(events, AuditOutcome.RATE_LIMIT_BACKEND_UNAVAILABLE));
          assertEquals(2, count(events, AuditOutcome.RATE_LIMIT_BACKEND_RECOVERED));
          for (AuditEvent e : events) {
            assertTrue(e.toJson().indexOf('\n') < 0);
          }
        } finally {
          clients.forEach(McpSyncClient::closeGracefully);
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * SIGKILL while 8 threads keep decisions in flight: the lost connection declares the outage at
   * the first failed decision (no slow "single failures" first), with the connection as the cause.
   */
  @Test
  void aKilledRedisIsAnOutageAtTheFirstFailedDecision() throws Exception {
    List<AuditEvent> events = new CopyOnWriteArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try (RedisServerProcess redis = RedisServerProcess.startNew();
        RedisRateLimiter limiter = RedisRateLimiter.builder(redis.url()).build()) { // the defaults
      limiter.attach("killed", events::add);
      AtomicLong decided = new AtomicLong();
      AtomicBoolean stop = new AtomicBoolean();
      List<Future<?>> callers = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        callers.add(pool.submit(() -> {
          while (!stop.get()) {
            limiter.tryAcquire("tool:busy", 1_000_000_000, 3_600_000);
            decided.incrementAndGet();
          }
          return null;
        }));
      }
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (decided.get() < 500 && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertFalse(limiter.isDegraded(), "Redis is up: " + events);
      redis.kill();
      while (!limiter.isDegraded() && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      stop.set(true);
      for (Future<?> f : callers) {
        f.get();
      }
      assertTrue(limiter.isDegraded(), "the outage was declared");
      assertEquals(0, limiter.singleFailureCount(), "no decision failed before the outage was declared");
      assertEquals(1, limiter.outageCount());
      assertEquals(1, count(events, AuditOutcome.RATE_LIMIT_BACKEND_UNAVAILABLE), events.toString());
      String reason = events.get(0).reason();
      assertFalse(reason.contains("no answer within the timeout"), "declared for the lost connection: " + reason);
    } finally {
      pool.shutdownNow();
    }
  }

  /** What 8 concurrent clients saw. */
  record Burst(List<CallToolResult> results, long maxClientMillis) {}

  private static Burst burst(ExecutorService pool, List<McpSyncClient> clients, int callsEach) throws Exception {
    List<CallToolResult> results = new CopyOnWriteArrayList<>();
    AtomicLong maxNanos = new AtomicLong();
    List<Future<?>> done = new ArrayList<>();
    for (McpSyncClient c : clients) {
      done.add(pool.submit(() -> {
        for (int i = 0; i < callsEach; i++) {
          long t0 = System.nanoTime();
          results.add(McpClients.call(c, LIMITED)); // an exception here (a JSON-RPC error) fails the test
          maxNanos.accumulateAndGet(System.nanoTime() - t0, Math::max);
        }
        return null;
      }));
    }
    for (Future<?> f : done) {
      f.get();
    }
    return new Burst(results, maxNanos.get() / 1_000_000);
  }

  private static void checkOutage(FailurePolicy policy, Burst burst, McpClients.Timed timed) {
    assertTrue(timed.maxMillis() <= TIMEOUT_MS + SLACK_MS,
        "the slowest decision took " + timed.maxMillis() + " ms; the timeout is " + TIMEOUT_MS + " ms");
    assertTrue(burst.maxClientMillis() < CALL_BOUND_MS, "the slowest call took " + burst.maxClientMillis() + " ms");
    int admitted = 0;
    for (CallToolResult r : burst.results()) {
      String text = McpClients.text(r);
      if (!Boolean.TRUE.equals(r.isError())) {
        assertEquals("done", text);
        admitted++;
      } else if (policy == FailurePolicy.DENY) {
        assertEquals("Rate limiting is temporarily unavailable for tool 'limited': try again in 1 second.", text);
        assertEquals(1, ((Number) r.meta().get(RateLimitStep.RETRY_AFTER_META)).intValue());
      } else {
        assertTrue(text.startsWith("Rate limit exceeded for tool 'limited'"), text);
      }
    }
    // DENY admits nothing; the fallback is a fresh local bucket of this replica: exactly 5
    assertEquals(policy == FailurePolicy.DENY ? 0 : 5, admitted);
  }

  /** Calls until the given number of recoveries was audited; returns how many calls were admitted meanwhile. */
  private static int callUntilRecovered(McpSyncClient client, List<AuditEvent> events, int recoveries)
      throws InterruptedException {
    int admitted = 0;
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (count(events, AuditOutcome.RATE_LIMIT_BACKEND_RECOVERED) < recoveries) {
      assertTrue(System.nanoTime() < deadline, "no recovery within 15 s: " + events);
      if (!Boolean.TRUE.equals(McpClients.call(client, LIMITED).isError())) {
        admitted++;
      }
      Thread.sleep(50);
    }
    return admitted;
  }

  private static long count(List<AuditEvent> events, AuditOutcome outcome) {
    return events.stream().filter(e -> e.outcome() == outcome).count();
  }

  private static AuditEvent last(List<AuditEvent> events, AuditOutcome outcome) {
    AuditEvent found = null;
    for (AuditEvent e : events) {
      if (e.outcome() == outcome) {
        found = e;
      }
    }
    return found;
  }
}
