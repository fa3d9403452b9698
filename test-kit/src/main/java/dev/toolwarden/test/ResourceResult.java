package dev.toolwarden.test;

import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceResult;
import java.util.Base64;
import java.util.List;

/** The answer to a {@code resources/read}: the contents, or the JSON-RPC error of a refusal. */
public final class ResourceResult extends Reply<ReadResourceResult> {

  ResourceResult(ReadResourceResult result, McpError error) {
    super(result, error);
  }

  /** The contents, in the order the server sent them. */
  public List<McpSchema.ResourceContents> contents() {
    return sdkResult().contents();
  }

  /**
   * The text of the only contents.
   *
   * @throws AssertionError when there is not exactly one contents, or it is binary
   */
  public String text() {
    if (only() instanceof McpSchema.TextResourceContents t) {
      return t.text();
    }
    throw new AssertionError("expected text contents, got " + only());
  }

  /**
   * The bytes of the only contents, decoded from base64.
   *
   * @throws AssertionError when there is not exactly one contents, or it is text
   */
  public byte[] blob() {
    if (only() instanceof McpSchema.BlobResourceContents b) {
      return Base64.getDecoder().decode(b.blob());
    }
    throw new AssertionError("expected binary contents, got " + only());
  }

  /** The MIME type of the only contents, or null when the server gave none. */
  public String mimeType() {
    return only().mimeType();
  }

  private McpSchema.ResourceContents only() {
    List<McpSchema.ResourceContents> all = contents();
    if (all.size() != 1) {
      throw new AssertionError("expected one contents, got " + all.size() + ": " + all);
    }
    return all.get(0);
  }
}
