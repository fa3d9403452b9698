package dev.toolwarden.runtime.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwarden.runtime.RunningServer;
import dev.toolwarden.runtime.Toolwarden;
import dev.toolwarden.runtime.auth.ResourceServer;
import dev.toolwarden.runtime.auth.TestTokens;
import dev.toolwarden.runtime.testtools.FeatureTools;
import dev.toolwarden.runtime.testtools.FeatureToolsBundle;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The annotated features over Streamable HTTP with OAuth (tokens signed by a test key): scope refusals are 403
 * {@code insufficient_scope} before the SDK, unknown names are refused like forbidden ones, and the resource, template
 * and prompt lists show only what the token may use.
 */
class FeaturesOverOAuthHttpTest {

  @TempDir static Path temp;

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static RunningServer server;
  private static TestTokens tokens;

  @BeforeAll
  static void start() throws Exception {
    Path ws = Files.createDirectories(temp.resolve("ws"));
    Files.writeString(ws.resolve("a.txt"), "alpha");
    server = FreePort.start(port -> {
      tokens = new TestTokens("http://127.0.0.1:" + port + "/mcp");
      return Toolwarden.server("features-oauth", "1.0.0").tools(new FeatureTools()).root("ws", ws)
          .resourceSubscriptions(true)
          .http(HttpOptions.loopback(port).oauth(ResourceServer.custom(TestTokens.ISSUER, tokens.resource,
              tokens.verifier())));
    });
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  private static McpSyncClient client(String token) {
    return McpClient.sync(HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + server.port())
            .endpoint("/mcp")
            .httpRequestCustomizer((b, method, uri, body, context) -> b.header("Authorization", "Bearer " + token))
            .build())
        .requestTimeout(Duration.ofSeconds(20))
        .build();
  }

  private static HttpResponse<String> post(String token, String body, String session) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url()))
        .header("Content-Type", "application/json")
        .header("Accept", "application/json, text/event-stream")
        .header("Authorization", "Bearer " + token)
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (session != null) {
      b.header("Mcp-Session-Id", session);
    }
    return HTTP.send(b.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void listsShowOnlyWhatTheTokenMayUse() {
    try (McpSyncClient client = client(tokens.token("alice", "files:read"))) {
      client.initialize();
      List<String> resources = client.listResources().resources().stream().map(McpSchema.Resource::uri).toList();
      assertTrue(resources.contains("config://app"), resources.toString());
      assertFalse(resources.contains("config://admin"), resources.toString());
      List<String> templates = client.listResourceTemplates().resourceTemplates().stream()
          .map(McpSchema.ResourceTemplate::uriTemplate).toList();
      assertTrue(templates.contains(FeatureToolsBundle.WORKSPACE), templates.toString());
      assertFalse(templates.contains(FeatureToolsBundle.PROFILE), templates.toString());
      List<String> prompts = client.listPrompts().prompts().stream().map(McpSchema.Prompt::name).toList();
      assertEquals(List.of("greet"), prompts);
      McpSchema.ReadResourceResult r = client.readResource(new McpSchema.ReadResourceRequest("file:///workspace/a.txt"));
      assertEquals("alpha", ((McpSchema.TextResourceContents) r.contents().get(0)).text());
    }
    try (McpSyncClient admin = client(tokens.token("root", "files:read users:read admin"))) {
      admin.initialize();
      assertEquals(2, admin.listPrompts().prompts().size());
      assertTrue(admin.listResourceTemplates().resourceTemplates().size() >= 4);
      McpSchema.ReadResourceResult r = admin.readResource(new McpSchema.ReadResourceRequest("users://7/profile"));
      assertEquals("profile of user 7", ((McpSchema.TextResourceContents) r.contents().get(0)).text());
    }
  }

  @Test
  void missingScopesAre403StepUpBeforeTheSdk() throws Exception {
    String token = tokens.token("alice", "files:read");
    try (McpSyncClient client = client(token)) {
      client.initialize();
      assertThrows(RuntimeException.class,
          () -> client.readResource(new McpSchema.ReadResourceRequest("users://7/profile")));
    }
    String init = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\","
        + "\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}";
    HttpResponse<String> started = post(token, init, null);
    String session = started.headers().firstValue("Mcp-Session-Id").orElseThrow();
    for (String body : List.of(
        "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"resources/read\",\"params\":{\"uri\":\"users://7/profile\"}}",
        "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"resources/read\",\"params\":{\"uri\":\"config://admin\"}}",
        "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"prompts/get\",\"params\":{\"name\":\"admin_prompt\"}}",
        "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"completion/complete\",\"params\":{\"ref\":{\"type\":\"ref/resource\","
            + "\"uri\":\"users://{id}/profile\"},\"argument\":{\"name\":\"id\",\"value\":\"\"}}}",
        "{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"resources/subscribe\",\"params\":{\"uri\":\"users://7/profile\"}}",
        "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"resources/unsubscribe\",\"params\":{\"uri\":\"config://admin\"}}",
        "{\"jsonrpc\":\"2.0\",\"id\":10,\"method\":\"resources/subscribe\",\"params\":{\"uri\":\"nothing://here\"}}",
        "{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"prompts/get\",\"params\":{\"name\":\"no_such_prompt\"}}",
        "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"resources/read\",\"params\":{\"uri\":\"nothing://here\"}}")) {
      HttpResponse<String> r = post(token, body, session);
      assertEquals(403, r.statusCode(), body + " -> " + r.body());
      String challenge = r.headers().firstValue("WWW-Authenticate").orElseThrow();
      assertTrue(challenge.contains("error=\"insufficient_scope\""), challenge);
      // names are secret (the lists are filtered): one answer for unknown and forbidden alike
      assertTrue(challenge.contains("lacks a scope this call requires"), challenge);
      assertFalse(r.body().contains("admin") || r.body().contains("users"), r.body());
    }
  }

  @Test
  void aSubscriptionTheTokenMayReadReachesTheSdk() throws Exception {
    String token = tokens.token("alice", "files:read");
    String init = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\","
        + "\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}";
    String session = post(token, init, null).headers().firstValue("Mcp-Session-Id").orElseThrow();
    post(token, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}", session);
    for (String method : List.of("resources/subscribe", "resources/unsubscribe")) {
      HttpResponse<String> r = post(token, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"" + method
          + "\",\"params\":{\"uri\":\"file:///workspace/a.txt\"}}", session);
      assertEquals(200, r.statusCode(), method + " -> " + r.body());
      assertTrue(r.body().contains("\"result\"") && !r.body().contains("\"error\""), method + " -> " + r.body());
    }
  }
}
