package dev.toolwarden.runtime.url;

import dev.toolwarden.runtime.ToolException;

/**
 * A URL broke a {@code @SafeUrl} rule or the client's policy. Its message names the rule and
 * nothing about the server or the addresses involved, e.g.
 * {@code url refused: host not allowed [TW-SAFE-URL]}; thrown out of a tool method it becomes an
 * {@code isError} result with exactly that message.
 */
public class UrlRefusedException extends ToolException {

  private static final long serialVersionUID = 1L;

  private final String reason;

  /**
   * @param reason the rule that was broken, e.g. {@code host not allowed}
   */
  public UrlRefusedException(String reason) {
    super("url refused: " + reason + " [TW-SAFE-URL]");
    this.reason = reason;
  }

  /** The rule that was broken, e.g. {@code host not allowed}. */
  public String reason() {
    return reason;
  }
}
