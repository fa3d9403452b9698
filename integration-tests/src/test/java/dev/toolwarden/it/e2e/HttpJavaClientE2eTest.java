package dev.toolwarden.it.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwarden.it.support.ExampleServer;
import dev.toolwarden.it.support.NodeTools;
import dev.toolwarden.it.support.ServerProcess;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpClientTransport;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@link JavaClientE2eTest} over Streamable HTTP: {@code java -jar toolwarden-example.jar http PORT} on
 * 127.0.0.1, the SDK's {@link HttpClientStreamableHttpTransport} against its {@code /mcp}. Plus the
 * HTTP-only guarantees, sent with a plain {@link HttpClient}: a foreign {@code Origin} is refused with
 * 403, a garbage body gets a 4xx JSON-RPC error and an oversized body 413, none of them with internals.
 */
class HttpJavaClientE2eTest extends JavaClientE2eTest {

  private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
      + "\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw-e2e\",\"version\":\"1\"}}}";
  private static final List<String> INTERNALS =
      List.of("Exception", "at io.", "at org.", "at java.", "at dev.", "jetty", "Jetty", "servlet");

  private ServerProcess server;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  @Override
  protected McpClientTransport transport(Path workspace) {
    server = ServerProcess.http(ExampleServer.launch(workspace), REAPER);
    String banner = "Toolwarden example server listening on " + server.url();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos(); // only a hang takes this long
    while (!server.stderrText().contains(banner) && System.nanoTime() < deadline) {
      java.util.concurrent.locks.LockSupport.parkNanos(20_000_000); // not a spin: leave the cores to the server
    }
    assertTrue(server.stderrText().contains(banner), "the example prints its URL: " + server.stderrText());
    URI url = server.url();
    return HttpClientStreamableHttpTransport.builder("http://" + url.getAuthority()).endpoint(url.getPath()).build();
  }

  @Test
  void servesOnLoopbackAtSlashMcp() {
    assertEquals("127.0.0.1", server.url().getHost());
    assertEquals("/mcp", server.url().getPath());
  }

  @Test
  void foreignOriginIsRefusedWith403WithoutInternals() throws Exception {
    // a foreign site, a look-alike of the loopback origin, and the opaque origin of sandboxed pages
    for (String origin : List.of("http://evil.example", "http://127.0.0.1.evil.example", "null")) {
      HttpResponse<String> response = post(INITIALIZE, "Origin", origin);
      assertEquals(403, response.statusCode(), origin + ": " + response.body());
      assertFalse(response.body().contains("serverInfo"), origin + ": " + response.body());
      assertNoInternals(response);
    }
    // the same request from the server's own origin is served: the 403 is the Origin check, nothing else
    HttpResponse<String> own = post(INITIALIZE, "Origin", "http://" + server.url().getAuthority());
    assertEquals(200, own.statusCode(), own.body());
    assertTrue(own.body().contains("toolwarden-example"), own.body());
  }

  /** DNS rebinding: a page on evil.example resolved to 127.0.0.1 sends {@code Host: evil.example}. */
  @Test
  void foreignHostIsRefusedWithoutInternals() throws Exception {
    String response = rawPost("evil.example:" + server.url().getPort(), INITIALIZE);
    int status = Integer.parseInt(response.substring(9, 12)); // "HTTP/1.1 421 …"
    assertTrue(status == 421 || status == 403, "a foreign Host must be refused (421/403): " + response);
    assertFalse(response.contains("serverInfo"), response);
    for (String leak : INTERNALS) {
      assertFalse(response.contains(leak), "'" + leak + "' in: " + response);
    }
  }

