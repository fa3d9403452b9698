package dev.toolwarden.redis;

/**
 * The Redis key of a bucket: {@code toolwarden:<namespace>:<key>}, e.g.
 * {@code toolwarden:orders:tool:find_orders|principal:alice}. A key longer than
 * {@value #MAX_KEY_CHARS} characters is replaced by its SHA-256, so that Redis memory stays
 * bounded whatever a principal's name is.
 */
final class BucketKeys {

  /** Every key starts with this. */
  static final String PREFIX = "toolwarden:";
  /** Keys longer than this are replaced by their SHA-256. */
  static final int MAX_KEY_CHARS = 256;

  private BucketKeys() {}

  static String redisKey(String namespace, String key) {
    String k = key.length() > MAX_KEY_CHARS ? "sha256:" + Hashes.hex("SHA-256", key) : key;
    return PREFIX + namespace + ":" + k;
  }

  /** A namespace made of {@code [A-Za-z0-9_.-]} (at most 64): anything else becomes {@code _}, so it cannot contain {@code :}. */
  static String sanitize(String name) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("namespace must not be empty");
    }
    StringBuilder b = new StringBuilder(name.length());
    for (char ch : name.toCharArray()) {
      b.append((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9')
          || ch == '_' || ch == '.' || ch == '-' ? ch : '_');
    }
    return b.length() > 64 ? b.substring(0, 64) : b.toString();
  }
}
