package dev.toolwarden.it.clients;

import static dev.toolwarden.it.support.NodeTools.callTool;
import static dev.toolwarden.it.support.NodeTools.listTools;
import static dev.toolwarden.it.support.NodeTools.step;
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
 * crashing tool and an unknown order, and a JSON-RPC error for an unknown tool. Then the annotated features: it lists
 * the resources, templates and prompts, reads a workspace file through the {@code @SafePath} template and the order
 * summary, gets the {@code review_order} prompt and completes its argument; a traversal in the URI and an invalid
 * prompt argument are JSON-RPC errors (-32602) naming no server path.
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
    // the annotated resources, template, prompt and completion
    step(plan, "listResources", Map.of());                                              // 11
    step(plan, "listResourceTemplates", Map.of());                                      // 12
    step(plan, "readResource", Map.of("uri", "file:///workspace/notes/todo.md"));       // 13
    step(plan, "readResource", Map.of("uri", "orders://summary"));                      // 14
    step(plan, "readResource", Map.of("uri", "file:///workspace/%2e%2e/%2e%2e/etc/passwd")); // 15: traversal
    step(plan, "readResource", Map.of("uri", "file:///workspace/notes/missing.md"));    // 16: no such file
    step(plan, "listPrompts", Map.of());                                                // 17
    step(plan, "getPrompt", Map.of("name", "review_order", "arguments", Map.of("orderId", "A-1002"))); // 18
    step(plan, "getPrompt", Map.of("name", "review_order", "arguments", Map.of("orderId", "a-1"))); // 19: pattern
    step(plan, "complete", Map.of("ref", Map.of("type", "ref/prompt", "name", "review_order"),
        "argument", Map.of("name", "orderId", "value", "A-")));                         // 20
    return plan;
  }

  private static void assertReport(JsonNode report, Path workspace) {
    assertEquals("toolwarden-example", report.path("server").path("info").path("name").asString(), report.toPrettyString());
    assertFalse(report.path("server").path("protocolVersion").asString("").isEmpty(), "negotiated a protocol version");
    JsonNode steps = report.path("steps");
    assertEquals(21, steps.size(), report.toPrettyString());

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

    assertFeatures(steps, workspace);
  }

  /** Steps 11 to 20: resources, the file template, the prompt and its completion, as the TypeScript client sees them. */
  private static void assertFeatures(JsonNode steps, Path workspace) {
    JsonNode resources = ok(steps.get(11)).path("resources");
    assertEquals(1, resources.size(), resources.toPrettyString());
    assertEquals("orders://summary", resources.get(0).path("uri").asString());
    assertEquals("application/json", resources.get(0).path("mimeType").asString());
    JsonNode templates = ok(steps.get(12)).path("resourceTemplates");
    assertEquals(1, templates.size(), templates.toPrettyString());
    assertEquals("file:///workspace/{+path}", templates.get(0).path("uriTemplate").asString());

    JsonNode todo = ok(steps.get(13)).path("contents").get(0);
    assertEquals(ExampleServer.TODO_TEXT, todo.path("text").asString(), todo.toPrettyString());
    assertEquals("file:///workspace/notes/todo.md", todo.path("uri").asString());
    assertEquals("text/plain", todo.path("mimeType").asString());
    JsonNode summary = NodeTools.JSON.readTree(ok(steps.get(14)).path("contents").get(0).path("text").asString());
    assertEquals(3, summary.path("orders").asInt(), summary.toString());

    JsonNode traversal = steps.get(15);
    assertFalse(traversal.path("ok").asBoolean(), "a traversal is a JSON-RPC error: " + traversal);
    assertEquals(-32602, traversal.path("error").path("code").asInt(), traversal.toPrettyString());
    assertTrue(traversal.path("error").path("message").asString().contains("path outside the allowed root"),
        traversal.toPrettyString());
    assertFalse(traversal.toString().contains(workspace.toString()), traversal.toString());
    JsonNode missing = steps.get(16);
    assertEquals(-32602, missing.path("error").path("code").asInt(), missing.toPrettyString());
    assertFalse(missing.toString().contains(workspace.toString()), missing.toString());

    JsonNode prompts = ok(steps.get(17)).path("prompts");
    assertEquals("review_order", prompts.get(0).path("name").asString(), prompts.toPrettyString());
    assertEquals("orderId", prompts.get(0).path("arguments").get(0).path("name").asString());
    assertTrue(prompts.get(0).path("arguments").get(0).path("required").asBoolean());
    JsonNode message = ok(steps.get(18)).path("messages").get(0);
    assertEquals("user", message.path("role").asString());
    assertTrue(message.path("content").path("text").asString().startsWith("Review order A-1002 (OPEN, 9.99"),
        message.toPrettyString());
    JsonNode badArgument = steps.get(19);
    assertEquals(-32602, badArgument.path("error").path("code").asInt(), badArgument.toPrettyString());
    assertTrue(badArgument.path("error").path("message").asString().contains("/orderId: must match the pattern"),
        badArgument.toPrettyString());

    JsonNode completion = ok(steps.get(20)).path("completion");
    assertEquals("[\"A-1001\",\"A-1002\"]", completion.path("values").toString(), completion.toPrettyString());
    assertFalse(completion.path("hasMore").asBoolean(true));
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
