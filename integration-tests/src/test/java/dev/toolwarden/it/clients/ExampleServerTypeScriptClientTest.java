package dev.toolwarden.it.clients;

import static dev.toolwarden.it.support.NodeTools.callTool;
import static dev.toolwarden.it.support.NodeTools.listTools;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwarden.it.support.ExampleServer;
import dev.toolwarden.it.support.NodeTools;
import dev.toolwarden.it.support.ProcessReaper;
import dev.toolwarden.it.support.ServerProcess;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The official TypeScript SDK client ({@code node/ts-client.mjs}, {@code @modelcontextprotocol/sdk} pinned
 * in {@code node/package.json}) against the example server, over stdio (the client spawns {@code java -jar
 * toolwarden-example.jar stdio}) and Streamable HTTP: it lists the tools, calls them with valid
 * arguments (structured results pass the TypeScript client's own check against each tool's
 * {@code outputSchema}), and gets {@code isError} results for a schema-invalid call, a path traversal, a
 * crashing tool and an unknown order, and a JSON-RPC error for an unknown tool.
 */
class ExampleServerTypeScriptClientTest {

  @RegisterExtension static final ProcessReaper REAPER = new ProcessReaper();

  @TempDir Path tempDir;

  @BeforeEach
  void nodeClients() {
    NodeTools.require();
  }

  @Test
  void listsAndCallsTheExampleToolsOverStdio() {
    Path workspace = ExampleServer.workspace(tempDir);
    ObjectNode plan = NodeTools.stdioPlan(ExampleServer.launch(workspace).command("stdio"),
        Map.of(ExampleServer.WORKSPACE_ENV, workspace.toString()));
    assertReport(NodeTools.tsClient(steps(plan)), workspace);
  }

  @Test
  void listsAndCallsTheExampleToolsOverStreamableHttp() {
    Path workspace = ExampleServer.workspace(tempDir);
    try (ServerProcess server = ServerProcess.http(ExampleServer.launch(workspace), REAPER)) {
      JsonNode report = NodeTools.tsClient(steps(NodeTools.httpPlan(server.url(), Map.of())));
      assertReport(report, workspace);
      assertFalse(report.path("server").path("sessionId").isNull(), "Streamable HTTP hands out a session id");
      assertTrue(server.isAlive(), "the server keeps serving");
    }
  }

  private static ObjectNode steps(ObjectNode plan) {
    listTools(plan);                                                                    // 0
    callTool(plan, "read_file", Map.of("path", "notes/todo.md"));                       // 1
    callTool(plan, "find_orders", Map.of("customerEmail", "ada@example.com", "status", "SHIPPED")); // 2
    callTool(plan, "get_order", Map.of("id", "A-1002"));                                // 3
    callTool(plan, "list_files", Map.of("directory", "."));                             // 4
    callTool(plan, "build_report", Map.of("title", "Weekly", "sections", 2));           // 5
    callTool(plan, "find_orders", Map.of("customerEmail", "ada@example.com", "limit", "5")); // 6: wrong type
    callTool(plan, "read_file", Map.of("path", "../../etc/passwd"));                    // 7: traversal
    callTool(plan, "crash", Map.of());                                                  // 8
    callTool(plan, "get_order", Map.of("id", "Z-9999"));                                // 9
    callTool(plan, "no_such_tool", Map.of());                                           // 10
    return plan;
  }

  private static void assertReport(JsonNode report, Path workspace) {
    assertEquals("toolwarden-example", report.path("server").path("info").path("name").asString(), report.toPrettyString());
    assertFalse(report.path("server").path("protocolVersion").asString("").isEmpty(), "negotiated a protocol version");
    JsonNode steps = report.path("steps");
    assertEquals(11, steps.size(), report.toPrettyString());

    JsonNode tools = ok(steps.get(0)).path("tools");
    List<String> names = new ArrayList<>();
    tools.forEach(tool -> names.add(tool.path("name").asString()));
    assertEquals(ExampleServer.TOOL_NAMES, names.stream().sorted().toList());

    assertEquals(ExampleServer.TODO_TEXT, text(success(steps.get(1))));

    JsonNode shipped = success(steps.get(2)).path("structuredContent").path("result");
    assertEquals(1, shipped.size(), shipped.toString());
    assertEquals("A-1001", shipped.get(0).path("id").asString());
    assertEquals("****", shipped.get(0).path("customerEmail").asString());
    assertEquals("****1111", shipped.get(0).path("cardNumber").asString());
    assertEquals(NodeTools.JSON.readTree(text(success(steps.get(2)))), success(steps.get(2)).path("structuredContent"),
        "the text content is the same JSON");

    JsonNode order = success(steps.get(3)).path("structuredContent");
    assertEquals("A-1002", order.path("id").asString());
    assertEquals("****0004", order.path("cardNumber").asString());
    assertEquals("OPEN", order.path("status").asString());

    assertEquals("[\"README.txt\",\"notes/\"]", success(steps.get(4)).path("structuredContent").path("result").toString());
    assertEquals("# Weekly\n\n## Section 1\n\n## Section 2\n", text(success(steps.get(5))));

    assertEquals("Invalid arguments for tool 'find_orders':\n/limit: must be an integer (got \"5\") [type]",
        text(isError(steps.get(6))));
    String traversal = text(isError(steps.get(7)));
    assertEquals("Invalid arguments for tool 'read_file':\n/path: path outside the allowed root [safePath]", traversal);
    assertFalse(traversal.contains(workspace.toString()));

    String crash = text(isError(steps.get(8)));
    assertTrue(crash.matches("internal error \\(ref [A-Za-z0-9_-]+\\)"), crash);
    assertFalse(steps.get(8).toString().contains("password"), steps.get(8).toString());
    assertFalse(steps.get(8).toString().contains("db-internal"), steps.get(8).toString());

    assertEquals("no order Z-9999", text(isError(steps.get(9))));

    JsonNode unknown = steps.get(10);
    assertFalse(unknown.path("ok").asBoolean(), "an unknown tool is a JSON-RPC error: " + unknown);
    assertEquals(-32602, unknown.path("error").path("code").asInt(), unknown.toPrettyString());
  }

  /** A step the server answered (any result). */
  private static JsonNode ok(JsonNode step) {
    assertTrue(step.path("ok").asBoolean(), "no answer (or the TypeScript client rejected it): " + step.toPrettyString());
    return step.path("result");
  }

  private static JsonNode success(JsonNode step) {
    JsonNode result = ok(step);
    assertFalse(result.path("isError").asBoolean(false), step.toPrettyString());
    return result;
  }

  private static JsonNode isError(JsonNode step) {
    JsonNode result = ok(step);
    assertTrue(result.path("isError").asBoolean(false), "isError expected: " + step.toPrettyString());
    return result;
  }

  private static String text(JsonNode result) {
    assertEquals(1, result.path("content").size(), result.toPrettyString());
    assertEquals("text", result.path("content").get(0).path("type").asString(), result.toPrettyString());
    return result.path("content").get(0).path("text").asString();
  }
}
