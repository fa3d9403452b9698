package dev.toolwarden.processor.model;

import java.util.List;

/**
 * The policy an annotated method declares: {@code @RequiresScope} of its class and itself merged,
 * {@code @RateLimit} of itself or else its class.
 *
 * @param scopes the required scopes, class ones first
 * @param rateLimit the rate limit or null
 */
public record MethodPolicy(List<String> scopes, RateLimitModel rateLimit) {}
