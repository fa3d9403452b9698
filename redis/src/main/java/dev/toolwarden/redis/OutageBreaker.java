package dev.toolwarden.redis;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Whether Redis is worth asking: closed (ask Redis) until an outage is declared, then open (the
 * failure policy decides at once) until a probe gets an answer again.
 *
 * <p>An outage is declared at once when the connection is gone ({@link RedisCallFailure.Kind#CONNECTION}:
 * nothing will answer, so waiting would only slow every caller down), and after
 * {@code slowThreshold} slow or failed answers in a row otherwise (one slow answer on a busy host
 * says little; a frozen Redis gives nothing but). While open, one caller at a time, at most once per
 * probe interval, is let through to try Redis again; its success ends the outage.
 *
 * <p>Time comes from the injected clock (nanoseconds, as {@link System#nanoTime()}), so the state
 * machine is tested without sleeping. Thread-safe: transitions are compare-and-set, so each change
 * of state is reported exactly once to the {@link Listener}.
 */
final class OutageBreaker {

  /** How a call may proceed. */
  enum Pass {
    /** Redis is considered available: ask it. */
    ASK,
    /** Redis is considered unavailable, and this call is the one to try it again. */
    PROBE,
    /** Redis is considered unavailable: the failure policy decides. */
    SKIP
  }

  /** Hears each change of state once (called on the thread that caused it). */
  interface Listener {
    /** Redis was declared unavailable. */
    void unavailable(RedisCallFailure cause);

    /** A failure that did not (yet) declare an outage. */
    void singleFailure(RedisCallFailure cause);

    /** A periodic reminder while still unavailable (at most once per summary interval). */
    void stillUnavailable(long downMillis, long decidedByPolicy, RedisCallFailure cause);

    /** Redis answered a probe: the outage is over. */
    void recovered(long downMillis, long decidedByPolicy);
  }

  static final long SUMMARY_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);

  private final int slowThreshold;
  private final long probeIntervalNanos;
  private final LongSupplier nanoClock;
  private final Listener listener;

  private final AtomicBoolean open = new AtomicBoolean();
  private final AtomicBoolean probing = new AtomicBoolean();
  private final AtomicInteger failuresInARow = new AtomicInteger();
  private final AtomicLong decidedByPolicy = new AtomicLong();
  private final AtomicLong outages = new AtomicLong();
  private final AtomicLong singleFailures = new AtomicLong();
  private volatile long nextProbeNanos;
  private volatile long openSinceNanos;
  private volatile long lastSummaryNanos;

  OutageBreaker(int slowThreshold, long probeIntervalNanos, LongSupplier nanoClock, Listener listener) {
    if (slowThreshold < 1 || probeIntervalNanos <= 0) {
      throw new IllegalArgumentException("threshold and probe interval must be positive");
    }
    this.slowThreshold = slowThreshold;
    this.probeIntervalNanos = probeIntervalNanos;
    this.nanoClock = nanoClock;
    this.listener = listener;
  }

  /** Whether this call asks Redis (and if so, as a probe) or is decided by the policy. */
  Pass pass() {
    if (!open.get()) {
      return Pass.ASK;
    }
    if (nanoClock.getAsLong() - nextProbeNanos >= 0 && probing.compareAndSet(false, true)) {
      return Pass.PROBE;
    }
    return Pass.SKIP;
  }

  /** Redis answered the call {@code pass} let through. */
  void succeeded(Pass pass) {
    failuresInARow.set(0);
    if (pass == Pass.PROBE) {
      close();
      probing.set(false);
    }
  }

  /** The call {@code pass} let through got no answer. */
  void failed(Pass pass, RedisCallFailure failure) {
    if (pass == Pass.PROBE) {
      long now = nanoClock.getAsLong();
      nextProbeNanos = now + probeIntervalNanos;
      probing.set(false);
      if (now - lastSummaryNanos >= SUMMARY_EVERY_NANOS) {
        lastSummaryNanos = now;
        listener.stillUnavailable(TimeUnit.NANOSECONDS.toMillis(now - openSinceNanos), decidedByPolicy.get(), failure);
      }
      return;
    }
    switch (failure.kind()) {
      case INTERRUPTED -> { } // the caller is going away: no news about Redis
      case CONNECTION -> trip(failure);
      default -> {
        if (failuresInARow.incrementAndGet() >= slowThreshold) {
          trip(failure);
        } else if (!open.get()) {
          singleFailures.incrementAndGet();
          listener.singleFailure(failure);
        }
      }
    }
  }

  /** Counts a call the failure policy decided (reported when the outage ends). */
  void decidedByPolicy() {
    decidedByPolicy.incrementAndGet();
  }

  /** Whether an outage is declared. */
  boolean isOpen() {
    return open.get();
  }

  /** How many outages were declared so far. */
  long outages() {
    return outages.get();
  }

  /** How many failed decisions did not declare an outage (slow answers below the threshold). */
  long singleFailures() {
    return singleFailures.get();
  }

  private void trip(RedisCallFailure cause) {
    if (!open.compareAndSet(false, true)) {
      return; // another thread declared this outage
    }
    long now = nanoClock.getAsLong();
    openSinceNanos = now;
    lastSummaryNanos = now;
    nextProbeNanos = now + probeIntervalNanos;
    decidedByPolicy.set(0);
    outages.incrementAndGet();
    listener.unavailable(cause);
  }

  private void close() {
    if (!open.compareAndSet(true, false)) {
      return;
    }
    failuresInARow.set(0);
    long downMillis = TimeUnit.NANOSECONDS.toMillis(nanoClock.getAsLong() - openSinceNanos);
    listener.recovered(downMillis, decidedByPolicy.getAndSet(0));
  }
}
