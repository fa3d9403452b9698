package dev.toolwarden.processor.model;

/** RFC 6901 JSON pointers, as policies and violations name values. */
public final class JsonPointer {

  private JsonPointer() {}

  /** A reference token with {@code ~} and {@code /} escaped. */
  public static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }

  /** The pointer of a property of the value at {@code pointer}. */
  public static String child(String pointer, String token) {
    return pointer + "/" + escape(token);
  }
}
