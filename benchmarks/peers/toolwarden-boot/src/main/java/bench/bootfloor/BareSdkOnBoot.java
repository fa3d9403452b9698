package bench.bootfloor;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The second floor ({@code -Dbench.bootFloor=sdk}): Boot's start-up, then the MCP Java SDK's stdio server with the
 * tools registered by hand and no schema work at all (a validator that accepts everything) — what any Boot starter
 * built on the SDK, Spring AI's and Toolwarden's alike, must at least do before its first answer.
 */
final class BareSdkOnBoot {

  private static final String SCHEMA = "{\"type\":\"object\",\"properties\":{\"query\":{\"type\":\"string\"},"
      + "\"limit\":{\"type\":\"integer\"}},\"required\":[\"query\"]}";

  private BareSdkOnBoot() {}

  static void serve(int tools) throws InterruptedException {
    McpJsonMapper json = McpJsonDefaults.getMapper();
    List<SyncToolSpecification> specs = new ArrayList<>();
    for (int i = 0; i < tools; i++) {
      String name = "tool_" + i;
      McpSchema.Tool tool = McpSchema.Tool.builder(name, json, SCHEMA).description("Finds things, variant " + i).build();
      specs.add(new SyncToolSpecification(tool, (exchange, request) ->
          McpSchema.CallToolResult.builder().addTextContent(name).isError(false).build()));
    }
    // the process's own stdout: in stdio mode the starter points System.out at stderr so that only JSON-RPC goes out
    McpServer.sync(new StdioServerTransportProvider(json, System.in, new FileOutputStream(FileDescriptor.out)))
        .jsonSchemaValidator(new AcceptEverything())
        .serverInfo("floor", "1")
        .capabilities(McpSchema.ServerCapabilities.builder().tools(true).build())
        .tools(specs)
        .build();
    Thread.currentThread().join(); // the SDK's stdio transport serves until the process ends
  }

  private static final class AcceptEverything implements JsonSchemaValidator {
    @Override
    public ValidationResponse validateSchema(Map<String, Object> schema) {
      return ValidationResponse.asValid(null);
    }

    @Override
    public ValidationResponse validate(Map<String, Object> schema, Object value) {
      return ValidationResponse.asValid(null);
    }
  }
}
