package dev.toolwarden.runtime.ratelimit;

/**
 * The answer of a {@link RateLimiterBackend}.
 *
 * @param allowed whether a token was taken
 * @param retryAfterMillis when refused, how long until a token will be available (at least 1); 0 when allowed
 * @param backendUnavailable refused not because the budget is spent but because the backend could
 *     not decide (e.g. Redis unreachable) and its policy is to fail closed; {@code retryAfterMillis}
 *     is then when to try again
 */
public record RateLimitDecision(boolean allowed, long retryAfterMillis, boolean backendUnavailable) {

  private static final RateLimitDecision ALLOWED = new RateLimitDecision(true, 0);

  public RateLimitDecision {
    if (allowed && retryAfterMillis != 0) {
      throw new IllegalArgumentException("an admitted call has no retry-after");
    }
    if (allowed && backendUnavailable) {
      throw new IllegalArgumentException("an admitted call was decided");
    }
    if (!allowed && retryAfterMillis < 1) {
      retryAfterMillis = 1;
    }
  }

  /** A decision of a backend that could decide. */
  public RateLimitDecision(boolean allowed, long retryAfterMillis) {
    this(allowed, retryAfterMillis, false);
  }

  /** A call that may go ahead. */
  public static RateLimitDecision allow() {
    return ALLOWED;
  }

  /** A call refused; the caller may retry after {@code retryAfterMillis}. */
  public static RateLimitDecision deny(long retryAfterMillis) {
    return new RateLimitDecision(false, retryAfterMillis);
  }

  /** Refused because the backend cannot decide now (fail closed); try again after {@code retryAfterMillis}. */
  public static RateLimitDecision unavailable(long retryAfterMillis) {
    return new RateLimitDecision(false, retryAfterMillis, true);
  }

  /** The retry-after in whole seconds, rounded up (what {@code Retry-After} and the error text say). */
  public long retryAfterSeconds() {
    return allowed ? 0 : Math.max(1, (retryAfterMillis + 999) / 1000);
  }
}
