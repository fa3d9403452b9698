package dev.toolwarden.runtime.internal.protocol2026;

import java.util.Map;

/**
 * The caching hints 2026-07-28 requires on discover, list and read results ({@code ttlMs}, {@code cacheScope}).
 *
 * <p>Lists and discovery stay fresh for {@value #LIST_TTL_MS} ms: nothing this server lists changes while it runs
 * (it announces no {@code listChanged}). A list filtered by the token's scopes is {@code private} — a shared cache
 * must never hand one caller's view to another — and so is every resource read, whose reader may depend on its caller
 * (and which is never fresh for longer than the request: {@code ttlMs} 0).
 */
final class CacheHints {

  /** Freshness of discovery and of every list. */
  static final long LIST_TTL_MS = 300_000;
  /** Freshness of a resource read. */
  static final long READ_TTL_MS = 0;

  private CacheHints() {}

  /** Adds {@code ttlMs} and {@code cacheScope} to {@code result}. */
  static void add(Map<String, Object> result, long ttlMs, boolean privateToCaller) {
    result.put("ttlMs", ttlMs);
    result.put("cacheScope", privateToCaller ? "private" : "public");
  }
}
