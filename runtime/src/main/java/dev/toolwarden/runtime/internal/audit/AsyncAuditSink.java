package dev.toolwarden.runtime.internal.audit;

import dev.toolwarden.runtime.audit.AuditEvent;
import dev.toolwarden.runtime.audit.AuditOutcome;
import dev.toolwarden.runtime.audit.AuditSink;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes audit events on one background thread so that a call is answered without waiting for the
 * audit line (formatting the JSON and the write to the log cost the request thread more than the whole
 * policy pipeline; see BENCHMARKS.md, "HTTP"). The trail stays lossless in every orderly case:
 * <ul>
 *   <li>{@link #close()} (a closed server, the end of stdio, a JVM shutdown hook) writes every queued
 *       event before it returns, and events recorded after it are written synchronously;</li>
 *   <li>a full queue blocks the recording thread for at most the configured bound, then counts the
 *       event as dropped; every count is reported as soon as the writer can, as an
 *       {@link AuditOutcome#AUDIT_EVENTS_DROPPED} event on the same sink and a WARN log line.</li>
 * </ul>
 * Only a JVM killed without its shutdown hooks ({@code kill -9}, a crash) loses the queued events.
 *
 * <p>The request thread only enqueues: the writer polls, so no call pays for waking it except when the
 * queue fills up or the writer has gone to sleep after a long idle spell. Enqueuing takes no lock (a lock-free queue
 * and a counted bound): with one lock for every producer and the writer, as in an {@code ArrayBlockingQueue}, a thread
 * descheduled while holding it parked every other request thread behind it (32 concurrent calls on 2 cores).
 */
public final class AsyncAuditSink implements AuditSink, AutoCloseable {

  /** Default number of events the queue holds. */
  public static final int DEFAULT_CAPACITY = 8192;
  /** Default longest wait of a recording thread for room in a full queue. */
  public static final Duration DEFAULT_MAX_BLOCK = Duration.ofMillis(100);

  private static final Logger LOG = LoggerFactory.getLogger(AsyncAuditSink.class);
  /** How often the writer looks at the queue while events arrive. */
  private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
  /** Idle polls after which the writer sleeps until an event wakes it (≈ 1 s of silence). */
  private static final int IDLE_POLLS_BEFORE_SLEEP = 50;
  /** How long {@link #close()} waits for the writer before writing the rest itself. */
  private static final long CLOSE_WAIT_MILLIS = 10_000;

  private final AuditSink delegate;
  private final ConcurrentLinkedQueue<AuditEvent> queue = new ConcurrentLinkedQueue<>();
  /** Events queued or about to be: a producer reserves its place here before adding to {@link #queue}. */
  private final AtomicInteger queued = new AtomicInteger();
  /** Where producers that found the queue full wait for room; {@link #waitingForRoom} says whether any does. */
  private final Object room = new Object();
  private volatile int waitingForRoom;
  private final int capacity;
  private final long maxBlockNanos;
  private final int wakeAt;
  private final AtomicLong unreported = new AtomicLong();
  private final AtomicLong droppedTotal = new AtomicLong();
  private final Object lifecycle = new Object();
  private volatile Thread writer;
  private volatile boolean sleeping;
  private volatile boolean closed;
  private Thread shutdownHook;

  /**
   * @param delegate where the events are finally written (called from one thread at a time)
   * @param capacity how many events may wait
   * @param maxBlock the longest a recording thread waits for room in a full queue
   */
  public AsyncAuditSink(AuditSink delegate, int capacity, Duration maxBlock) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    if (capacity < 1) {
      throw new IllegalArgumentException("the audit queue needs room for at least one event");
    }
    if (maxBlock.isNegative()) {
      throw new IllegalArgumentException("the audit queue's blocking bound cannot be negative");
    }
    this.capacity = capacity;
    this.maxBlockNanos = maxBlock.toNanos();
    this.wakeAt = Math.max(1, capacity / 2);
  }

  @Override
  public void record(AuditEvent event) {
    Objects.requireNonNull(event, "event");
    if (closed) {
      write(event);
      return;
    }
    Thread w = writer != null ? writer : start();
    if (reserve()) {
      queue.offer(event);
      if (sleeping || queued.get() >= wakeAt) {
        LockSupport.unpark(w);
      }
    } else {
      LockSupport.unpark(w);
      if (!offerWithin(event)) {
        unreported.incrementAndGet();
        droppedTotal.incrementAndGet();
      }
    }
    if (closed) {
      drainHere(); // close() may have finished its last drain just before this event was queued
    }
  }

  /** How many events were dropped because the queue stayed full, since this sink was created. */
  public long droppedCount() {
    return droppedTotal.get();
  }

  /**
   * Writes every queued event (and the count of dropped ones, if any) and stops the writer; later
   * events are written synchronously. Safe to call more than once and from a shutdown hook.
   */
  @Override
  public void close() {
    Thread w;
    synchronized (lifecycle) {
      if (closed) {
        return;
      }
      closed = true;
      w = writer;
      if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
        try {
          Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
          // the JVM is shutting down: the hook runs close() too, which returns at once
        }
      }
    }
    if (w != null && w != Thread.currentThread()) {
      LockSupport.unpark(w);
      try {
        w.join(CLOSE_WAIT_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    drainHere();
  }

  /** Takes a place in the queue if it has room. */
  private boolean reserve() {
    for (int n = queued.get(); n < capacity; n = queued.get()) {
      if (queued.compareAndSet(n, n + 1)) {
        return true;
      }
    }
    return false;
  }

  /** Waits at most the blocking bound for room, then queues {@code event}; whether it did. */
  private boolean offerWithin(AuditEvent event) {
    long deadline = System.nanoTime() + maxBlockNanos;
    synchronized (room) {
      waitingForRoom++;
      try {
        // the count of waiters is raised before the last look at the queue, and the writer frees a place before it
        // looks at that count: a place freed after this look is always followed by a notify
        while (!reserve()) {
          long left = deadline - System.nanoTime();
          if (left <= 0) {
            return false;
          }
          room.wait(TimeUnit.NANOSECONDS.toMillis(left), (int) (left % 1_000_000));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      } finally {
        waitingForRoom--;
      }
    }
    queue.offer(event);
    return true;
  }

  /** The next queued event, its place freed (and a producer waiting for room told), or null. */
  private AuditEvent take() {
    AuditEvent e = queue.poll();
    if (e != null) {
      queued.decrementAndGet();
      if (waitingForRoom > 0) {
        synchronized (room) {
          room.notifyAll();
        }
      }
    }
    return e;
  }

  private Thread start() {
    synchronized (lifecycle) {
      if (writer == null) {
        Thread w = new Thread(this::run, "toolwarden-audit");
        w.setDaemon(true);
        shutdownHook = new Thread(this::close, "toolwarden-audit-flush");
        try {
          Runtime.getRuntime().addShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
          shutdownHook = null; // already shutting down: close() is not reached by a hook, writes stay queued
        }
        writer = w;
        w.start();
      }
      return writer;
    }
  }

  private void run() {
    int idle = 0;
    while (true) {
      AuditEvent e = take();
      if (e != null) {
        idle = 0;
        write(e);
        continue;
      }
      reportDropped();
      if (closed) {
        return;
      }
      if (++idle < IDLE_POLLS_BEFORE_SLEEP) {
        LockSupport.parkNanos(this, POLL_NANOS);
      } else {
        sleeping = true;
        if (queue.isEmpty() && !closed) {
          LockSupport.park(this);
        }
        sleeping = false;
        idle = 0;
      }
    }
  }

  private void drainHere() {
    for (AuditEvent e; (e = take()) != null; ) {
      write(e);
    }
    reportDropped();
  }

  private void reportDropped() {
    long n = unreported.getAndSet(0);
    if (n == 0) {
      return;
    }
    String reason = n + " audit event(s) dropped: the audit queue (" + capacity + " events) stayed full for longer than " + TimeUnit.NANOSECONDS.toMillis(maxBlockNanos) + " ms";
    LOG.warn("{}; the audit sink is slower than the calls", reason);
    write(AuditEvent.builder(AuditOutcome.AUDIT_EVENTS_DROPPED).reason(reason).build());
  }

  private void write(AuditEvent e) {
    try {
      delegate.record(e);
    } catch (RuntimeException ex) {
      LOG.warn("the audit sink failed: {}", ex.getClass().getName());
    }
  }
}
