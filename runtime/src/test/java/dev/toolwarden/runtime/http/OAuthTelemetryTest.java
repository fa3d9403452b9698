package dev.toolwarden.runtime.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwarden.runtime.RunningServer;
import dev.toolwarden.runtime.ServerBuilder;
import dev.toolwarden.runtime.Toolwarden;
import dev.toolwarden.runtime.auth.ResourceServer;
import dev.toolwarden.runtime.auth.TestTokens;
import dev.toolwarden.runtime.internal.server.BuilderAccess;
import dev.toolwarden.runtime.internal.telemetry.TelemetryHarness;
import dev.toolwarden.runtime.testtools.EchoTools;
import io.opentelemetry.sdk.metrics.data.MetricData;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * With OAuth: authentication failures are counted by cause, the OAuth filter's insufficient-scope refusal as a
 * refusal of its tool, and the bearer token reaches no span and no metric.
 */
class OAuthTelemetryTest {

  private static final String INIT = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
      + "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}";

  private final TelemetryHarness otel = new TelemetryHarness(null, true);
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private RunningServer server;
  private TestTokens tokens;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void authFailuresAreCountedByCauseAndNoTokenReachesTelemetry() throws Exception {
    server = FreePort.start(port -> {
      tokens = new TestTokens("http://127.0.0.1:" + port + "/mcp");
      ServerBuilder builder = Toolwarden.server("otel-oauth", "1.0.0").tools(new EchoTools())
          .config("telemetry.record-arguments", "true");
      BuilderAccess.settings(builder).openTelemetry = otel.sdk;
      return builder.http(HttpOptions.loopback(port)
          .oauth(ResourceServer.custom(TestTokens.ISSUER, tokens.resource, tokens.verifier())));
    });
    String good = tokens.token("alice", "echo:use");
    String narrow = tokens.token("bob", "math:use");
    assertEquals(401, post(INIT, null, null).statusCode());
    assertEquals(401, post(INIT, "not-a-jwt-" + good.substring(good.length() - 12), null).statusCode());
    HttpResponse<String> init = post(INIT, good, null);
    assertEquals(200, init.statusCode(), init.body());
    String session = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
    post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}", good, session);
    HttpResponse<String> echo = post("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":"
        + "{\"name\":\"echo\",\"arguments\":{\"text\":\"hi\"}}}", good, session);
    assertEquals(200, echo.statusCode(), echo.body());
    // the token as an argument value (too long for echo's text: a validation refusal, recorded arguments on)
    post("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":"
        + "{\"name\":\"echo\",\"arguments\":{\"text\":\"Bearer " + good + "\"}}}", good, session);
    HttpResponse<String> narrowInit = post(INIT, narrow, null);
    String narrowSession = narrowInit.headers().firstValue("Mcp-Session-Id").orElseThrow();
    assertEquals(403, post("{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"tools/call\",\"params\":"
        + "{\"name\":\"echo\",\"arguments\":{\"text\":\"hi\"}}}", narrow, narrowSession).statusCode());

    Collection<MetricData> data = otel.collect();
    assertEquals(1, TelemetryHarness.counter(data, "toolwarden.auth.failures", Map.of("toolwarden.auth.cause", "missing_token")));
    assertEquals(1, TelemetryHarness.counter(data, "toolwarden.auth.failures", Map.of("toolwarden.auth.cause", "invalid_token")));
    assertEquals(1, TelemetryHarness.counter(data, "toolwarden.auth.failures",
        Map.of("toolwarden.auth.cause", "insufficient_scope")));
    assertEquals(1, TelemetryHarness.counter(data, "toolwarden.refusals",
        Map.of("toolwarden.reason", "auth_failed", "gen_ai.tool.name", "echo")));
    assertEquals(1, TelemetryHarness.counter(data, "toolwarden.calls",
        Map.of("gen_ai.tool.name", "echo", "toolwarden.outcome", "ok")), echo.body());
    assertEquals(1, TelemetryHarness.counter(data, "toolwarden.calls",
        Map.of("gen_ai.tool.name", "echo", "toolwarden.outcome", "validation_rejected")));

    StringBuilder exported = new StringBuilder();
    otel.finishedSpans().forEach(s -> exported.append(s).append('\n'));
    data.forEach(m -> exported.append(m).append('\n'));
    String all = exported.toString();
    assertTrue(all.contains("gen_ai.tool.call.arguments"), "arguments recorded (opt-in on): the check is not vacuous");
    for (String token : new String[] {good, narrow, good.substring(good.lastIndexOf('.') + 1)}) {
      assertFalse(all.contains(token), "a token reached telemetry:\n" + all);
    }
  }

  private HttpResponse<String> post(String body, String token, String session) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url()))
        .header("Content-Type", "application/json")
        .header("Accept", "application/json, text/event-stream")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    if (session != null) {
      b.header("Mcp-Session-Id", session).header("MCP-Protocol-Version", "2025-06-18");
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
