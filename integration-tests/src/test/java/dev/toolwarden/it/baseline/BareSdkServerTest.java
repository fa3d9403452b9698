package dev.toolwarden.it.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwarden.it.support.NodeTools;
import dev.toolwarden.it.support.ProcessReaper;
import dev.toolwarden.it.support.ServerProcess;
import dev.toolwarden.it.support.ServerProcess.Launch;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * The reference server and the process support, without Node: raw JSON-RPC over stdio through
 * {@link ServerProcess#stdio} (with a clean exit on stdin EOF), and the MCP Java SDK client over
 * Streamable HTTP through {@link ServerProcess#http}. Also a template for the Toolwarden end-to-end
 * tests with the Java client.
 */
class BareSdkServerTest {

  @RegisterExtension static final ProcessReaper REAPER = new ProcessReaper();

  private static final Launch BARE = Launch.mainClass(BareSdkServer.class);

  @Test
  void answersRawJsonRpcOverStdioAndExitsOnStdinEof() throws Exception {
    ServerProcess server = ServerProcess.stdio(BARE, REAPER);
    Writer in = new OutputStreamWriter(server.stdin(), StandardCharsets.UTF_8);
    BufferedReader out = new BufferedReader(new InputStreamReader(server.stdout(), StandardCharsets.UTF_8));

    in.write("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\","
        + "\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}\n");
    in.flush();
    JsonNode init = NodeTools.JSON.readTree(out.readLine());
    assertEquals(1, init.path("id").asInt());
    assertEquals(BareSdkServer.SERVER_NAME, init.path("result").path("serverInfo").path("name").asString(), init.toString());

    in.write("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}\n");
    in.write("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}\n");
    in.flush();
    JsonNode list = NodeTools.JSON.readTree(out.readLine());
    assertEquals(2, list.path("id").asInt(), list.toString());
    assertEquals(BareSdkServer.TOOL_NAMES.size(), list.path("result").path("tools").size(), list.toString());

    in.close();
    assertEquals(0, server.awaitExit(Duration.ofSeconds(60)), "exit code after stdin EOF; stderr:\n" + server.stderrText());
  }

  @Test
  void servesTheJavaSdkClientOverStreamableHttp() {
    try (ServerProcess server = ServerProcess.http(BARE, REAPER)) {
      URI url = server.url();
      HttpClientStreamableHttpTransport transport =
          HttpClientStreamableHttpTransport.builder("http://" + url.getAuthority()).endpoint(url.getPath()).build();
      McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(30)).build();
      try {
        client.initialize();
        assertEquals(BareSdkServer.TOOL_NAMES.stream().sorted().toList(),
            client.listTools().tools().stream().map(Tool::name).sorted().toList());
        CallToolResult sum = client.callTool(new CallToolRequest("add", Map.of("a", 2, "b", 40)));
        assertEquals(Map.of("sum", 42), sum.structuredContent());
        CallToolResult divide = client.callTool(new CallToolRequest("divide", Map.of("dividend", 1, "divisor", 0)));
        assertTrue(divide.isError());
        assertEquals("division by zero", ((TextContent) divide.content().get(0)).text());
      } finally {
        client.closeGracefully();
      }
    }
  }
}
