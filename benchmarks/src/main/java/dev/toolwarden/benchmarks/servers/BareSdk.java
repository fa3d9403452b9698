package dev.toolwarden.benchmarks.servers;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The same tools registered by hand on the bare MCP Java SDK, as a developer without Toolwarden writes
 * them: a schema string per tool, a handler that reads the argument map, the SDK's own input validation.
 */
public final class BareSdk {

  private BareSdk() {}

  /** Schema of a start-up tool: the same text Toolwarden generates for StartupTools*. */
  static final String STARTUP_SCHEMA = "{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\",\"type\":\"object\","
      + "\"properties\":{\"query\":{\"description\":\"what to find\",\"type\":\"string\",\"minLength\":1,\"maxLength\":64,"
      + "\"pattern\":\"[^ \\\\t\\\\n\\\\u000b\\\\f\\\\r]\"},\"limit\":{\"description\":\"at most this many\",\"type\":\"integer\","
      + "\"minimum\":1,\"maximum\":100,\"default\":10}},\"required\":[\"query\"],\"additionalProperties\":false}";

  static final String LOOKUP_SCHEMA = "{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\",\"type\":\"object\","
      + "\"properties\":{\"id\":{\"description\":\"the account id\",\"type\":\"string\",\"minLength\":1,\"maxLength\":64,"
      + "\"pattern\":\"[^ \\\\t\\\\n\\\\u000b\\\\f\\\\r]\"},\"count\":{\"description\":\"a count\",\"type\":\"integer\","
      + "\"minimum\":1,\"maximum\":100}},\"required\":[\"id\",\"count\"],\"additionalProperties\":false}";

  static final String LOOKUP_OUTPUT_SCHEMA = "{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\","
      + "\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"string\"},\"cardNumber\":{\"description\":\"redacted\","
      + "\"type\":[\"string\",\"null\"]},\"count\":{\"type\":\"integer\"}},\"required\":[\"id\",\"cardNumber\",\"count\"],"
      + "\"additionalProperties\":false}";

  /** The start-up tools: "one_0" alone, or "tool_0".."tool_99" (names as in the generated tool classes). */
  public static List<SyncToolSpecification> startupTools(int count, McpJsonMapper json) {
    List<SyncToolSpecification> specs = new ArrayList<>();
    String prefix = count == 1 ? "one" : "tool";
    for (int i = 0; i < count; i++) {
      String name = prefix + "_" + i;
      McpSchema.Tool tool = McpSchema.Tool.builder(name, json, STARTUP_SCHEMA)
          .description("Finds things, variant " + i + ".")
          .annotations(new McpSchema.ToolAnnotations(null, true, false, false, true, null))
          .build();
      specs.add(new SyncToolSpecification(tool, (exchange, request) -> {
        Map<String, Object> args = request.arguments();
        String query = (String) args.get("query");
        int limit = args.get("limit") instanceof Number n ? n.intValue() : 10;
        return McpSchema.CallToolResult.builder().addTextContent(name + ": " + query + " x" + limit).isError(false).build();
      }));
    }
    return specs;
  }

  /** Like startupTools, with {@code count} tools named tool_0.. and distinct descriptions (scale benchmark). */
  public static List<SyncToolSpecification> manyTools(int count, McpJsonMapper json) {
    List<SyncToolSpecification> specs = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String name = "tool_" + i;
      McpSchema.Tool tool = McpSchema.Tool.builder(name, json, STARTUP_SCHEMA).description("Finds things, variant " + i + ".")
          .build();
      specs.add(new SyncToolSpecification(tool, (exchange, request) ->
          McpSchema.CallToolResult.builder().addTextContent(name).isError(false).build()));
    }
    return specs;
  }

  /** The HTTP benchmark's tool, as PipelineTools.lookup: bind by hand, mask the card, structured result. */
  public static SyncToolSpecification lookup(McpJsonMapper json) {
    McpSchema.Tool tool = McpSchema.Tool.builder("lookup", json, LOOKUP_SCHEMA)
        .description("Looks up an account.")
        .outputSchema(json, LOOKUP_OUTPUT_SCHEMA)
        .annotations(new McpSchema.ToolAnnotations(null, true, false, false, true, null))
        .build();
    return new SyncToolSpecification(tool, (exchange, request) -> {
      Map<String, Object> args = request.arguments();
      String id = (String) args.get("id");
      int count = ((Number) args.get("count")).intValue();
      String card = "4111111111111111";
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("id", id);
      out.put("cardNumber", "****" + card.substring(card.length() - 4));
      out.put("count", count);
      try {
        return McpSchema.CallToolResult.builder().structuredContent(out).addTextContent(json.writeValueAsString(out))
            .isError(false).build();
      } catch (java.io.IOException e) {
        throw new IllegalStateException(e);
      }
    });
  }
}
