package dev.toolwarden.runtime.internal.server;

import dev.toolwarden.runtime.ToolwardenStartupException;
import dev.toolwarden.runtime.spi.ToolDefinition;
import dev.toolwarden.runtime.spi.ToolHints;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;

/** Builds the SDK's {@link McpSchema.Tool} from a generated {@link ToolDefinition}. */
public final class SdkTools {

  private SdkTools() {}

  public static McpSchema.Tool toSdkTool(ToolDefinition def, McpJsonMapper json) {
    McpSchema.Tool.Builder b;
    try {
      b = McpSchema.Tool.builder(def.name(), json, def.inputSchema());
    } catch (RuntimeException e) {
      throw new ToolwardenStartupException("tool '" + def.name() + "': its input schema is not valid JSON"
          + " (regenerate it with the matching toolwarden-processor)");
    }
    b.title(def.title()).description(def.description());
    if (def.outputSchema() != null) {
      try {
        b.outputSchema(json, def.outputSchema());
      } catch (RuntimeException e) {
        throw new ToolwardenStartupException("tool '" + def.name() + "': its output schema is not valid JSON"
            + " (regenerate it with the matching toolwarden-processor)");
      }
    }
    ToolHints h = def.hints();
    b.annotations(new McpSchema.ToolAnnotations(def.title(), h.readOnly(), h.destructive(), h.idempotent(),
        h.openWorld(), null));
    return b.build();
  }
}
