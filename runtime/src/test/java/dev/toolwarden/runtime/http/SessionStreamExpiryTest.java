package dev.toolwarden.runtime.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.toolwarden.runtime.RunningServer;
import dev.toolwarden.runtime.Toolwarden;
import dev.toolwarden.runtime.auth.ResourceServer;
import dev.toolwarden.runtime.auth.TestTokens;
import dev.toolwarden.runtime.testtools.EchoTools;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** An open SSE stream ends when its session's lifetime ends, not on the client's next request. */
class SessionStreamExpiryTest {

  private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
      + "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}";
  private static final String INITIALIZED = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}";
  private static final String LIST = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}";
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void theGetStreamEndsWhenTheSessionExpires() throws Exception {
    TestTokens[] tokens = new TestTokens[1];
    // the idle timeout (which also paces the SDK's own sweeper) is far away: only the 2 s lifetime can end it
    try (RunningServer server = FreePort.start(port -> {
      tokens[0] = new TestTokens("http://127.0.0.1:" + port + "/mcp");
      return Toolwarden.server("expiry", "1.0.0").tools(new EchoTools())
          .http(HttpOptions.loopback(port).oauth(ResourceServer.custom(TestTokens.ISSUER, tokens[0].resource,
              tokens[0].verifier()).sessionIdleTimeout(Duration.ofMinutes(10)).sessionMaxLifetime(Duration.ofSeconds(2))));
    })) {
      String token = tokens[0].token("alice", "echo:use");
      HttpResponse<String> init = post(server, INITIALIZE, Map.of("Authorization", "Bearer " + token));
      String session = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
      Map<String, String> auth = new HashMap<>(Map.of("Authorization", "Bearer " + token, "Mcp-Session-Id", session));
      assertEquals(202, post(server, INITIALIZED, auth).statusCode());

      HttpRequest.Builder get = HttpRequest.newBuilder(URI.create(server.url())).GET()
          .header("Accept", "text/event-stream");
      auth.forEach(get::header);
      // the SDK sends the stream's headers with its first event: the response arrives when the stream
      // has something to say or ends, so the whole exchange is awaited at once
      CompletableFuture<Long> ended = HTTP.sendAsync(get.build(), HttpResponse.BodyHandlers.ofInputStream())
          .thenApply(stream -> {
            assertEquals(200, stream.statusCode());
            try (InputStream in = stream.body()) {
              return in.transferTo(java.io.OutputStream.nullOutputStream()); // returns at the end of the stream
            } catch (java.io.IOException e) {
              return -1L; // reset by the server: ended as well
            }
          });
      // no request is sent meanwhile; 60 s is a bound only a stream that never ends reaches
      ended.get(60, TimeUnit.SECONDS);
      assertEquals(404, post(server, LIST, auth).statusCode(), "the session is gone with its stream");
    }
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
