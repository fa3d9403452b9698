/**
 * Toolwarden's Redis rate-limit backend: {@code @RateLimit} budgets shared by every replica of a server.
 * Exports only its API package.
 */
module dev.toolwarden.redis {
  requires transitive dev.toolwarden.runtime;
  requires lettuce.core;
  requires org.slf4j;

  exports dev.toolwarden.redis;

  // TOOLWARDEN_REDIS_URL alone turns shared limits on, on the module path too
  provides dev.toolwarden.runtime.ratelimit.RateLimiterBackendProvider with dev.toolwarden.redis.RedisRateLimiterProvider;
}
