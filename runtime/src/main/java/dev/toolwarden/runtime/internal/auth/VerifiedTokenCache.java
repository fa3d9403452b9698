package dev.toolwarden.runtime.internal.auth;

import dev.toolwarden.runtime.auth.VerifiedToken;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tokens that passed verification, so that a client's next requests with the same token skip the
 * signature check. Keyed by the SHA-256 of the token (the token itself is never stored); an entry is
 * used until the earlier of the token's {@code exp} and the time-to-live after it was verified. Only
 * successes are ever stored. At most {@code maxEntries}: when full, expired entries are dropped, and if
 * it is still full the new token is simply not cached (verification stays correct, only slower), so a
 * flood of distinct valid tokens cannot grow memory without bound.
 */
public final class VerifiedTokenCache {

  /** Default number of cached tokens. */
  public static final int DEFAULT_MAX_ENTRIES = 10_000;

  private final long ttlMillis;
  private final int maxEntries;
  private final Map<Digest, Entry> entries = new ConcurrentHashMap<>();

  private record Entry(VerifiedToken token, long untilMillis) {}

  /** The SHA-256 of a token as four longs: cheap equality, nothing of the token readable. */
  private record Digest(long a, long b, long c, long d) {}

  /**
   * @param ttl the longest time a verification is reused (positive)
   * @param maxEntries the most tokens kept (positive)
   */
  public VerifiedTokenCache(Duration ttl, int maxEntries) {
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("the token cache time must be positive");
    }
    if (maxEntries < 1) {
      throw new IllegalArgumentException("the token cache needs room for at least one token");
    }
    this.ttlMillis = ttl.toMillis();
    this.maxEntries = maxEntries;
  }

  /** The verification of {@code token} if it is cached and still valid at {@code nowMillis}, else null. */
  public VerifiedToken get(String token, long nowMillis) {
    Digest key = digest(token);
    Entry e = entries.get(key);
    if (e == null) {
      return null;
    }
    if (nowMillis >= e.untilMillis()) {
      entries.remove(key, e);
      return null;
    }
    return e.token();
  }

  /** Remembers a successful verification of {@code token} made at {@code nowMillis}. */
  public void put(String token, VerifiedToken verified, long nowMillis) {
    long until = nowMillis + ttlMillis;
    if (verified.expiresAt() != null) {
      until = Math.min(until, verified.expiresAt().toEpochMilli());
    }
    if (until <= nowMillis) {
      return;
    }
    if (entries.size() >= maxEntries) {
      entries.values().removeIf(e -> nowMillis >= e.untilMillis());
      if (entries.size() >= maxEntries) {
        return;
      }
    }
    entries.put(digest(token), new Entry(verified, until));
  }

  /** How many tokens are cached (tests). */
  int size() {
    return entries.size();
  }

  private static Digest digest(String token) {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
    ByteBuffer d = ByteBuffer.wrap(sha.digest(token.getBytes(StandardCharsets.UTF_8)));
    return new Digest(d.getLong(), d.getLong(), d.getLong(), d.getLong());
  }
}
