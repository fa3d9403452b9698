package dev.toolwarden.runtime.internal.pipeline;

import dev.toolwarden.runtime.spi.ToolOutcome;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Maps what generated code returned to the SDK's {@link CallToolResult}. */
public final class ResultMapper {

  private final McpJsonMapper json;

  public ResultMapper(McpJsonMapper json) {
    this.json = json;
  }

  public CallToolResult map(ToolOutcome outcome) {
    if (outcome == null || outcome instanceof ToolOutcome.Empty) {
      return CallToolResult.builder().content(List.of()).isError(false).build();
    }
    if (outcome instanceof ToolOutcome.Text t) {
      List<McpSchema.Content> content =
          t.text() == null ? List.of() : List.of(McpSchema.TextContent.builder(t.text()).build());
      return CallToolResult.builder().content(content).isError(false).build();
    }
    if (outcome instanceof ToolOutcome.Structured s) {
      if (s.json() == null) {
        return CallToolResult.builder().content(List.of()).isError(false).build();
      }
      String text;
      try {
        text = json.writeValueAsString(s.json());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      // structured content plus the same JSON as text, for clients that read only content
      return CallToolResult.builder()
          .content(List.of(McpSchema.TextContent.builder(text).build()))
          .structuredContent(s.json())
          .isError(false)
          .build();
    }
    if (outcome instanceof ToolOutcome.Passthrough p) {
      return passthrough(p.value());
    }
    throw new IllegalStateException("unknown outcome " + outcome.getClass().getName());
  }

  private static CallToolResult passthrough(Object value) {
    if (value instanceof CallToolResult r) {
      return r;
    }
    if (value instanceof McpSchema.Content c) {
      return CallToolResult.builder().content(List.of(c)).isError(false).build();
    }
    if (value instanceof List<?> list) {
      List<McpSchema.Content> content = new ArrayList<>(list.size());
      for (Object o : list) {
        if (!(o instanceof McpSchema.Content c)) {
          throw new IllegalStateException("a passed-through list holds a non-Content element: "
              + (o == null ? "null" : o.getClass().getName()));
        }
        content.add(c);
      }
      return CallToolResult.builder().content(content).isError(false).build();
    }
    if (value == null) {
      return CallToolResult.builder().content(List.of()).isError(false).build();
    }
    throw new IllegalStateException("cannot pass through a " + value.getClass().getName());
  }
}
