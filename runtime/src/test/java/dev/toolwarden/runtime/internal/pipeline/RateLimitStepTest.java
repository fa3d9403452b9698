package dev.toolwarden.runtime.internal.pipeline;

import static dev.toolwarden.runtime.testtools.PolicyHarness.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwarden.runtime.audit.AuditOutcome;
import dev.toolwarden.runtime.testtools.PolicyHarness;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code @RateLimit} through the whole pipeline: 3 calls a minute per principal on "limited". */
class RateLimitStepTest {

  private final PolicyHarness h = new PolicyHarness(null, null);

  @Test
  @Timeout(20)
  void concurrentCallersOfOneToolAdmitExactlyThePermitsPerWindow() throws Exception {
    int threads = 12;
    int calls = 40;
    AtomicInteger ok = new AtomicInteger();
    AtomicInteger limited = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> fs = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      fs.add(pool.submit(() -> {
        start.await();
        for (int i = 0; i < calls; i++) {
          CallToolResult r = h.call("limited", Map.of());
          if (r.isError()) {
            assertTrue(text(r).startsWith("Rate limit exceeded for tool 'limited': try again in "), text(r));
            limited.incrementAndGet();
          } else {
            ok.incrementAndGet();
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
    assertEquals(3, ok.get());
    assertEquals(threads * calls - 3, limited.get());
    assertEquals(3, h.events.stream().filter(e -> e.outcome() == AuditOutcome.OK).count());
    assertEquals(threads * calls - 3, h.events.stream().filter(e -> e.outcome() == AuditOutcome.RATE_LIMITED).count());

    // the next window: exactly 3 again, under contention again
    h.clock.addAndGet(60_000_000_000L);
    AtomicInteger second = new AtomicInteger();
    ExecutorService pool2 = Executors.newFixedThreadPool(threads);
    List<Future<?>> fs2 = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      fs2.add(pool2.submit(() -> {
        for (int i = 0; i < 10; i++) {
          if (!h.call("limited", Map.of()).isError()) {
            second.incrementAndGet();
          }
        }
        return null;
      }));
    }
    for (Future<?> f : fs2) {
      f.get();
    }
    pool2.shutdown();
    assertEquals(3, second.get());
  }

  @Test
  void theRefusalSaysWhenToRetryInTextAndMeta() {
    for (int i = 0; i < 3; i++) {
      assertFalse(h.call("limited", Map.of()).isError());
    }
    CallToolResult r = h.call("limited", Map.of());
    assertTrue(r.isError());
    assertEquals("Rate limit exceeded for tool 'limited': try again in 20 seconds.", text(r));
    assertEquals(20L, ((Number) r.meta().get(RateLimitStep.RETRY_AFTER_META)).longValue());
    h.clock.addAndGet(19_500_000_000L);
    assertEquals("Rate limit exceeded for tool 'limited': try again in 1 second.", text(h.call("limited", Map.of())));
  }

  @Test
  void separatePrincipalsHaveSeparateBudgets() {
    for (int i = 0; i < 3; i++) {
      assertFalse(h.call("limited", Map.of()).isError());
    }
    assertTrue(h.call("limited", Map.of()).isError());
    h.as("bob");
    for (int i = 0; i < 3; i++) {
      assertFalse(h.call("limited", Map.of()).isError(), "bob's call " + i);
    }
    assertTrue(h.call("limited", Map.of()).isError());
  }

  @Test
  void theBucketRefillsSmoothly() {
    for (int i = 0; i < 3; i++) {
      h.call("limited", Map.of());
    }
    assertTrue(h.call("limited", Map.of()).isError());
    h.clock.addAndGet(19_999_000_000L);
    assertTrue(h.call("limited", Map.of()).isError(), "one token takes 20 s");
    h.clock.addAndGet(1_000_000L);
    assertFalse(h.call("limited", Map.of()).isError());
    assertTrue(h.call("limited", Map.of()).isError());
  }

  @Test
  void aGlobalLimitIsSharedAndOtherToolsAreUnaffected() {
    assertFalse(h.call("limited_global", Map.of()).isError());
    h.as("bob");
    assertFalse(h.call("limited_global", Map.of()).isError());
    h.as("carol");
    assertTrue(h.call("limited_global", Map.of()).isError());
    assertFalse(h.call("limited", Map.of()).isError(), "another tool has its own bucket");
  }

  @Test
  void aSessionLimitWithoutASessionFallsBackToThePrincipal() {
    assertFalse(h.call("limited_session", Map.of()).isError());
    assertFalse(h.call("limited_session", Map.of()).isError());
    assertTrue(h.call("limited_session", Map.of()).isError());
    h.as("bob");
    assertFalse(h.call("limited_session", Map.of()).isError());
  }

  @Test
  void anUnavailableBackendRefusesWithARetryMessageAndAnAuditReason() {
    List<dev.toolwarden.runtime.audit.AuditEvent> events = new ArrayList<>();
    CallChain chain = Pipeline.standard(PolicyHarness.JSON,
        (key, permits, window) -> dev.toolwarden.runtime.ratelimit.RateLimitDecision.unavailable(1000), events::add);
    var def = new dev.toolwarden.runtime.testtools.PolicyToolsBundle().tools().stream()
        .filter(d -> d.name().equals("limited")).findFirst().orElseThrow();
    ToolCallHandler handler = new ToolCallHandler(def, new dev.toolwarden.runtime.testtools.PolicyTools(), chain,
        exchange -> new Caller("alice", java.util.Set.of()), dev.toolwarden.runtime.internal.path.PathGuard.of(Map.of()));
    CallToolResult r = handler.apply(null, new io.modelcontextprotocol.spec.McpSchema.CallToolRequest("limited", Map.of()));
    assertTrue(r.isError());
    assertEquals("Rate limiting is temporarily unavailable for tool 'limited': try again in 1 second.", text(r));
    assertEquals(1L, ((Number) r.meta().get(RateLimitStep.RETRY_AFTER_META)).longValue());
    assertEquals(1, events.size());
    assertEquals(AuditOutcome.RATE_LIMITED, events.get(0).outcome());
    assertTrue(events.get(0).reason().startsWith("rate-limit backend unavailable"), events.get(0).reason());
  }
}
