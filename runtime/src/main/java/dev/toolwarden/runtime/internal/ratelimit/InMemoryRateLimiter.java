package dev.toolwarden.runtime.internal.ratelimit;

import dev.toolwarden.runtime.ratelimit.RateLimitDecision;
import dev.toolwarden.runtime.ratelimit.RateLimiterBackend;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * The default {@link RateLimiterBackend}: token buckets in this JVM.
 *
 * <p><b>Hot path.</b> A bucket is an {@link AtomicReference} to an immutable state (tokens,
 * time of the last update); a call computes the refilled state and installs it with one
 * compare-and-set, retrying on contention. No lock, and no over-admission: a token is taken only
 * by the thread whose CAS succeeded.
 *
 * <p><b>Bounded memory.</b> At most {@code maxBuckets} buckets are kept. A bucket that has been
 * idle long enough to be full again carries no information and is dropped by a sweep (every
 * {@value #SWEEP_EVERY} new buckets, or when the cap is reached). When the cap is still reached
 * after that — a flood of distinct callers all active within their window — the least recently
 * used buckets are dropped until 10% of the cap is free; their owners start again with a full
 * bucket. A flood of distinct principals or sessions therefore costs bounded memory, at the price
 * of possibly re-admitting the oldest of them early. Size {@code maxBuckets} above the number of
 * callers you expect to be active within one window.
 */
public final class InMemoryRateLimiter implements RateLimiterBackend {

  /** Default cap on the number of buckets. */
  public static final int DEFAULT_MAX_BUCKETS = 100_000;

  static final int SWEEP_EVERY = 4096;

  private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
  private final LongSupplier nanoClock;
  private final int maxBuckets;
  private final AtomicLong created = new AtomicLong();
  private final ReentrantLock sweeping = new ReentrantLock();

  /** A limiter on the system's monotonic clock with {@link #DEFAULT_MAX_BUCKETS}. */
  public InMemoryRateLimiter() {
    this(System::nanoTime, DEFAULT_MAX_BUCKETS);
  }

  /**
   * @param nanoClock a monotonic clock in nanoseconds (tests pass a fake one)
   * @param maxBuckets the most buckets kept at once, at least 16
   */
  public InMemoryRateLimiter(LongSupplier nanoClock, int maxBuckets) {
    if (maxBuckets < 16) {
      throw new IllegalArgumentException("maxBuckets must be at least 16");
    }
    this.nanoClock = nanoClock;
    this.maxBuckets = maxBuckets;
  }

  @Override
  public RateLimitDecision tryAcquire(String key, int permits, long windowMillis) {
    if (permits <= 0 || windowMillis <= 0) {
      throw new IllegalArgumentException("permits and window must be positive");
    }
    long now = nanoClock.getAsLong();
    long windowNanos = windowMillis * 1_000_000L;
    while (true) {
      Bucket bucket = buckets.get(key);
      if (bucket == null) {
        if (buckets.size() >= maxBuckets) {
          sweep(now, true);
        }
        bucket = buckets.computeIfAbsent(key, k -> {
          created.incrementAndGet();
          return new Bucket(permits, windowNanos, now);
        });
        if (created.get() % SWEEP_EVERY == 0) {
          sweep(now, false);
        }
      }
      RateLimitDecision d = bucket.take(permits, windowNanos, now);
      if (d != null) {
        return d;
      }
      buckets.remove(key, bucket); // retired by a sweep: look again
    }
  }

  /** The number of buckets held (for tests and metrics). */
  public int size() {
    return buckets.size();
  }

  /** Drops idle (full) buckets; at the cap, also the least recently used ones. */
  private void sweep(long now, boolean atCap) {
    if (!sweeping.tryLock()) {
      return; // another thread sweeps; the map may briefly exceed the cap by the racing inserts
    }
    try {
      buckets.entrySet().removeIf(e -> e.getValue().retireIfIdle(now));
      if (atCap && buckets.size() >= maxBuckets) {
        record Used(String key, Bucket bucket, long at) {}
        List<Used> all = new ArrayList<>(buckets.size());
        for (Map.Entry<String, Bucket> e : buckets.entrySet()) {
          all.add(new Used(e.getKey(), e.getValue(), e.getValue().lastUsed())); // snapshot: sort stays consistent
        }
        all.sort((a, b) -> Long.compare(a.at(), b.at()));
        int target = maxBuckets - maxBuckets / 10;
        for (int i = 0; i < all.size() && buckets.size() > target; i++) {
          all.get(i).bucket().retire();
          buckets.remove(all.get(i).key(), all.get(i).bucket());
        }
      }
    } finally {
      sweeping.unlock();
    }
  }

  /**
   * Immutable bucket state in exact integer units: one token is {@code windowMicros} units and
   * every elapsed microsecond adds {@code permits} units, so the refill rate is exactly
   * {@code permits} per window with no rounding drift.
   */
  private record State(long units, long atNanos) {}

  /** A bucket dropped from the map: callers holding it look the key up again. */
  private static final State RETIRED = new State(0, Long.MIN_VALUE);

  private static final class Bucket {
    private final AtomicReference<State> state;
    private final long permits;
    private final long windowMicros;
    private final long capacity;

    Bucket(int permits, long windowNanos, long now) {
      this.permits = permits;
      this.windowMicros = Math.max(1, windowNanos / 1000);
      this.capacity = Math.multiplyExact(this.permits, this.windowMicros);
      state = new AtomicReference<>(new State(capacity, now));
    }

    /** The decision, or null when the bucket was retired meanwhile. */
    RateLimitDecision take(int permits, long windowNanos, long now) {
      while (true) {
        State s = state.get();
        if (s == RETIRED) {
          return null;
        }
        State r = refilled(s, now);
        if (r.units >= windowMicros) {
          if (state.compareAndSet(s, new State(r.units - windowMicros, r.atNanos))) {
            return RateLimitDecision.allow();
          }
        } else {
          // nothing to take: say when one whole token will be there, without writing
          long micros = (windowMicros - r.units + this.permits - 1) / this.permits;
          long nanos = micros * 1000 - Math.max(0, now - r.atNanos);
          return RateLimitDecision.deny(Math.max(1, (nanos + 999_999) / 1_000_000));
        }
      }
    }

    /** The state refilled up to {@code now}; time is consumed in whole microseconds only. */
    private State refilled(State s, long now) {
      long elapsedMicros = (now - s.atNanos) / 1000;
      if (elapsedMicros <= 0) {
        return s;
      }
      if (elapsedMicros >= windowMicros || s.units + elapsedMicros * permits >= capacity) {
        return new State(capacity, now);
      }
      return new State(s.units + elapsedMicros * permits, s.atNanos + elapsedMicros * 1000);
    }

    /** Retires the bucket when it is full again (dropping it then changes nothing). */
    boolean retireIfIdle(long now) {
      State s = state.get();
      if (s == RETIRED) {
        return true;
      }
      return refilled(s, now).units >= capacity && state.compareAndSet(s, RETIRED);
    }

    void retire() {
      state.set(RETIRED);
    }

    long lastUsed() {
      State s = state.get();
      return s == RETIRED ? Long.MIN_VALUE : s.atNanos;
    }
  }
}
