package dev.toolwarden.processor.model;

/** A {@code @RateLimit} declaration, its window parsed to milliseconds. */
public record RateLimitModel(int permits, long windowMillis, String key) {}
