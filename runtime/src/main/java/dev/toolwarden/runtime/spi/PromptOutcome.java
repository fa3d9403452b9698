package dev.toolwarden.runtime.spi;

/** What a prompt method returned, already mapped by generated code. */
public sealed interface PromptOutcome {

  /** One user message with this text ({@code String} return type). */
  static PromptOutcome text(String text) {
    return new Text(text);
  }

  /**
   * An MCP SDK value the method built itself: a {@code List<PromptMessage>} or a {@code GetPromptResult};
   * passed through unchanged.
   */
  static PromptOutcome passthrough(Object sdkValue) {
    return new Passthrough(sdkValue);
  }

  /** See {@link #text(String)}. */
  record Text(String text) implements PromptOutcome {}

  /** See {@link #passthrough(Object)}. */
  record Passthrough(Object value) implements PromptOutcome {}
}
