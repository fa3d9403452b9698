package dev.toolwarden.benchmarks.servers;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.server.McpStatelessServerFeatures;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceTemplateSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.util.DefaultMcpUriTemplateManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

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

  static final String STATEMENT_TEMPLATE = "accounts://{id}/statements/{page}";

  /**
   * The resource template of the resources/read benchmarks, as ResourceTools.statement, by hand: the SDK picks the
   * specification by its own template matching; the handler takes the variables out with the SDK's template
   * manager, checks them as the annotations say (an invalid-params error otherwise), masks the card and writes the
   * record as JSON text.
   */
  public static SyncResourceTemplateSpecification statement(McpJsonMapper json) {
    Function<McpSchema.ReadResourceRequest, McpSchema.ReadResourceResult> read = statementReader(json);
    return new SyncResourceTemplateSpecification(statementTemplate(), (exchange, request) -> read.apply(request));
  }

  /** {@link #statement} for the SDK's stateless server. */
  public static McpStatelessServerFeatures.SyncResourceTemplateSpecification statelessStatement(McpJsonMapper json) {
    Function<McpSchema.ReadResourceRequest, McpSchema.ReadResourceResult> read = statementReader(json);
    return new McpStatelessServerFeatures.SyncResourceTemplateSpecification(statementTemplate(),
        (context, request) -> read.apply(request));
  }

  /** The fixed resource of the resources/read benchmarks, as ResourceTools.motd. */
  public static SyncResourceSpecification motd(String text) {
    return new SyncResourceSpecification(motdResource(), (exchange, request) -> motdResult(request, text));
  }

  /** {@link #motd} for the SDK's stateless server. */
  public static McpStatelessServerFeatures.SyncResourceSpecification statelessMotd(String text) {
    return new McpStatelessServerFeatures.SyncResourceSpecification(motdResource(),
        (context, request) -> motdResult(request, text));
  }

  private static McpSchema.ResourceTemplate statementTemplate() {
    return McpSchema.ResourceTemplate.builder(STATEMENT_TEMPLATE, "statement")
        .description("A page of an account's statement.").mimeType("application/json").build();
  }

  private static Function<McpSchema.ReadResourceRequest, McpSchema.ReadResourceResult> statementReader(
      McpJsonMapper json) {
    DefaultMcpUriTemplateManager variables = new DefaultMcpUriTemplateManager(STATEMENT_TEMPLATE);
    return request -> {
      String uri = request.uri();
      Map<String, String> vars = variables.extractVariableValues(uri);
      String id = vars.get("id");
      int page;
      try {
        page = Integer.parseInt(vars.get("page"));
      } catch (NumberFormatException e) {
        throw invalid("page: not an integer");
      }
      if (id == null || id.isBlank() || id.length() > 64) {
        throw invalid("id: must not be blank, at most 64 characters");
      }
      if (page < 1 || page > 100) {
        throw invalid("page: must be between 1 and 100");
      }
      String card = "4111111111111111";
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("id", id);
      out.put("cardNumber", "****" + card.substring(card.length() - 4));
      out.put("page", page);
      try {
        return McpSchema.ReadResourceResult.builder(List.of(McpSchema.TextResourceContents.builder(uri,
            json.writeValueAsString(out)).mimeType("application/json").build())).build();
      } catch (java.io.IOException e) {
        throw new IllegalStateException(e);
      }
    };
  }

  private static McpSchema.Resource motdResource() {
    return McpSchema.Resource.builder("bench://motd", "motd").description("The message of the day.")
        .mimeType("text/plain").build();
  }

  private static McpSchema.ReadResourceResult motdResult(McpSchema.ReadResourceRequest request, String text) {
    return McpSchema.ReadResourceResult.builder(
        List.of(McpSchema.TextResourceContents.builder(request.uri(), text).mimeType("text/plain").build())).build();
  }

  private static McpError invalid(String message) {
    return McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS).message(message).build();
  }
}
