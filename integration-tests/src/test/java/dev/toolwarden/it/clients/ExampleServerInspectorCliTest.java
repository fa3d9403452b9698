package dev.toolwarden.it.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwarden.it.support.ExampleServer;
import dev.toolwarden.it.support.NodeTools;
import dev.toolwarden.it.support.NodeTools.Result;
import dev.toolwarden.it.support.ProcessReaper;
import dev.toolwarden.it.support.ServerProcess;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code @modelcontextprotocol/inspector-cli} (npm, pinned in {@code node/package.json}) against the
 * example server, over stdio (the CLI spawns {@code java -jar toolwarden-example.jar stdio}) and
 * Streamable HTTP: {@code tools/list}, a valid {@code tools/call} with structured content, and a
 * schema-invalid call whose {@code isError} is read from the JSON the CLI prints (it exits 0 for it); then
 * {@code resources/templates/list}, a {@code resources/read} through the {@code @SafePath} file template (and a
 * refused traversal) and a {@code prompts/get}. Seven CLI runs per transport: each costs a Node start-up and a
 * connection.
 */
class ExampleServerInspectorCliTest {

  @RegisterExtension static final ProcessReaper REAPER = new ProcessReaper();

  @TempDir Path tempDir;

  @BeforeEach
  void nodeClients() {
    NodeTools.require();
  }

  @Test
  void listsAndCallsTheExampleToolsOverStdio() {
    Path workspace = ExampleServer.workspace(tempDir);
    List<String> target = new ArrayList<>(ExampleServer.launch(workspace).command("stdio"));
    target.addAll(List.of("-e", ExampleServer.WORKSPACE_ENV + "=" + workspace));
    exercise(rest -> concat(target, rest));
  }

  @Test
  void listsAndCallsTheExampleToolsOverStreamableHttp() {
    try (ServerProcess server = ServerProcess.http(ExampleServer.launch(ExampleServer.workspace(tempDir)), REAPER)) {
      List<String> target = List.of(server.url().toString(), "--transport", "http");
      exercise(rest -> concat(target, rest));
      assertTrue(server.isAlive(), "the server keeps serving");
    }
  }

  private static void exercise(Function<List<String>, List<String>> withTarget) {
    JsonNode list = ok(NodeTools.inspectorCli(withTarget.apply(List.of("--method", "tools/list"))));
    List<String> names = new ArrayList<>();
    list.path("tools").forEach(tool -> names.add(tool.path("name").asString()));
    assertEquals(ExampleServer.TOOL_NAMES, names.stream().sorted().toList(), list.toPrettyString());
    JsonNode findOrders = find(list.path("tools"), "find_orders").path("inputSchema");
    assertFalse(findOrders.path("additionalProperties").asBoolean(true), findOrders.toPrettyString());
    assertEquals("[\"customerEmail\"]", findOrders.path("required").toString());
    assertEquals("email", findOrders.path("properties").path("customerEmail").path("format").asString());

    JsonNode order = ok(NodeTools.inspectorCli(withTarget.apply(
        List.of("--method", "tools/call", "--tool-name", "get_order", "--tool-arg", "id=A-1001"))));
    assertFalse(order.path("isError").asBoolean(false), order.toPrettyString());
    assertEquals("A-1001", order.path("structuredContent").path("id").asString(), order.toPrettyString());
    assertEquals("****1111", order.path("structuredContent").path("cardNumber").asString(), order.toPrettyString());
    assertEquals("****", order.path("structuredContent").path("customerEmail").asString(), order.toPrettyString());

    // schema-invalid: the CLI exits 0 and prints the isError result (the value survives the CLI's coercion)
    JsonNode invalid = ok(NodeTools.inspectorCli(withTarget.apply(List.of("--method", "tools/call",
        "--tool-name", "find_orders", "--tool-arg", "customerEmail=ada@example.com", "limit=0"))));
    assertTrue(invalid.path("isError").asBoolean(), invalid.toPrettyString());
    assertEquals("Invalid arguments for tool 'find_orders':\n/limit: must be at least 1 (got 0) [minimum]",
        invalid.path("content").get(0).path("text").asString(), invalid.toPrettyString());

    // the annotated features (the CLI 1.0.3 has no completion/complete: the TypeScript client test completes)
    JsonNode templates = ok(NodeTools.inspectorCli(withTarget.apply(List.of("--method", "resources/templates/list"))));
    assertEquals("file:///workspace/{+path}", templates.path("resourceTemplates").get(0).path("uriTemplate").asString(),
        templates.toPrettyString());
    JsonNode file = ok(NodeTools.inspectorCli(withTarget.apply(
        List.of("--method", "resources/read", "--uri", "file:///workspace/notes/todo.md"))));
    assertEquals(ExampleServer.TODO_TEXT, file.path("contents").get(0).path("text").asString(), file.toPrettyString());
    JsonNode prompt = ok(NodeTools.inspectorCli(withTarget.apply(
        List.of("--method", "prompts/get", "--prompt-name", "review_order", "--prompt-args", "orderId=A-1001"))));
    assertTrue(prompt.path("messages").get(0).path("content").path("text").asString()
        .startsWith("Review order A-1001 (SHIPPED"), prompt.toPrettyString());
    // a traversal is a JSON-RPC error: the CLI exits 1 with the server's safe message
    Result traversal = NodeTools.inspectorCli(withTarget.apply(
        List.of("--method", "resources/read", "--uri", "file:///workspace/%2e%2e/secret.txt")));
    assertEquals(1, traversal.exitCode(), traversal.toString());
  }

  private static JsonNode find(JsonNode tools, String name) {
    for (JsonNode tool : tools) {
      if (name.equals(tool.path("name").asString())) {
        return tool;
      }
    }
    throw new AssertionError("no tool " + name + " in " + tools);
  }

  private static JsonNode ok(Result result) {
    return result.assertSuccess().json();
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
