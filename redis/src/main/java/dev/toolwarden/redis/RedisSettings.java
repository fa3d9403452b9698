package dev.toolwarden.redis;

import dev.toolwarden.runtime.ToolwardenStartupException;
import dev.toolwarden.runtime.internal.config.Config;
import dev.toolwarden.runtime.internal.config.Durations;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads the {@code redis.*} settings (system properties {@code toolwarden.redis.*}, environment
 * {@code TOOLWARDEN_REDIS_*}) into a {@link RedisRateLimiter.Builder}; a missing URL or a malformed
 * value is a start-up error that names the setting and the accepted forms, never the password.
 */
final class RedisSettings {

  /** The one setting that turns the Redis limiter on. */
  static final String URL = "redis.url";

  private RedisSettings() {}

  /**
   * @param settings a value by key without the {@code toolwarden.} prefix
   * @param secrets a secret by environment variable name (e.g. {@code Secrets::optional})
   */
  static RedisRateLimiter.Builder read(Function<String, Optional<String>> settings,
      Function<String, Optional<String>> secrets) {
    String url = settings.apply(URL).orElseThrow(() -> new ToolwardenStartupException(
        "no Redis URL: set " + names(URL) + " (redis://host:6379 or rediss://host:6380)"));
    RedisRateLimiter.Builder b;
    try {
      b = RedisRateLimiter.builder(url);
    } catch (IllegalArgumentException e) {
      throw new ToolwardenStartupException("invalid " + Config.environmentName(URL) + ": " + e.getMessage());
    }
    String secretName = settings.apply("redis.password-secret").orElse(RedisRateLimiter.DEFAULT_PASSWORD_SECRET);
    secrets.apply(secretName).ifPresent(p -> b.password(p.toCharArray()));
    settings.apply("redis.on-failure").ifPresent(v -> {
      try {
        b.onFailure(FailurePolicy.parse(v));
      } catch (IllegalArgumentException e) {
        throw new ToolwardenStartupException("invalid " + names("redis.on-failure") + ": " + e.getMessage());
      }
    });
    duration(settings, "redis.timeout").ifPresent(b::timeout);
    duration(settings, "redis.connect-timeout").ifPresent(b::connectTimeout);
    duration(settings, "redis.probe-interval").ifPresent(b::probeInterval);
    settings.apply("redis.namespace").ifPresent(b::namespace);
    Optional<String> threshold = settings.apply("redis.failure-threshold");
    if (threshold.isPresent()) {
      int n;
      try {
        n = Integer.parseInt(threshold.get().trim());
      } catch (NumberFormatException e) {
        n = 0;
      }
      if (n < 1) {
        throw new ToolwardenStartupException("invalid " + names("redis.failure-threshold") + " '" + threshold.get()
            + "': use a whole number of at least 1");
      }
      b.failureThreshold(n);
    }
    return b;
  }

  private static Optional<Duration> duration(Function<String, Optional<String>> settings, String key) {
    Optional<String> v = settings.apply(key);
    if (v.isEmpty()) {
      return Optional.empty();
    }
    Duration d;
    try {
      d = Durations.parse(v.get());
    } catch (IllegalArgumentException e) {
      d = Duration.ZERO;
    }
    if (d.isZero() || d.isNegative()) {
      throw new ToolwardenStartupException("invalid " + names(key) + " '" + v.get() + "': use a positive "
          + Durations.ACCEPTED.replaceFirst("^a ", ""));
    }
    return Optional.of(d);
  }

  private static String names(String key) {
    return Config.propertyName(key) + " / " + Config.environmentName(key);
  }
}
