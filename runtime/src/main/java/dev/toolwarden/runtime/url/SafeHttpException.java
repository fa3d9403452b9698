package dev.toolwarden.runtime.url;

import dev.toolwarden.runtime.ToolException;

/**
 * A {@link SafeHttpClient} request that failed for a reason other than a refused URL: it timed
 * out, the response was too large, or no connection could be made. The message says which, and
 * nothing about the addresses involved; thrown out of a tool method it becomes an
 * {@code isError} result with exactly that message.
 */
public class SafeHttpException extends ToolException {

  private static final long serialVersionUID = 1L;

  /**
   * @param message a caller-facing message without addresses, e.g. {@code request timed out}
   */
  public SafeHttpException(String message) {
    super(message);
  }
}
