package dev.toolwarden.redis;

import dev.toolwarden.runtime.Secrets;
import dev.toolwarden.runtime.ratelimit.RateLimiterBackend;
import dev.toolwarden.runtime.ratelimit.RateLimiterBackendProvider;
import java.util.Optional;
import java.util.function.Function;

/**
 * Makes a server use Redis for {@code @RateLimit} without any code: with {@code toolwarden-redis}
 * on the class path and {@code TOOLWARDEN_REDIS_URL} (or the system property
 * {@code toolwarden.redis.url}) set, a server given no other backend builds a
 * {@link RedisRateLimiter} from the {@code redis.*} settings. Without the URL it declines and the
 * server keeps its in-memory limiter. Found by {@link java.util.ServiceLoader}; not meant to be
 * called directly.
 */
public final class RedisRateLimiterProvider implements RateLimiterBackendProvider {

  /** For {@link java.util.ServiceLoader}. */
  public RedisRateLimiterProvider() {}

  /** A {@link RedisRateLimiter} when {@code redis.url} is set, else empty; a malformed setting is a start-up error. */
  @Override
  public Optional<RateLimiterBackend> create(Function<String, Optional<String>> settings) {
    if (settings.apply(RedisSettings.URL).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(RedisSettings.read(settings, Secrets::optional).build());
  }
}
