package dev.toolwarden.test.internal;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The monotonic clock the test's rate limits run on: it stands still until the test advances it, so a test of a
 * window needs no sleep and holds on a busy machine.
 */
public final class ManualClock {

  // an arbitrary start far from 0 and from overflow, as System.nanoTime's origin is arbitrary
  private final AtomicLong nanos = new AtomicLong(1_000_000_000_000L);

  /** The current reading, in nanoseconds. */
  public long nanos() {
    return nanos.get();
  }

  /** Moves the clock forward by {@code by}. */
  public void advance(Duration by) {
    if (by.isNegative()) {
      throw new IllegalArgumentException("a monotonic clock does not go back: " + by);
    }
    nanos.addAndGet(by.toNanos());
  }
}
