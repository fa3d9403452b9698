package dev.toolwarden.it.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwarden.it.baseline.BareSdkServer;
import dev.toolwarden.it.support.NodeTools;
import dev.toolwarden.it.support.NodeTools.Result;
import dev.toolwarden.it.support.ProcessReaper;
import dev.toolwarden.it.support.ServerProcess;
import dev.toolwarden.it.support.ServerProcess.Launch;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * Proves the {@code @modelcontextprotocol/inspector-cli} harness against the bare-SDK reference
 * server, over stdio (the CLI spawns the server) and Streamable HTTP: {@code tools/list}, a valid
 * {@code tools/call}, a tool's {@code isError} result and a schema-invalid call (both exit 0: the
 * error is read from the JSON), and an unknown tool (exit 1).
 */
class InspectorCliHarnessTest {

  @RegisterExtension static final ProcessReaper REAPER = new ProcessReaper();

  private static final Launch BARE = Launch.mainClass(BareSdkServer.class);

  @BeforeEach
  void nodeClients() {
    NodeTools.require();
  }

  @Test
  void listsAndCallsToolsOverStdio() {
    List<String> target = BARE.command("stdio");
    exercise(rest -> concat(target, rest));
  }

  @Test
  void listsAndCallsToolsOverStreamableHttp() {
    try (ServerProcess server = ServerProcess.http(BARE, REAPER)) {
      List<String> target = List.of(server.url().toString(), "--transport", "http");
      exercise(rest -> concat(target, rest));
      assertTrue(server.isAlive(), "the server keeps serving");
    }
  }

  private static void exercise(Function<List<String>, List<String>> withTarget) {
    JsonNode list = ok(NodeTools.inspectorCli(withTarget.apply(List.of("--method", "tools/list"))));
    List<String> names = new ArrayList<>();
    list.path("tools").forEach(tool -> names.add(tool.path("name").asString()));
    assertEquals(BareSdkServer.TOOL_NAMES.stream().sorted().toList(), names.stream().sorted().toList());

    JsonNode sum = ok(NodeTools.inspectorCli(withTarget.apply(
        List.of("--method", "tools/call", "--tool-name", "add", "--tool-arg", "a=2", "b=40"))));
    assertFalse(sum.path("isError").asBoolean(false), sum.toPrettyString());
    assertEquals(42, sum.path("structuredContent").path("sum").asInt(), sum.toPrettyString());

    JsonNode echo = ok(NodeTools.inspectorCli(withTarget.apply(
        List.of("--method", "tools/call", "--tool-name", "echo", "--tool-arg", "text=hello from the inspector"))));
    assertEquals("hello from the inspector", echo.path("content").get(0).path("text").asString());

    // the tool's own error: exit 0, isError in the JSON
    JsonNode divide = ok(NodeTools.inspectorCli(withTarget.apply(
        List.of("--method", "tools/call", "--tool-name", "divide", "--tool-arg", "dividend=1", "divisor=0"))));
    assertTrue(divide.path("isError").asBoolean(), divide.toPrettyString());
    assertEquals("division by zero", divide.path("content").get(0).path("text").asString());

    // schema-invalid calls: a fraction for an integer, an unknown argument (the CLI coerces values to
    // the schema's type, so a non-numeric string would arrive as null: these two survive coercion)
    JsonNode fraction = ok(NodeTools.inspectorCli(withTarget.apply(
        List.of("--method", "tools/call", "--tool-name", "add", "--tool-arg", "a=2.5", "b=40"))));
    assertTrue(fraction.path("isError").asBoolean(), fraction.toPrettyString());
    assertTrue(fraction.path("content").get(0).path("text").asString().contains("/a"), fraction.toPrettyString());
    JsonNode unknownArgument = ok(NodeTools.inspectorCli(withTarget.apply(
        List.of("--method", "tools/call", "--tool-name", "echo", "--tool-arg", "text=hi", "extra=1"))));
    assertTrue(unknownArgument.path("isError").asBoolean(), unknownArgument.toPrettyString());
    assertTrue(unknownArgument.path("content").get(0).path("text").asString().contains("extra"),
        unknownArgument.toPrettyString());

    // an unknown tool is a JSON-RPC error: the CLI exits 1 and says so on stderr
    Result unknownTool = NodeTools.inspectorCli(withTarget.apply(
        List.of("--method", "tools/call", "--tool-name", "no_such_tool")));
    assertNotEquals(0, unknownTool.exitCode(), unknownTool.stdout());
    assertTrue(unknownTool.stderr().contains("-32602"), unknownTool.stderr());
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
