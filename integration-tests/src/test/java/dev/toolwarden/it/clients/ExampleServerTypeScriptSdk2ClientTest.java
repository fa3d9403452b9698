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
 * The TypeScript SDK v2 client ({@code node/ts2-client.mjs}, {@code @modelcontextprotocol/client} pinned in
 * {@code node/package.json}) against the example server: with version negotiation on it speaks MCP 2026-07-28 over
 * Streamable HTTP ({@code auto}: the SDK probes with {@code server/discover}) and over stdio (pinned), with its
 * default ({@code legacy}) it speaks 2025-11-25 over HTTP. In every run it lists the tools, reads a file, and meets
 * the server's policies: a schema-invalid call and a path traversal are {@code isError} results naming no server
 * path, an unknown tool is a JSON-RPC error. The era is proven on the wire, not taken from the SDK's word: the
 * driver records what its transport sent (per-request {@code _meta} protocol version, the {@code MCP-Protocol-Version},
 * {@code Mcp-Method} and {@code Mcp-Name} headers, no {@code initialize}) and received ({@code resultType} and the
 * server info in each result's {@code _meta}) before the SDK parsed it.
 */
class ExampleServerTypeScriptSdk2ClientTest {

  private static final String MODERN = "2026-07-28";
  private static final String PROTOCOL_VERSION_META = "metaProtocolVersion";

  @RegisterExtension static final ProcessReaper REAPER = new ProcessReaper();

  @TempDir Path tempDir;

  @BeforeEach
  void nodeClients() {
    NodeTools.require();
  }

  @Test
  void negotiates2026OverStreamableHttpAndServesToolsAndRefusals() {
    Path workspace = ExampleServer.workspace(tempDir);
    try (ServerProcess server = ServerProcess.http(ExampleServer.launch(workspace), REAPER)) {
      ObjectNode plan = NodeTools.httpPlan(server.url(), Map.of());
      plan.put("negotiation", "auto");
      JsonNode report = NodeTools.ts2Client(steps(plan));
      assertModern(report);
      assertTools(report, workspace);
      JsonNode sent = report.path("wire").path("sent");
      assertEquals("server/discover", sent.get(0).path("method").asString(), "auto negotiation probes first: " + sent);
      for (JsonNode request : sent) {
        JsonNode headers = request.path("headers");
        assertEquals(MODERN, headers.path("mcp-protocol-version").asString(), request.toString());
        assertEquals(request.path("method").asString(), headers.path("mcp-method").asString(), request.toString());
        assertFalse(headers.has("mcp-session-id"), "no session in the modern era: " + request);
        if ("tools/call".equals(request.path("method").asString())) {
          assertTrue(headers.path("mcp-name").isString(), "tools/call names its tool in Mcp-Name: " + request);
        }
      }
      assertEquals(List.of("read_file", "find_orders", "read_file", "no_such_tool"), toolNamesInHeaders(sent));
      assertTrue(server.isAlive(), "the server keeps serving");
    }
  }

  @Test
  void pinned2026OverStdioServesToolsAndRefusals() {
    Path workspace = ExampleServer.workspace(tempDir);
    ObjectNode plan = NodeTools.stdioPlan(ExampleServer.launch(workspace).command("stdio"),
        Map.of(ExampleServer.WORKSPACE_ENV, workspace.toString()));
    plan.put("negotiation", MODERN);
    JsonNode report = NodeTools.ts2Client(steps(plan));
    assertModern(report);
    assertTools(report, workspace);
  }

  @Test
  void itsDefaultStillSpeaks2025OverStreamableHttp() {
    Path workspace = ExampleServer.workspace(tempDir);
    try (ServerProcess server = ServerProcess.http(ExampleServer.launch(workspace), REAPER)) {
      JsonNode report = NodeTools.ts2Client(steps(NodeTools.httpPlan(server.url(), Map.of())));
      assertEquals("legacy", report.path("server").path("era").asString(), report.path("server").toString());
      assertEquals("2025-11-25", report.path("server").path("protocolVersion").asString());
      assertTrue(report.path("server").path("sessionId").isString(), "a 2025 Streamable HTTP session");
      JsonNode sent = report.path("wire").path("sent");
      assertEquals("initialize", sent.get(0).path("method").asString(), sent.toString());
      for (JsonNode request : sent) {
        assertTrue(request.path(PROTOCOL_VERSION_META).isNull(), "no per-request version: " + request);
        assertFalse(request.path("headers").has("mcp-method"), "no 2026 standard headers: " + request);
      }
      for (JsonNode answer : report.path("wire").path("received")) {
        assertTrue(answer.path("resultType").isNull(), "2025 results carry no resultType: " + answer);
      }
      assertTools(report, workspace);
    }
  }

  private static ObjectNode steps(ObjectNode plan) {
    listTools(plan);                                                                         // 0
    callTool(plan, "read_file", Map.of("path", "notes/todo.md"));                            // 1
    callTool(plan, "find_orders", Map.of("customerEmail", "ada@example.com", "limit", "5")); // 2: wrong type
    callTool(plan, "read_file", Map.of("path", "../../etc/passwd"));                         // 3: traversal
    callTool(plan, "no_such_tool", Map.of());                                                // 4
    return plan;
  }

  /** The client negotiated 2026-07-28 and every exchange on its transport was of that revision. */
  private static void assertModern(JsonNode report) {
    JsonNode server = report.path("server");
    assertEquals("modern", server.path("era").asString(), server.toString());
    assertEquals(MODERN, server.path("protocolVersion").asString(), server.toString());
    assertTrue(server.path("sessionId").isNull(), "no session in the modern era: " + server);
    JsonNode discover = server.path("discover");
    assertEquals(MODERN, discover.path("supportedVersions").get(0).asString(), discover.toString());
    assertEquals("toolwarden-example", discover.path("_meta").path("io.modelcontextprotocol/serverInfo").path("name")
        .asString(), discover.toString());
    JsonNode sent = report.path("wire").path("sent");
    assertTrue(sent.size() >= 5, sent.toString());
    for (JsonNode request : sent) {
      assertFalse("initialize".equals(request.path("method").asString()), "no handshake: " + sent);
      assertEquals(MODERN, request.path(PROTOCOL_VERSION_META).asString(), "per-request _meta version: " + request);
    }
    int results = 0;
    for (JsonNode answer : report.path("wire").path("received")) {
      if (answer.path("errorCode").isNull()) {
        results++;
        assertEquals("complete", answer.path("resultType").asString(), "every 2026 result has a resultType: " + answer);
        assertEquals("toolwarden-example", answer.path("metaServerInfo").path("name").asString(), answer.toString());
      }
    }
    assertTrue(results >= 4, "tools/list and three tools/call results: " + report.path("wire"));
  }

  /** The steps' answers, the same in both eras. */
  private static void assertTools(JsonNode report, Path workspace) {
    JsonNode steps = report.path("steps");
    assertEquals(5, steps.size(), steps.toPrettyString());
    List<String> names = new ArrayList<>();
    ok(steps.get(0)).path("tools").forEach(tool -> names.add(tool.path("name").asString()));
    assertEquals(ExampleServer.TOOL_NAMES, names.stream().sorted().toList());

    assertEquals(ExampleServer.TODO_TEXT, text(ok(steps.get(1)), false));
    assertEquals("Invalid arguments for tool 'find_orders':\n/limit: must be an integer (got \"5\") [type]",
        text(ok(steps.get(2)), true));
    String traversal = text(ok(steps.get(3)), true);
    assertEquals("Invalid arguments for tool 'read_file':\n/path: path outside the allowed root [safePath]", traversal);
    assertFalse(report.toString().contains(workspace.toString()), "no server path in any answer");

    JsonNode unknown = steps.get(4);
    assertFalse(unknown.path("ok").asBoolean(), "an unknown tool is a JSON-RPC error: " + unknown);
    assertEquals(-32602, unknown.path("error").path("code").asInt(), unknown.toPrettyString());
  }

  private static List<String> toolNamesInHeaders(JsonNode sent) {
    List<String> names = new ArrayList<>();
    sent.forEach(r -> {
      if (r.path("headers").has("mcp-name")) {
        names.add(r.path("headers").path("mcp-name").asString());
      }
    });
    return names;
  }

  private static JsonNode ok(JsonNode step) {
    assertTrue(step.path("ok").asBoolean(), step.toPrettyString());
    return step.path("result");
  }

  private static String text(JsonNode result, boolean isError) {
    assertEquals(isError, result.path("isError").asBoolean(false), result.toPrettyString());
    return result.path("content").get(0).path("text").asString();
  }
}
