package dev.toolwarden.runtime.spi;

/**
 * A declared rate limit: {@code permits} calls per {@code windowMillis}, per {@code key}.
 *
 * @param permits calls admitted per window, positive
 * @param windowMillis the window in milliseconds, positive
 * @param key {@code PRINCIPAL}, {@code SESSION} or {@code GLOBAL}
 */
public record RateLimitPolicy(int permits, long windowMillis, String key) {}
