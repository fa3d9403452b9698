package dev.toolwarden.runtime.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwarden.runtime.RunningServer;
import dev.toolwarden.runtime.Toolwarden;
import dev.toolwarden.runtime.ToolwardenStartupException;
import dev.toolwarden.runtime.auth.ResourceServer;
import dev.toolwarden.runtime.auth.TestTokens;
import dev.toolwarden.runtime.internal.config.Config;
import dev.toolwarden.runtime.internal.config.HttpConfig;
import dev.toolwarden.runtime.internal.config.KeyWarnings;
import dev.toolwarden.runtime.internal.http.HttpTransportTest;
import dev.toolwarden.runtime.testtools.EchoTools;
import dev.toolwarden.runtime.testtools.LimitedTools;
import dev.toolwarden.runtime.testtools.PolicyTools;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stateless Streamable HTTP: no session, every request alone, every policy still per request. */
class StatelessHttpTest {

  private static final String CALL = "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\","
      + "\"params\":{\"name\":\"%s\",\"arguments\":%s}}";
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @TempDir Path temp;

  @Test
  void theSdkClientWorksAndNoSessionIsEverIssued() throws Exception {
    try (RunningServer server = Toolwarden.server("stateless", "1.0.0").tools(new EchoTools())
        .http(HttpOptions.loopback(0).stateless())) {
      try (McpSyncClient client = McpClient.sync(HttpClientStreamableHttpTransport.builder("http://127.0.0.1:"
          + server.port()).endpoint("/mcp").build()).requestTimeout(Duration.ofSeconds(20)).build()) {
        client.initialize();
        McpSchema.CallToolResult add = client.callTool(new McpSchema.CallToolRequest("add", Map.of("a", 2, "b", 3)));
        assertEquals(Map.of("sum", 5), add.structuredContent());
        assertTrue(client.listTools().tools().stream().anyMatch(t -> t.name().equals("echo")));
      }
      // a call straight away, without initialize and without a session: answered, and no session issued
      HttpResponse<String> r = post(server, String.format(CALL, "echo", "{\"text\":\"hi\"}"), Map.of());
      assertEquals(200, r.statusCode(), r.body());
      assertTrue(r.body().contains("\"text\":\"hi\""), r.body());
      assertTrue(r.headers().firstValue("Mcp-Session-Id").isEmpty(), r.headers().map().toString());
      HttpResponse<String> bad = post(server, String.format(CALL, "echo", "{\"text\":5}"), Map.of());
      assertTrue(bad.body().contains("Invalid arguments for tool 'echo'"), "validation per request: " + bad.body());
    }
  }

  @Test
  void toolsThatNeedASessionFailClearlyAtTheTool() throws Exception {
    try (RunningServer server = Toolwarden.server("stateless", "1.0.0").tools(new EchoTools())
        .http(HttpOptions.loopback(0).stateless())) {
      HttpResponse<String> ask = post(server, String.format(CALL, "ask", "{}"), Map.of());
      assertEquals(200, ask.statusCode());
      assertTrue(ask.body().contains("\"isError\":true"), ask.body());
      assertTrue(ask.body().contains("sampling (ToolContext.sample) needs a session, and this server runs stateless"),
          ask.body());
      HttpResponse<String> report = post(server, String.format(CALL, "report", "{}"), Map.of());
      assertTrue(report.body().contains("reported; canSample=false canElicit=false session=false"), report.body());
      HttpTransportTest.assertSafe(ask.body());
    }
  }

  @Test
  void limitsByPrincipalOrGloballyHoldPerRequest() throws Exception {
    try (RunningServer server = Toolwarden.server("stateless-limits", "1.0.0").tools(new LimitedTools())
        .http(HttpOptions.loopback(0).stateless())) {
      // no session ties these requests together: the budgets do, 3 a minute per principal, 2 for everyone
      assertEquals(List.of(false, false, false, true, true), refusals(server, "per_caller", 5));
      assertEquals(List.of(false, false, true), refusals(server, "for_everyone", 3));
    }
  }

  @Test
  void aSessionKeyedLimitIsAStartupError() {
    ToolwardenStartupException e = assertThrows(ToolwardenStartupException.class,
        () -> Toolwarden.server("stateless-limits", "1.0.0").tools(new PolicyTools()).root("ws", temp)
            .http(HttpOptions.loopback(0).stateless()));
    assertTrue(e.getMessage().startsWith("tool 'limited_session' has @RateLimit(key = SESSION), but the HTTP"
        + " transport is stateless"), e.getMessage());
    assertTrue(e.getMessage().contains("use key = PRINCIPAL (per caller) or GLOBAL"), "the fix: " + e.getMessage());
  }

  @Test
  void theTokenAndScopesAreCheckedOnEveryRequest() throws Exception {
    RunningServer server = FreePort.start(port -> {
      TestTokens tokens = new TestTokens("http://127.0.0.1:" + port + "/mcp");
      holder[0] = tokens;
      return Toolwarden.server("stateless-oauth", "1.0.0").tools(new EchoTools())
          .http(HttpOptions.loopback(port).stateless()
              .oauth(ResourceServer.custom(TestTokens.ISSUER, tokens.resource, tokens.verifier())));
    });
    try (server) {
      TestTokens tokens = holder[0];
      String call = String.format(CALL, "echo", "{\"text\":\"hi\"}");
      assertEquals(401, post(server, call, Map.of()).statusCode());
      HttpResponse<String> weak = post(server, call, Map.of("Authorization", "Bearer " + tokens.token("alice", "math:use")));
      assertEquals(403, weak.statusCode());
      assertTrue(weak.body().startsWith("{\"jsonrpc\":\"2.0\",\"id\":7,"), weak.body());
      HttpResponse<String> ok = post(server, call, Map.of("Authorization", "Bearer " + tokens.token("alice", "echo:use")));
      assertEquals(200, ok.statusCode(), ok.body());
      assertTrue(ok.body().contains("\"text\":\"hi\""), ok.body());
    }
  }

  private final TestTokens[] holder = new TestTokens[1];

  @Test
  void theSettingTurnsItOn() {
    Config config = new Config(k -> null, Map.of("TOOLWARDEN_HTTP_STATELESS", "true")::get, new KeyWarnings(w -> { }));
    assertTrue(HttpConfig.read(config).isStateless());
    assertFalse(HttpConfig.read(new Config(k -> null, k -> null, new KeyWarnings(w -> { }))).isStateless());
  }

  private static List<Boolean> refusals(RunningServer server, String tool, int calls) throws Exception {
    List<Boolean> refused = new ArrayList<>();
    for (int i = 0; i < calls; i++) {
      String body = post(server, String.format(CALL, tool, "{}"), Map.of()).body();
      refused.add(body.contains("\"isError\":true") && body.contains("Rate limit"));
    }
    return refused;
  }

  private static HttpResponse<String> post(RunningServer server, String body, Map<String, String> headers)
      throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url()))
        .timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json")
        .header("Accept", "application/json, text/event-stream")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(b::header);
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
