package dev.toolwarden.runtime.spi;

/**
 * What a tool method returned, already mapped by generated code so the runtime never
 * reflects on user types.
 */
public sealed interface ToolOutcome {

  /** The method returned nothing ({@code void}). */
  static ToolOutcome empty() {
    return Empty.INSTANCE;
  }

  /** Plain text content. */
  static ToolOutcome text(String text) {
    return new Text(text);
  }

  /**
   * Structured content: a JSON tree made of {@code Map<String,Object>}, {@code List},
   * {@code String}, {@code Number}, {@code Boolean} and {@code null}. Sent as
   * {@code structuredContent} and as the same JSON in a text content block.
   */
  static ToolOutcome structured(java.util.Map<String, Object> json) {
    return new Structured(json);
  }

  /**
   * An MCP SDK result or content value the method built itself ({@code CallToolResult},
   * a {@code Content}, or a list of {@code Content}); passed through unchanged.
   */
  static ToolOutcome passthrough(Object sdkValue) {
    return new Passthrough(sdkValue);
  }

  /** See {@link #empty()}. */
  enum Empty implements ToolOutcome { INSTANCE }

  /** See {@link #text(String)}. */
  record Text(String text) implements ToolOutcome {}

  /** See {@link #structured(java.util.Map)}. */
  record Structured(java.util.Map<String, Object> json) implements ToolOutcome {}

  /** See {@link #passthrough(Object)}. */
  record Passthrough(Object value) implements ToolOutcome {}
}
