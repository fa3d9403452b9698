package dev.toolwarden.runtime;

/**
 * An error whose message is meant for the caller. Thrown from a tool method, it becomes an
 * {@code isError} result showing exactly this message. Any other exception is shown only as
 * "internal error (ref …)", with the details in the server's log under that reference.
 */
public class ToolException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** A failure whose {@code message} the caller sees as it is: never put a secret or an internal detail in it. */
  public ToolException(String message) {
    super(message, null, false, false);
  }

  /** A failure the caller sees as {@code message}; {@code cause} stays on the server. */
  public ToolException(String message, Throwable cause) {
    super(message, cause, false, false);
  }
}
