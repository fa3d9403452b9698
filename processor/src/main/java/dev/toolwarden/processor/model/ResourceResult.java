package dev.toolwarden.processor.model;

/**
 * How the value a resource or resource template method returns becomes the contents of {@code resources/read}.
 *
 * @param kind text, blob, JSON or SDK passthrough
 * @param type for {@link Kind#JSON}, the shape of the value written as a JSON tree; otherwise null
 * @param optional whether the method returns {@code Optional} of it ({@code Optional.empty()}, like null, means
 *     resource-not-found)
 */
public record ResourceResult(Kind kind, JType type, boolean optional) {

  /** What the contents are. */
  public enum Kind {
    /** {@code String}: text contents. */
    TEXT("text/plain"),
    /** {@code byte[]}: blob contents, base64 on the wire. */
    BLOB("application/octet-stream"),
    /** A record, list, set, array or map: JSON text. */
    JSON("application/json"),
    /** {@code ResourceContents}, a list of them or {@code ReadResourceResult} of the MCP SDK: as returned. */
    PASSTHROUGH(null);

    private final String mimeType;

    Kind(String mimeType) {
      this.mimeType = mimeType;
    }

    /** The MIME type when the annotation names none, or null (passthrough contents carry their own). */
    public String defaultMimeType() {
      return mimeType;
    }
  }
}
