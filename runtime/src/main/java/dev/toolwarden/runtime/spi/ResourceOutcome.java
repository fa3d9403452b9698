package dev.toolwarden.runtime.spi;

/**
 * What a resource method returned, already mapped by generated code so the runtime never reflects on user types.
 * The runtime turns it into the contents of a {@code resources/read} result for the URI that was read.
 */
public sealed interface ResourceOutcome {

  /** Text contents ({@code String} return type); {@code text/plain} unless the resource declares a MIME type. */
  static ResourceOutcome text(String text) {
    return new Text(text);
  }

  /** Binary contents ({@code byte[]}), sent base64-encoded as a blob. */
  static ResourceOutcome blob(byte[] data) {
    return new Blob(data);
  }

  /**
   * A JSON tree (records, lists, maps mapped by generated code to {@code Map}, {@code List}, {@code String},
   * {@code Number}, {@code Boolean}, {@code null}), sent as JSON text with {@code application/json}.
   */
  static ResourceOutcome json(Object tree) {
    return new Json(tree);
  }

  /**
   * An MCP SDK value the method built itself ({@code ResourceContents}, a list of them, or a
   * {@code ReadResourceResult}); passed through unchanged.
   */
  static ResourceOutcome passthrough(Object sdkValue) {
    return new Passthrough(sdkValue);
  }

  /** Nothing at this URI ({@code null} or {@code Optional.empty()}): the spec's resource-not-found error. */
  static ResourceOutcome notFound() {
    return NotFound.INSTANCE;
  }

  /** See {@link #text(String)}. */
  record Text(String text) implements ResourceOutcome {}

  /** See {@link #blob(byte[])}. */
  record Blob(byte[] data) implements ResourceOutcome {}

  /** See {@link #json(Object)}. */
  record Json(Object tree) implements ResourceOutcome {}

  /** See {@link #passthrough(Object)}. */
  record Passthrough(Object value) implements ResourceOutcome {}

  /** See {@link #notFound()}. */
  enum NotFound implements ResourceOutcome { INSTANCE }
}
