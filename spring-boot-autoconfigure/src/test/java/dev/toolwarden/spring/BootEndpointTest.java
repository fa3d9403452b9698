package dev.toolwarden.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwarden.spring.app.GreetingApp;
import dev.toolwarden.spring.app.NoToolBeanApp;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Real Spring Boot applications on Tomcat (port 0, loopback): the Java SDK client calls the tool bean through the
 * endpoint the auto-configuration installed, with the standalone server's protections in front.
 */
class BootEndpointTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
      + "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}";

  private static ConfigurableApplicationContext start(Class<?> app, String... args) {
    String[] all = new String[args.length + 3];
    all[0] = "--server.port=0";
    all[1] = "--server.address=127.0.0.1";
    all[2] = "--spring.main.banner-mode=off";
    System.arraycopy(args, 0, all, 3, args.length);
    return SpringApplication.run(app, all);
  }

  private static int port(ConfigurableApplicationContext context) {
    return ((WebServerApplicationContext) context).getWebServer().getPort();
  }

  private static McpSyncClient client(int port, String path) {
    return McpClient.sync(HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + port).endpoint(path).build())
        .requestTimeout(Duration.ofSeconds(20)).build();
  }

  @Test
  void theJavaSdkClientCallsTheToolBeanAtTheConfiguredPath() {
    try (ConfigurableApplicationContext context = start(GreetingApp.class, "--toolwarden.http.path=/tools/mcp",
        "--spring.application.name=greeter")) {
      try (McpSyncClient client = client(port(context), "/tools/mcp")) {
        McpSchema.InitializeResult init = client.initialize();
        assertEquals("greeter", init.serverInfo().name());
        assertEquals(java.util.List.of("greet", "greet_formally", "slow_greet"), client.listTools().tools().stream().map(McpSchema.Tool::name).sorted().toList());
        McpSchema.CallToolResult r = client.callTool(new McpSchema.CallToolRequest("greet", Map.of("name", "Ada")));
        assertFalse(Boolean.TRUE.equals(r.isError()), r.toString());
        assertEquals("Hello, Ada!", ((McpSchema.TextContent) r.content().get(0)).text());
        // the generated validator runs: a blank name is refused before the bean is called
        McpSchema.CallToolResult blank = client.callTool(new McpSchema.CallToolRequest("greet", Map.of("name", " ")));
        assertTrue(Boolean.TRUE.equals(blank.isError()), blank.toString());
      }
    }
  }

  @Test
  void theStandaloneProtectionsAnswerInFrontOfTheEndpoint() throws Exception {
    try (ConfigurableApplicationContext context = start(GreetingApp.class, "--toolwarden.http.client-limit=5/1m",
        "--toolwarden.http.max-request-size=1KiB")) {
      String url = "http://127.0.0.1:" + port(context) + "/mcp";
      // a foreign Origin: refused by the Origin/Host validation (403)
      HttpResponse<String> foreign = post(url, INITIALIZE, Map.of("Origin", "https://evil.example"));
      assertEquals(403, foreign.statusCode(), foreign.body());
      // a body over the bound: 413, with a JSON-RPC error body and nothing about the server
      HttpResponse<String> big = post(url, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":{\"x\":\""
          + "a".repeat(2000) + "\"}}", Map.of());
      assertEquals(413, big.statusCode(), big.body());
      assertTrue(big.body().contains("\"jsonrpc\":\"2.0\""), big.body());
      assertFalse(big.body().contains("Exception") || big.body().contains("at org."), big.body());
      // a charset other than UTF-8: 415
      HttpResponse<String> latin = post(url, INITIALIZE, Map.of("Content-Type", "application/json; charset=ISO-8859-1"));
      assertEquals(415, latin.statusCode(), latin.body());
      // the per-client limit (5 a minute here): 429 with Retry-After
      HttpResponse<String> last = null;
      for (int i = 0; i < 6; i++) {
        last = post(url, INITIALIZE, Map.of());
      }
      assertEquals(429, last.statusCode(), last.body());
      assertTrue(last.headers().firstValue("Retry-After").isPresent());
    }
  }

  @Test
  void aToolClassWithoutABeanFailsTheStartNamingTheClass() {
    Throwable e = assertThrows(Throwable.class, () -> start(NoToolBeanApp.class).close());
    String messages = chain(e);
    assertTrue(messages.contains("no Spring bean of tool class dev.toolwarden.spring.app.GreetingTools"), messages);
    assertTrue(messages.contains("toolwarden.spring.instantiate-missing"), messages);
  }

  @Test
  void instantiateMissingLetsTheContextCreateTheToolWithItsDependencies() {
    try (ConfigurableApplicationContext context = start(NoToolBeanApp.class, "--toolwarden.spring.instantiate-missing=true");
         McpSyncClient client = client(port(context), "/mcp")) {
      client.initialize();
      McpSchema.CallToolResult r = client.callTool(new McpSchema.CallToolRequest("greet", Map.of("name", "Bob")));
      assertEquals("Hi, Bob!", ((McpSchema.TextContent) r.content().get(0)).text());
    }
  }

  @Test
  void everyInterfaceWithoutOAuthIsRefusedAsOnTheStandaloneServer() {
    Throwable e = assertThrows(Throwable.class, () -> SpringApplication.run(GreetingApp.class, "--server.port=0",
        "--spring.main.banner-mode=off").close());
    String messages = chain(e);
    assertTrue(messages.contains("refusing to serve the MCP endpoint on every interface"), messages);
    assertTrue(messages.contains("server.address=127.0.0.1"), messages);
  }

  private static HttpResponse<String> post(String url, String body, Map<String, String> headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
        .header("Accept", "application/json, text/event-stream");
    if (!headers.containsKey("Content-Type")) {
      b.header("Content-Type", "application/json");
    }
    headers.forEach(b::header);
    return HTTP.send(b.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String chain(Throwable e) {
    StringBuilder b = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      b.append(t).append('\n');
    }
    return b.toString();
  }
}
