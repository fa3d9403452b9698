package dev.toolwarden.redis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Lower-case hex digests of UTF-8 text (the script's SHA-1 for {@code EVALSHA}, long keys' SHA-256). */
final class Hashes {

  private Hashes() {}

  static String hex(String algorithm, String text) {
    try {
      byte[] d = MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8));
      StringBuilder b = new StringBuilder(d.length * 2);
      for (byte x : d) {
        b.append(Character.forDigit((x >> 4) & 0xf, 16)).append(Character.forDigit(x & 0xf, 16));
      }
      return b.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(algorithm + " is missing from this JVM", e);
    }
  }
}
