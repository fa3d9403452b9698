package dev.toolwarden.runtime.ratelimit;

/**
 * The answer of a {@link RateLimiterBackend}.
 *
 * @param allowed whether a token was taken
 * @param retryAfterMillis when refused, how long until a token will be available (at least 1); 0 when allowed
 */
public record RateLimitDecision(boolean allowed, long retryAfterMillis) {

  private static final RateLimitDecision ALLOWED = new RateLimitDecision(true, 0);

  public RateLimitDecision {
    if (allowed && retryAfterMillis != 0) {
      throw new IllegalArgumentException("an admitted call has no retry-after");
    }
    if (!allowed && retryAfterMillis < 1) {
      retryAfterMillis = 1;
    }
  }

  public static RateLimitDecision allow() {
    return ALLOWED;
  }

  public static RateLimitDecision deny(long retryAfterMillis) {
    return new RateLimitDecision(false, retryAfterMillis);
  }

  /** The retry-after in whole seconds, rounded up (what {@code Retry-After} and the error text say). */
  public long retryAfterSeconds() {
    return allowed ? 0 : Math.max(1, (retryAfterMillis + 999) / 1000);
  }
}
