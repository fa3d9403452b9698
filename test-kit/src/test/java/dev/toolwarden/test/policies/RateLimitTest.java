package dev.toolwarden.test.policies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwarden.runtime.audit.AuditOutcome;
import dev.toolwarden.test.ToolResult;
import dev.toolwarden.test.ToolwardenTestClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code @RateLimit} through the whole pipeline: 3 calls a minute per principal on "limited". Moved from the
 * runtime's RateLimitStepTest (a hand-written bundle called in-process); the time is the kit's clock, never a sleep.
 */
class RateLimitTest {

  @TempDir Path workspace;
  private ToolwardenTestClient client;

  @BeforeEach
  void setUp() {
    client = ToolwardenTestClient.of(new PolicyTools()).root("ws", workspace).asPrincipal("alice");
  }

  @AfterEach
  void tearDown() {
    client.close();
  }

  private long count(AuditOutcome outcome) {
    return client.auditEvents().stream().filter(e -> e.outcome() == outcome).count();
  }

  @Test
  @Timeout(120) // 480 calls over the SDK client; generous for a busy 2-core machine
  void concurrentCallersOfOneToolAdmitExactlyThePermitsPerWindow() throws Exception {
    int threads = 12;
    int calls = 40;
    AtomicInteger ok = new AtomicInteger();
    AtomicInteger limited = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    client.start();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> fs = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      fs.add(pool.submit(() -> {
        start.await();
        for (int i = 0; i < calls; i++) {
          ToolResult r = client.callTool("limited");
          if (r.isError()) {
            assertTrue(r.text().startsWith("Rate limit exceeded for tool 'limited': try again in "), r.text());
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
    assertEquals(3, count(AuditOutcome.OK));
    assertEquals(threads * calls - 3, count(AuditOutcome.RATE_LIMITED));

    // the next window: exactly 3 again, under contention again
    client.advanceClock(Duration.ofSeconds(60));
    AtomicInteger second = new AtomicInteger();
    ExecutorService pool2 = Executors.newFixedThreadPool(threads);
    List<Future<?>> fs2 = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      fs2.add(pool2.submit(() -> {
        for (int i = 0; i < 10; i++) {
          if (!client.callTool("limited").isError()) {
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
      assertFalse(client.callTool("limited").isError());
    }
    ToolResult r = client.callTool("limited");
    assertTrue(r.isError());
    assertEquals("Rate limit exceeded for tool 'limited': try again in 20 seconds.", r.text());
    assertEquals(20L, r.retryAfterSeconds().orElseThrow());
    client.advanceClock(Duration.ofMillis(19_500));
    assertEquals("Rate limit exceeded for tool 'limited': try again in 1 second.", client.callTool("limited").text());
  }

  @Test
  void separatePrincipalsHaveSeparateBudgets() {
    for (int i = 0; i < 3; i++) {
      assertFalse(client.callTool("limited").isError());
    }
    assertTrue(client.callTool("limited").isError());
    client.asPrincipal("bob");
    for (int i = 0; i < 3; i++) {
      assertFalse(client.callTool("limited").isError(), "bob's call " + i);
    }
    assertTrue(client.callTool("limited").isError());
  }

  @Test
  void theBucketRefillsSmoothly() {
    for (int i = 0; i < 3; i++) {
      client.callTool("limited");
    }
    assertTrue(client.callTool("limited").isError());
    client.advanceClock(Duration.ofMillis(19_999));
    assertTrue(client.callTool("limited").isError(), "one token takes 20 s");
    client.advanceClock(Duration.ofMillis(1));
    assertFalse(client.callTool("limited").isError());
    assertTrue(client.callTool("limited").isError());
  }

  @Test
  void aGlobalLimitIsSharedAndOtherToolsAreUnaffected() {
    assertFalse(client.callTool("limited_global").isError());
    client.asPrincipal("bob");
    assertFalse(client.callTool("limited_global").isError());
    client.asPrincipal("carol");
    assertTrue(client.callTool("limited_global").isError());
    assertFalse(client.callTool("limited").isError(), "another tool has its own bucket");
  }

  @Test
  void aSessionLimitIsSharedByThePrincipalsOfOneSession() {
    assertFalse(client.callTool("limited_session").isError());
    client.asPrincipal("bob");
    assertFalse(client.callTool("limited_session").isError());
    assertTrue(client.callTool("limited_session").isError(), "bob spends the session's budget, not his own");
  }
}
