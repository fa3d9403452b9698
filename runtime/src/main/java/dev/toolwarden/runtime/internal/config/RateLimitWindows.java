package dev.toolwarden.runtime.internal.config;

import java.time.Duration;

/**
 * The window grammar of {@code @RateLimit(per = ...)} and of {@code permits/window} settings: a
 * {@link Durations duration} that is positive. The annotation processor checks annotations with its
 * own copy of this grammar (it cannot depend on the runtime); a processor test proves that both
 * accept and reject exactly the same strings.
 */
public final class RateLimitWindows {

  /** What a window may look like, for error messages. */
  public static final String ACCEPTED = Durations.ACCEPTED.replaceFirst("^a duration", "a positive duration");

  private RateLimitWindows() {}

  /**
   * The window {@code text} spells, in milliseconds.
   *
   * @throws IllegalArgumentException saying what is wrong, when it is not a positive duration
   */
  public static long parse(String text) {
    Duration d = Durations.parse(text);
    if (d.isZero()) {
      throw new IllegalArgumentException("a window must be longer than zero");
    }
    return d.toMillis();
  }

  /** The window in milliseconds, or -1 when {@code text} is not a valid window. */
  public static long parseMillis(String text) {
    try {
      return parse(text);
    } catch (IllegalArgumentException e) {
      return -1;
    }
  }
}
