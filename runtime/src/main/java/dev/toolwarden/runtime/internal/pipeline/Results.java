package dev.toolwarden.runtime.internal.pipeline;

import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.List;

/** Small factory for {@code isError} results. */
public final class Results {

  private Results() {}

  public static CallToolResult error(String text) {
    return CallToolResult.builder()
        .content(List.of(McpSchema.TextContent.builder(text).build()))
        .isError(true)
        .build();
  }
}
