package dev.toolwarden.runtime.ratelimit;

import dev.toolwarden.runtime.internal.ratelimit.InMemoryRateLimiter;

import dev.toolwarden.runtime.audit.AuditSink;

/**
 * Where rate-limit budgets live: in memory by default ({@link InMemoryRateLimiter}), in Redis
 * with the {@code toolwarden-redis} module. One bucket per {@code key}; a bucket holds at most
 * {@code permits} tokens and refills smoothly at {@code permits / windowMillis} (a token bucket,
 * so a full bucket admits a burst of {@code permits} calls). An implementation must take a token
 * atomically (no over-admission when many replicas or threads share a key).
 *
 * <p>This interface is the whole contract with a backend: keep it small. A backend that cannot
 * decide (Redis unreachable) either decides by its documented policy (fail open or closed) or
 * throws; the runtime turns an exception into an {@code internal error} result.
 */
@FunctionalInterface
public interface RateLimiterBackend {

  /**
   * Takes one token from the bucket of {@code key}, creating a full bucket when there is none.
   *
   * @param key the bucket, e.g. {@code tool:read_file|principal:alice}; at most a few hundred characters
   * @param permits the bucket's capacity and the tokens added per window, positive
   * @param windowMillis the window, positive
   * @return whether the call is admitted, and if not, when a token will be available
   */
  RateLimitDecision tryAcquire(String key, int permits, long windowMillis);

  /**
   * Called once by each server the backend is given to, before it serves: the server's name (a
   * shared backend may namespace its keys with it) and the server's audit sink (a backend reports
   * its own state changes there, e.g. Redis becoming unreachable). The default does nothing.
   */
  default void attach(String serverName, AuditSink audit) {}
}
