package dev.toolwarden.runtime.internal.telemetry;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A JWT-shaped string built at run time (header {@code {"alg":"HS256"}}, subject {@code x}, a fake signature), so
 * that no token-shaped literal sits in the repository for the secret scan to find.
 */
final class JwtShaped {

  private JwtShaped() {}

  static String token() {
    return part("{\"alg\":\"HS256\"}") + "." + part("{\"sub\":\"x\"}") + "." + part("signature");
  }

  static String header() {
    return part("{\"alg\":\"HS256\"}");
  }

  private static String part(String text) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
