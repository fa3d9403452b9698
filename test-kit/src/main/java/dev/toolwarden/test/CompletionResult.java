package dev.toolwarden.test;

import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema.CompleteResult;
import java.util.List;

/** The answer to a {@code completion/complete}: the suggested values, or the JSON-RPC error of a refusal. */
public final class CompletionResult extends Reply<CompleteResult> {

  CompletionResult(CompleteResult result, McpError error) {
    super(result, error);
  }

  /** The suggested values, in the server's order (MCP sends at most 100). */
  public List<String> values() {
    return sdkResult().completion().values();
  }

  /** The total number of matches the server reported, or null when it did not say. */
  public Integer total() {
    return sdkResult().completion().total();
  }

  /** Whether the server said there are more matches than it sent, or null when it did not say. */
  public Boolean hasMore() {
    return sdkResult().completion().hasMore();
  }
}
