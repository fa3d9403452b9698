package dev.toolwarden.test.policies;

/**
 * Token-shaped values that must never reach a log, an audit event or a result, assembled at run time: written as
 * literals they would (rightly) fail the build through the processor's literal-secret check.
 */
final class Leaks {

  private Leaks() {}

  /** A bearer token's value. */
  static String bearer() {
    return String.join("", "abcdefgh", "ijklmnop", "0123");
  }

  /** A JWT's header part. */
  static String jwtHeader() {
    return String.join("", "eyJhbGciOiJIUzI1", "NiJ9");
  }

  /** A JWT's signature part. */
  static String jwtSignature() {
    return String.join("", "c2lnbmF0", "dXJl");
  }

  /** A whole JWT. */
  static String jwt() {
    return String.join(".", jwtHeader(), String.join("", "eyJzdWIiOiJ4", "In0"), jwtSignature());
  }
}