  /** One HTTP/1.1 POST over a plain socket: {@link HttpClient} does not let a caller set {@code Host}. */
  private String rawPost(String host, String body) throws Exception {
    byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    try (java.net.Socket socket = new java.net.Socket(server.url().getHost(), server.url().getPort())) {
      socket.setSoTimeout(30_000);
      String head = "POST " + server.url().getPath() + " HTTP/1.1\r\nHost: " + host
          + "\r\nContent-Type: application/json\r\nAccept: application/json, text/event-stream\r\nContent-Length: "
          + bytes.length + "\r\nConnection: close\r\n\r\n";
      socket.getOutputStream().write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      socket.getOutputStream().write(bytes);
      socket.getOutputStream().flush();
      return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  @Test
  void garbageBodyIsA4xxJsonErrorWithoutInternals() throws Exception {
    HttpResponse<String> response = post("garbage{");
    assertTrue(response.statusCode() >= 400 && response.statusCode() < 500, response.statusCode() + " " + response.body());
    JsonNode body = NodeTools.JSON.readTree(response.body());
    assertEquals("2.0", body.path("jsonrpc").asString(), response.body());
    assertTrue(body.path("error").path("code").isInt(), response.body());
    assertNoInternals(response);
  }

  /**
   * A request declaring 5 MiB (over the 4 MiB default) is refused with 413 from its headers. The client sends only
   * the start of the body and then reads: the server answers without reading further, so a client that writes the
   * whole body first may see its connection closed mid-upload (the JDK's HttpClient then reports a broken pipe, not
   * the answer, which made this test fail on a busy machine when it used that client).
   */
  @Test
  void oversizedBodyIs413WithoutInternals() throws Exception {
    String start = "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"tools/call\",\"params\":{\"name\":\"get_order\","
        + "\"arguments\":{\"id\":\"" + "A".repeat(4096);
    URI url = server.url();
    String head = "POST " + url.getPath() + " HTTP/1.1\r\nHost: " + url.getAuthority() + "\r\n"
        + "Content-Type: application/json\r\nAccept: application/json, text/event-stream\r\n"
        + "Content-Length: " + (5 * 1024 * 1024) + "\r\nConnection: close\r\n\r\n";
    String reply;
    try (Socket socket = new Socket(url.getHost(), url.getPort())) {
      socket.setSoTimeout(60_000);
      socket.getOutputStream().write((head + start).getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      reply = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
    }
    assertTrue(reply.startsWith("HTTP/1.1 413"), reply.substring(0, Math.min(500, reply.length())));
    for (String leak : INTERNALS) {
      assertFalse(reply.contains(leak), "'" + leak + "' in the 413: " + reply);
    }
    // and the server still serves
    assertEquals(200, post(INITIALIZE).statusCode());
  }

  /**
   * {@code tools/call} with {@code params.arguments} that is not an object gets a JSON-RPC answer (an
   * error, or an {@code isError} result) without a Java class name or exception text.
   */
  @Test
  void malformedToolCallParamsGetAnAnswerWithoutInternals() throws Exception {
    HttpResponse<String> init = post(INITIALIZE);
    assertEquals(200, init.statusCode(), init.body());
    String session = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
    post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}", "Mcp-Session-Id", session,
        "MCP-Protocol-Version", "2025-11-25");
    HttpResponse<String> call = post("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{"
        + "\"name\":\"get_order\",\"arguments\":\"not an object\"}}", "Mcp-Session-Id", session,
        "MCP-Protocol-Version", "2025-11-25");
    assertTrue(call.body().contains("\"id\":2"), "no JSON-RPC answer to request 2: " + call.statusCode() + " '"
        + call.body() + "'");
    assertTrue(call.body().contains("\"error\"") || call.body().contains("\"isError\":true"), call.body());
    assertTrue(call.body().contains("-32602"), call.body());
    assertNoInternals(call);
    assertFalse(call.body().contains("jackson"), call.body());
  }

  private HttpResponse<String> post(String body, String... headers) throws Exception {
    return http.send(request(body, headers).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder request(String body, String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(server.url())
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json")
        .header("Accept", "application/json, text/event-stream")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return request;
  }

  private static void assertNoInternals(HttpResponse<String> response) {
    for (String leak : INTERNALS) {
      assertFalse(response.body().contains(leak), "'" + leak + "' in the " + response.statusCode() + " body: "
          + response.body());
    }
  }
}
