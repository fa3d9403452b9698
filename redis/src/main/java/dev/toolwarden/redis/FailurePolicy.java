package dev.toolwarden.redis;

import java.util.Locale;

/**
 * What a {@link RedisRateLimiter} decides while Redis is unreachable or slower than its timeout.
 *
 * <p>The default is {@link #DENY}. A rate limit in a security framework is a control, not a
 * convenience: it caps how fast a stolen token or a runaway agent can call an expensive or
 * dangerous tool, and it must not switch itself off when an attacker (or an outage) takes Redis
 * down. Failing closed makes the outage visible and bounded; failing open would silently lift
 * every limit of every replica.
 */
public enum FailurePolicy {

  /**
   * Refuse every rate-limited call until Redis answers again: the caller gets an {@code isError}
   * result "Rate limiting is temporarily unavailable … try again in N seconds". Tools without
   * {@code @RateLimit} are not affected.
   */
  DENY,

  /**
   * Decide with an {@code InMemoryRateLimiter} of this replica until Redis answers again. Each
   * replica then enforces the limit on its own, so the whole deployment admits up to
   * (replicas × limit) per window meanwhile; the local buckets start full and are discarded on
   * recovery.
   */
  ALLOW_WITH_LOCAL_FALLBACK;

  /** Parses {@code deny} or {@code allow-with-local-fallback} (any case, {@code _} or {@code -}). */
  public static FailurePolicy parse(String text) {
    String s = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    for (FailurePolicy p : values()) {
      if (p.name().equals(s)) {
        return p;
      }
    }
    throw new IllegalArgumentException("unknown failure policy '" + text + "': use deny or allow-with-local-fallback");
  }

  /** The configuration spelling: {@code deny}, {@code allow-with-local-fallback}. */
  public String configName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
