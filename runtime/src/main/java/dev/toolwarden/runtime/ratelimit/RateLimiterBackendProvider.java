package dev.toolwarden.runtime.ratelimit;

import java.util.Optional;
import java.util.function.Function;

/**
 * Supplies a {@link RateLimiterBackend} from configuration alone, so that adding a module to the
 * class path and setting one value is enough to change where {@code @RateLimit} budgets live (e.g.
 * {@code toolwarden-redis} with {@code TOOLWARDEN_REDIS_URL}).
 *
 * <p>The runtime finds providers with {@link java.util.ServiceLoader} (declare the implementation in
 * {@code META-INF/services/dev.toolwarden.runtime.ratelimit.RateLimiterBackendProvider}) and asks
 * them only when the server was given no backend with {@code ServerBuilder.rateLimiter(..)}. The
 * first provider that returns a backend wins; when none does, the server keeps its in-memory
 * limiter, so a provider on the class path without its settings changes nothing.
 */
public interface RateLimiterBackendProvider {

  /**
   * The backend configured from {@code settings}, or empty when the settings this provider needs
   * are absent.
   *
   * @param settings the server's configuration by key without the {@code toolwarden.} prefix
   *     (e.g. {@code redis.url}), resolved as everywhere else: builder value, then system property
   *     {@code toolwarden.<key>}, then environment variable {@code TOOLWARDEN_<KEY>}
   * @return the backend; creating it does no network I/O (connect on {@link RateLimiterBackend#attach} or first use)
   * @throws dev.toolwarden.runtime.ToolwardenStartupException when the settings are present but malformed
   */
  Optional<RateLimiterBackend> create(Function<String, Optional<String>> settings);
}
