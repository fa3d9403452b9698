package dev.toolwarden.runtime.internal.config;

/**
 * A {@code permits/window} setting such as {@code 600/1m}, or {@code off}.
 *
 * @param permits requests admitted per window; 0 when off
 * @param windowMillis the window in milliseconds; 0 when off
 */
public record Rate(int permits, long windowMillis) {

  /** A rate that admits everything: the limit is off. */
  public static final Rate OFF = new Rate(0, 0);

  /** What a rate may look like, for error messages and the settings table. */
  public static final String ACCEPTED = "permits/window, e.g. 600/1m (permits a whole number from 1 to "
      + Integer.MAX_VALUE + ", the window " + RateLimitWindows.ACCEPTED + "), or off";

  /** Whether the limit is off. */
  public boolean isOff() {
    return permits == 0;
  }

  /**
   * Parses {@code off} or {@code <permits>/<window>}. The token-bucket limiters count in
   * permit-microseconds, so {@code permits × window} must fit in 63 bits of microseconds.
   *
   * @throws IllegalArgumentException saying what is wrong
   */
  public static Rate parse(String text) {
    if ("off".equals(text)) {
      return OFF;
    }
    int slash = text.indexOf('/');
    if (slash < 0) {
      throw new IllegalArgumentException("not permits/window");
    }
    long permits = Integers.parse(text.substring(0, slash), 1, Integer.MAX_VALUE);
    long window;
    try {
      window = RateLimitWindows.parse(text.substring(slash + 1));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the window: " + e.getMessage());
    }
    try {
      Math.multiplyExact(Math.multiplyExact(permits, window), 1000L);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("too many permits for so long a window");
    }
    return new Rate((int) permits, window);
  }
}
