package dev.toolwarden.runtime.spi;

/**
 * One reason why an argument was rejected.
 *
 * @param pointer the JSON pointer (RFC 6901) of the offending value inside the arguments
 * @param rule the JSON Schema keyword that failed ({@code type}, {@code minimum}, …)
 * @param message a message for the caller; carries the offending value unless it is redacted
 */
public record Violation(String pointer, String rule, String message) {

  @Override
  public String toString() {
    return (pointer.isEmpty() ? "/" : pointer) + ": " + message + " [" + rule + "]";
  }
}
