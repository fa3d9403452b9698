package dev.toolwarden.test;

import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The answer to a {@code tools/call}. A refusal (validation, scope, rate limit, path) and a failure of the tool are
 * results with {@link #isError()} set and a safe message in {@link #text()}; an unknown tool is a JSON-RPC error.
 */
public final class ToolResult extends Reply<CallToolResult> {

  /** The {@code _meta} key of a rate-limit refusal's retry-after, in seconds. */
  static final String RETRY_AFTER_META = "dev.toolwarden/retryAfterSeconds";

  ToolResult(CallToolResult result, McpError error) {
    super(result, error);
  }

  /** Whether the result is an error result ({@code isError: true}): a refusal or a failure of the tool. */
  public boolean isError() {
    return Boolean.TRUE.equals(sdkResult().isError());
  }

  /** The text of the result's text contents, concatenated (for structured output: its JSON text). */
  public String text() {
    StringBuilder b = new StringBuilder();
    for (McpSchema.Content c : sdkResult().content()) {
      if (c instanceof McpSchema.TextContent t) {
        b.append(t.text());
      }
    }
    return b.toString();
  }

  /**
   * The structured content as parsed JSON ({@code Map} for an object, {@code List}, {@code String}, {@code Number},
   * {@code Boolean}), or null when the tool has no structured output.
   */
  public Object structuredContent() {
    return sdkResult().structuredContent();
  }

  /**
   * The structured content as a JSON object.
   *
   * @throws AssertionError when there is none or it is not an object
   */
  @SuppressWarnings("unchecked")
  public Map<String, Object> structuredObject() {
    Object s = structuredContent();
    if (!(s instanceof Map)) {
      throw new AssertionError("expected a structured JSON object, got " + s + " in " + this);
    }
    return (Map<String, Object>) s;
  }

  /** When a rate-limit refusal says to retry, in seconds; empty for any other result. */
  public OptionalLong retryAfterSeconds() {
    Map<String, Object> meta = sdkResult().meta();
    if (meta != null && meta.get(RETRY_AFTER_META) instanceof Number n) {
      return OptionalLong.of(n.longValue());
    }
    return OptionalLong.empty();
  }
}
