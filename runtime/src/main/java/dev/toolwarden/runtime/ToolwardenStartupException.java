package dev.toolwarden.runtime;

/**
 * A server that would be unsafe or cannot work does not start: this exception carries one
 * clear message for the operator. It has no stack trace on purpose, so an uncaught start-up
 * error prints as a single readable line instead of a wall of framework frames.
 */
public final class ToolwardenStartupException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Start-up refused, with a message that names the setting or element to fix. */
  public ToolwardenStartupException(String message) {
    super(message, null, false, false);
  }
}
