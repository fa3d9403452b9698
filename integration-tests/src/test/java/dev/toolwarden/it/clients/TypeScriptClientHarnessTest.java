package dev.toolwarden.it.clients;

import static dev.toolwarden.it.support.NodeTools.callTool;
import static dev.toolwarden.it.support.NodeTools.listTools;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwarden.it.baseline.BareSdkServer;
import dev.toolwarden.it.support.NodeTools;
import dev.toolwarden.it.support.ProcessReaper;
import dev.toolwarden.it.support.ServerProcess;
import dev.toolwarden.it.support.ServerProcess.Launch;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Proves the TypeScript SDK client harness ({@code node/ts-client.mjs}) against the bare-SDK
 * reference server, over stdio (the client spawns the server) and Streamable HTTP: it lists the
 * tools, calls them, and reports a tool's {@code isError} result, a schema-invalid call and an
 * unknown tool as answers, not as client failures.
 */
class TypeScriptClientHarnessTest {

  @RegisterExtension static final ProcessReaper REAPER = new ProcessReaper();

  private static final Launch BARE = Launch.mainClass(BareSdkServer.class);

  @BeforeEach
  void nodeClients() {
    NodeTools.require();
  }

  @Test
  void listsAndCallsToolsOverStdio() {
    ObjectNode plan = NodeTools.stdioPlan(BARE.command("stdio"), Map.of());
    JsonNode report = NodeTools.tsClient(steps(plan));
    assertReport(report);
  }

  @Test
  void listsAndCallsToolsOverStreamableHttp() {
    try (ServerProcess server = ServerProcess.http(BARE, REAPER)) {
      JsonNode report = NodeTools.tsClient(steps(NodeTools.httpPlan(server.url(), Map.of())));
      assertReport(report);
      assertFalse(report.path("server").path("sessionId").isNull(), "Streamable HTTP hands out a session id");
      assertTrue(server.isAlive(), "the server keeps serving");
    }
  }

  private static ObjectNode steps(ObjectNode plan) {
    listTools(plan);
    callTool(plan, "echo", Map.of("text", "hello from TypeScript"));
    callTool(plan, "add", Map.of("a", 2, "b", 40));
    callTool(plan, "divide", Map.of("dividend", 1, "divisor", 0)); // the tool's own isError result
    callTool(plan, "add", Map.of("a", "two", "b", 40)); // breaks the input schema
    callTool(plan, "no_such_tool", Map.of());
    return plan;
  }

  private static void assertReport(JsonNode report) {
    assertEquals(BareSdkServer.SERVER_NAME, report.path("server").path("info").path("name").asString());
    assertFalse(report.path("server").path("protocolVersion").asString("").isEmpty(), "negotiated a protocol version");
    JsonNode steps = report.path("steps");
    assertEquals(6, steps.size(), report.toPrettyString());

    JsonNode list = steps.get(0);
    assertTrue(list.path("ok").asBoolean(), list.toPrettyString());
    List<String> names = new ArrayList<>();
    list.path("result").path("tools").forEach(tool -> names.add(tool.path("name").asString()));
    assertEquals(BareSdkServer.TOOL_NAMES.stream().sorted().toList(), names.stream().sorted().toList());
    JsonNode add = find(list.path("result").path("tools"), "add");
    assertEquals("integer", add.path("inputSchema").path("properties").path("a").path("type").asString());
    assertEquals("integer", add.path("outputSchema").path("properties").path("sum").path("type").asString());

    JsonNode echo = steps.get(1);
    assertTrue(echo.path("ok").asBoolean(), echo.toPrettyString());
    assertFalse(echo.path("result").path("isError").asBoolean(false));
    assertEquals("hello from TypeScript", echo.path("result").path("content").get(0).path("text").asString());

    JsonNode sum = steps.get(2);
    assertTrue(sum.path("ok").asBoolean(), sum.toPrettyString());
    assertEquals(42, sum.path("result").path("structuredContent").path("sum").asInt());

    JsonNode divide = steps.get(3);
    assertTrue(divide.path("ok").asBoolean(), "a tool's isError result is a normal result: " + divide.toPrettyString());
    assertTrue(divide.path("result").path("isError").asBoolean(), divide.toPrettyString());
    assertEquals("division by zero", divide.path("result").path("content").get(0).path("text").asString());

    JsonNode invalid = steps.get(4);
    assertTrue(invalid.path("ok").asBoolean(), "the SDK answers a schema-invalid call with isError: " + invalid);
    assertTrue(invalid.path("result").path("isError").asBoolean(), invalid.toPrettyString());

    JsonNode unknown = steps.get(5);
    assertFalse(unknown.path("ok").asBoolean(), "an unknown tool is a JSON-RPC error: " + unknown);
    assertEquals(-32602, unknown.path("error").path("code").asInt(), unknown.toPrettyString());
  }

  private static JsonNode find(JsonNode tools, String name) {
    for (JsonNode tool : tools) {
      if (name.equals(tool.path("name").asString())) {
        return tool;
      }
    }
    throw new AssertionError("no tool " + name + " in " + tools);
  }
}
