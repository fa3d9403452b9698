package dev.toolwarden.runtime.internal.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwarden.runtime.audit.AuditEvent;
import dev.toolwarden.runtime.audit.AuditOutcome;
import dev.toolwarden.runtime.audit.AuditSink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The asynchronous default audit sink: nothing queued is lost on close, a full queue blocks a caller
 * only up to its bound, and every dropped event is counted and reported on the trail itself.
 */
class AsyncAuditSinkTest {

  /** Records events; the first write waits until {@link #release} opens (a stuck log appender). */
  private static final class GatedSink implements AuditSink {
    final List<AuditEvent> events = new ArrayList<>();
    final CountDownLatch release = new CountDownLatch(1);
    final CountDownLatch firstWriteStarted = new CountDownLatch(1);

    @Override
    public void record(AuditEvent event) {
      firstWriteStarted.countDown();
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      synchronized (events) {
        events.add(event);
      }
    }

    List<AuditEvent> snapshot() {
      synchronized (events) {
        return new ArrayList<>(events);
      }
    }
  }

  private static AuditEvent call(int n) {
    return AuditEvent.builder(AuditOutcome.OK).tool("tool-" + n).build();
  }

  @Test
  void closeWritesEveryQueuedEventInOrder() throws Exception {
    GatedSink target = new GatedSink();
    AsyncAuditSink sink = new AsyncAuditSink(target, 1000, Duration.ofSeconds(5));
    for (int i = 0; i < 500; i++) {
      sink.record(call(i));
    }
    assertTrue(target.firstWriteStarted.await(30, TimeUnit.SECONDS), "the writer picked up the first event");
    assertEquals(0, target.snapshot().size(), "nothing was written while the sink was stuck");
    Thread closer = new Thread(sink::close);
    closer.start();
    target.release.countDown();
    closer.join(30_000);
    assertTrue(!closer.isAlive(), "close() returned");
    List<AuditEvent> written = target.snapshot();
    assertEquals(500, written.size(), "every event queued before close() is written by the time it returns");
    for (int i = 0; i < 500; i++) {
      assertEquals("tool-" + i, written.get(i).tool());
    }
    assertEquals(0, sink.droppedCount());
  }

  @Test
  void eventsAfterCloseAreWrittenSynchronously() {
    List<AuditEvent> written = new ArrayList<>();
    AsyncAuditSink sink = new AsyncAuditSink(written::add, 10, Duration.ZERO);
    sink.close();
    sink.record(call(1));
    assertEquals(1, written.size(), "a late event (e.g. a call finishing during shutdown) is not lost");
  }

  @Test
  void aFullQueueBlocksOnlyUpToTheBoundThenCountsAndReportsTheDrop() throws Exception {
    GatedSink target = new GatedSink();
    AsyncAuditSink sink = new AsyncAuditSink(target, 2, Duration.ofMillis(50));
    sink.record(call(0));
    assertTrue(target.firstWriteStarted.await(30, TimeUnit.SECONDS), "the writer is stuck in event 0");
    sink.record(call(1));
    sink.record(call(2)); // the queue (2) is full now
    // the sink stays stuck: without a bound these calls would never return
    assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
      sink.record(call(3));
      sink.record(call(4));
    });
    assertEquals(2, sink.droppedCount(), "both events that found the queue full past the bound are counted");

    target.release.countDown();
    sink.close();
    List<AuditEvent> written = target.snapshot();
    assertEquals(List.of("tool-0", "tool-1", "tool-2"),
        written.stream().filter(e -> e.tool() != null).map(AuditEvent::tool).toList());
    List<AuditEvent> reports = written.stream().filter(e -> e.outcome() == AuditOutcome.AUDIT_EVENTS_DROPPED).toList();
    assertEquals(1, reports.size(), "the drop is reported on the trail: " + written);
    assertTrue(reports.get(0).reason().startsWith("2 audit event(s) dropped"), reports.get(0).reason());
    assertTrue(reports.get(0).toJson().contains("\"outcome\":\"audit_events_dropped\""), reports.get(0).toJson());
  }

  @Test
  void aFailingSinkDoesNotStopTheWriter() {
    List<AuditEvent> written = new ArrayList<>();
    AsyncAuditSink sink = new AsyncAuditSink(e -> {
      if ("tool-0".equals(e.tool())) {
        throw new IllegalStateException("appender broke");
      }
      synchronized (written) {
        written.add(e);
      }
    }, 10, Duration.ofSeconds(5));
    sink.record(call(0));
    sink.record(call(1));
    sink.close();
    assertEquals(List.of("tool-1"), written.stream().map(AuditEvent::tool).toList());
  }
}
