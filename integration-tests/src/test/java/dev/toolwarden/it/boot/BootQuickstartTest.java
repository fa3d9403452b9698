package dev.toolwarden.it.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwarden.it.support.FreePort;
import dev.toolwarden.it.support.NodeTools;
import dev.toolwarden.it.support.ProcessReaper;
import dev.toolwarden.it.support.ServerProcess;
import dev.toolwarden.it.support.ServerProcess.Launch;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The README's Spring Boot quick start, built by a real {@code mvn verify} (src/it/spring-boot-quickstart) and started
 * with {@code java -jar}: the Java SDK client and the TypeScript SDK client call its tool bean over Streamable HTTP in
 * the application's Tomcat, and the Java SDK client calls it over stdio ({@code --toolwarden.transport=stdio}), where
 * stdout carries nothing but the protocol and the application exits with 0 when its stdin closes.
 */
class BootQuickstartTest {

  @RegisterExtension static final ProcessReaper REAPER = new ProcessReaper();

  private static ServerProcess http() {
    int port = FreePort.find();
    return ServerProcess.http(Launch.jar(BootJars.quickstart()), REAPER, port, "/mcp", Duration.ofSeconds(90),
        "--server.port=" + port);
  }

  @Test
  void javaSdkClientCallsTheToolBeanOverHttp() {
    try (ServerProcess server = http();
         McpSyncClient client = McpClient.sync(HttpClientStreamableHttpTransport
                 .builder("http://" + server.url().getAuthority()).endpoint(server.url().getPath()).build())
             .requestTimeout(Duration.ofSeconds(30)).build()) {
      McpSchema.InitializeResult init = client.initialize();
      assertEquals("toolwarden", init.serverInfo().name());
      List<McpSchema.Tool> tools = client.listTools().tools();
      assertEquals(List.of("greet"), tools.stream().map(McpSchema.Tool::name).toList());
      assertEquals("Greets someone by name.", tools.get(0).description());
      McpSchema.CallToolResult r = client.callTool(new McpSchema.CallToolRequest("greet", Map.of("name", "Ada")));
      assertFalse(Boolean.TRUE.equals(r.isError()), r.toString());
      assertEquals("Hello, Ada!", ((McpSchema.TextContent) r.content().get(0)).text());
      McpSchema.CallToolResult blank = client.callTool(new McpSchema.CallToolRequest("greet", Map.of("name", "")));
      assertTrue(Boolean.TRUE.equals(blank.isError()), "the generated validator refused a blank name: " + blank);
      // the audit trail goes through the application's logging (Logback, console)
      String log = server.stdoutText() + server.stderrText();
      assertTrue(log.contains("toolwarden.audit") && log.contains("\"tool\":\"greet\""), log);
    }
  }

  @Test
  void typeScriptSdkClientCallsTheToolBeanOverHttp() {
    NodeTools.require();
    try (ServerProcess server = http()) {
      ObjectNode plan = NodeTools.httpPlan(server.url(), Map.of());
      NodeTools.listTools(plan);
      NodeTools.callTool(plan, "greet", Map.of("name", "Grace"));
      JsonNode report = NodeTools.tsClient(plan);
      JsonNode steps = report.path("steps");
      assertEquals("greet", steps.get(0).path("result").path("tools").get(0).path("name").asString(), report.toString());
      assertTrue(steps.get(1).path("ok").asBoolean(), steps.get(1).toString());
      assertEquals("Hello, Grace!", steps.get(1).path("result").path("content").get(0).path("text").asString());
    }
  }

  @Test
  void javaSdkClientCallsTheToolBeanOverStdioWithNothingButTheProtocolOnStdout() {
    try (BootStdio app = BootStdio.start(BootJars.quickstart(), REAPER, Map.of())) {
      McpSyncClient client = app.client();
      client.initialize();
      assertEquals(List.of("greet"), client.listTools().tools().stream().map(McpSchema.Tool::name).toList());
      McpSchema.CallToolResult r = client.callTool(new McpSchema.CallToolRequest("greet", Map.of("name", "Linus")));
      assertEquals("Hello, Linus!", ((McpSchema.TextContent) r.content().get(0)).text());
      // the audit trail is written off the request thread
      assertTrue(app.awaitStderr("toolwarden.audit"), "the audit trail went to stderr:\n" + app.stderr());
      assertTrue(app.stderr().contains("Started GreeterApplication"), "Boot's console log went to stderr:\n" + app.stderr());
      assertEquals(0, app.closeStdinAndAwaitExit(Duration.ofSeconds(60)), "exit code after stdin closed (-1: still "
          + "running); stderr:\n" + app.stderr());
      // any non-protocol line on stdout (banner, console log) would break a client's JSON-RPC reading
      assertEquals(List.of(), app.nonProtocolStdout(), "stdout carried more than the protocol");
    }
  }
}
