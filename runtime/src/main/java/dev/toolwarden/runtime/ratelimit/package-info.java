/**
 * Where {@code @RateLimit} budgets live: the {@link dev.toolwarden.runtime.ratelimit.RateLimiterBackend} interface
 * (in memory by default; {@code toolwarden-redis} shares budgets across replicas) and its
 * {@link dev.toolwarden.runtime.ratelimit.RateLimitDecision}.
 */
package dev.toolwarden.runtime.ratelimit;
