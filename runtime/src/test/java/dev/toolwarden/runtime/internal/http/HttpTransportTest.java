package dev.toolwarden.runtime.internal.http;

import dev.toolwarden.runtime.http.HttpOptions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwarden.runtime.RunningServer;
import dev.toolwarden.runtime.Toolwarden;
import dev.toolwarden.runtime.ToolwardenStartupException;
import dev.toolwarden.runtime.testtools.EchoTools;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Streamable HTTP end to end: the SDK's own client, and raw requests that try to make it leak. */
public class HttpTransportTest {

  private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
      + "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}";
  private static final String LIST = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}";

  private static final int LIMIT = 64 * 1024;

  private static RunningServer server;
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  static void start() {
    server = Toolwarden.server("http-test", "1.0.0")
        .tools(new EchoTools())
        .http(HttpOptions.loopback(0).allowedOrigins("https://app.example.com").maxRequestBytes(LIMIT));
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  // ---- the SDK's client ---------------------------------------------------------------------

  @Test
  void sdkClientListsAndCallsTools() {
    try (McpSyncClient client = client()) {
      client.initialize();
      List<String> names = client.listTools().tools().stream().map(McpSchema.Tool::name).toList();
      assertTrue(names.containsAll(List.of("echo", "add", "fail_internal")), names.toString());

      McpSchema.CallToolResult echo = client.callTool(new McpSchema.CallToolRequest("echo", Map.of("text", "hi")));
      assertFalse(echo.isError());
      assertEquals("hi", ((McpSchema.TextContent) echo.content().get(0)).text());

      McpSchema.CallToolResult add = client.callTool(new McpSchema.CallToolRequest("add", Map.of("a", 2, "b", 3)));
      assertFalse(add.isError());
      assertEquals(Map.of("sum", 5), add.structuredContent());
      assertEquals("{\"sum\":5}", ((McpSchema.TextContent) add.content().get(0)).text());
    }
  }

  @Test
  void toolFailuresReachTheClientSanitized() {
    try (McpSyncClient client = client()) {
      client.initialize();
      McpSchema.CallToolResult r = client.callTool(new McpSchema.CallToolRequest("fail_internal", Map.of()));
      assertTrue(r.isError());
      String text = ((McpSchema.TextContent) r.content().get(0)).text();
      assertTrue(text.startsWith("internal error (ref "), text);
      assertFalse(text.contains("secret detail"), text);

      McpSchema.CallToolResult bad = client.callTool(new McpSchema.CallToolRequest("echo", Map.of("text", 5, "x", 1)));
      assertTrue(bad.isError());
      String lines = ((McpSchema.TextContent) bad.content().get(0)).text();
      assertTrue(lines.startsWith("Invalid arguments for tool 'echo':\n"), lines);
      assertEquals(3, lines.split("\n").length, lines);
    }
  }

  @Test
  void toolContextSendsProgressOnlyWithATokenAndLogsAtTheClientsLevel() throws Exception {
    java.util.List<McpSchema.ProgressNotification> progress = new java.util.concurrent.CopyOnWriteArrayList<>();
    java.util.List<McpSchema.LoggingMessageNotification> logs = new java.util.concurrent.CopyOnWriteArrayList<>();
    try (McpSyncClient client = McpClient.sync(HttpClientStreamableHttpTransport.builder("http://127.0.0.1:"
            + server.port()).endpoint("/mcp").build())
        .requestTimeout(Duration.ofSeconds(20))
        .capabilities(McpSchema.ClientCapabilities.builder().sampling().build())
        .progressConsumer(progress::add)
        .loggingConsumer(logs::add)
        .build()) {
      client.initialize();
      client.setLoggingLevel(McpSchema.LoggingLevel.INFO);
      McpSchema.CallToolResult plain = client.callTool(new McpSchema.CallToolRequest("report", Map.of()));
      assertEquals("reported; canSample=true canElicit=false session=true",
          ((McpSchema.TextContent) plain.content().get(0)).text());
      assertTrue(progress.isEmpty(), "no progress without a progress token: " + progress);

      client.callTool(McpSchema.CallToolRequest.builder("report").arguments(Map.of()).progressToken("tok-1").build());
      long deadline = System.currentTimeMillis() + 60_000; // a bound only a hang reaches
      while ((progress.size() < 2 || logs.stream().noneMatch(l -> "working on it".equals(l.data())))
          && System.currentTimeMillis() < deadline) {
        Thread.sleep(20);
      }
      assertEquals(2, progress.size(), progress.toString());
      // the SDK's client may hand two notifications to the consumer on different threads, so the
      // list's order is the client's, not the wire's: the progress value says which came first
      List<McpSchema.ProgressNotification> byProgress = progress.stream()
          .sorted(java.util.Comparator.comparingDouble(McpSchema.ProgressNotification::progress)).toList();
      assertEquals(List.of("tok-1", "tok-1"), byProgress.stream().map(McpSchema.ProgressNotification::progressToken)
          .toList());
      assertEquals(List.of(1.0, 2.0), byProgress.stream().map(McpSchema.ProgressNotification::progress).toList());
      assertEquals(List.of("half way", "done"), byProgress.stream().map(McpSchema.ProgressNotification::message)
          .toList());
      assertTrue(logs.stream().anyMatch(l -> "working on it".equals(l.data())), logs.toString());
    }
  }

  private static McpSyncClient client() {
    return McpClient.sync(HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + server.port())
            .endpoint("/mcp").build())
        .requestTimeout(Duration.ofSeconds(20))
        .build();
  }

  @Test
  void urlIsTheLoopbackEndpoint() {
    assertEquals("http://127.0.0.1:" + server.port() + "/mcp", server.url());
  }

  // ---- raw requests -------------------------------------------------------------------------

  @Test
  void garbageBodyGetsAMinimalParseError() throws Exception {
    HttpResponse<String> r = post("{this is not json", Map.of());
    assertEquals(400, r.statusCode());
    assertEquals("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32700,\"message\":\"Parse error: the body is not"
        + " a single strict JSON value\"}}", r.body(), "JSON-RPC's parse error, nothing of the parser's own message");
  }

  @Test
  void jsonThatIsNotJsonRpcGetsAMinimalError() throws Exception {
    HttpResponse<String> r = post("{\"hello\":\"world\"}", Map.of());
    assertEquals(400, r.statusCode());
    assertSafe(r.body());
    assertTrue(r.body().contains("\"code\":-32600,\"message\":\"Invalid message format: jsonrpc must be 2.0\""), r.body());
  }

  @Test
  void aCharsetOtherThanUtf8Is415AndStartsNoSession() throws Exception {
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(server.url()))
        .header("Content-Type", "application/json; charset=IBM037").header("Accept", "application/json, text/event-stream")
        .POST(HttpRequest.BodyPublishers.ofByteArray(INITIALIZE.getBytes(java.nio.charset.Charset.forName("IBM037"))))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(415, r.statusCode(), r.body());
    assertTrue(r.headers().firstValue("Mcp-Session-Id").isEmpty());
    assertSafe(r.body());
  }

  @Test
  void nonAsciiArgumentsReachTheToolExactly() {
    String text = "h\u00e9llo \u2713 \ud834\udd1e \u0000 \"quoted\" \\";
    try (McpSyncClient client = client()) {
      client.initialize();
      McpSchema.CallToolResult echo = client.callTool(new McpSchema.CallToolRequest("echo", Map.of("text", text)));
      assertEquals(text, ((McpSchema.TextContent) echo.content().get(0)).text());
    }
  }

  @Test
  void aBodyWithinTheLimitStaysWithinItWhenItsCanonicalFormIsLonger() throws Exception {
    HttpResponse<String> init = post(INITIALIZE, Map.of());
    String session = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
    assertEquals(202, post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
        Map.of("Mcp-Session-Id", session)).statusCode());
    String text = "\u00e9".repeat(30_000); // 60,000 bytes sent, 180,000 once escaped: the limit is 64 KiB
    HttpResponse<String> r = post("{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/call\",\"params\":{\"name\":\"echo\","
        + "\"arguments\":{\"text\":\"" + text + "\"}}}", Map.of("Mcp-Session-Id", session));
    assertEquals(200, r.statusCode(), r.body());
    // echo's text has maxLength 100: its validator saw all 30,000 characters, decoded
    assertTrue(r.body().contains("must have at most 100 characters (got \\\"" + "\u00e9".repeat(20)),
        () -> r.body().substring(0, 300));
  }

  /**
   * A declared Content-Length over the limit is refused with 413 from the headers alone: the request
   * is an {@code initialize}, which would otherwise open a session, and none is opened. The client
   * sends only a small part of the body (as the server reads no further) and reads the answer, so
   * the check holds however slowly the server runs.
   */
  @Test
  void oversizedBodyIsRefusedWith413() throws Exception {
    String head = "POST /mcp HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\nContent-Type: application/json\r\n"
        + "Accept: application/json, text/event-stream\r\nContent-Length: " + (LIMIT + 1) + "\r\nConnection: close\r\n\r\n";
    String reply = exchange(head, INITIALIZE.getBytes(StandardCharsets.UTF_8));
    assertRefusedAsTooLarge(reply);
  }

  /**
   * A chunked body (no Content-Length to judge by) is read up to the limit and refused with 413 the
   * moment it passes it; the MCP layer never sees it, so no session is opened. The body is written
   * from another thread while this one reads the answer: the server may answer and close before
   * the client has finished sending, which must not lose the answer.
   */
  @Test
  void oversizedChunkedBodyIsRefusedWith413() throws Exception {
    String head = "POST /mcp HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\nContent-Type: application/json\r\n"
        + "Accept: application/json, text/event-stream\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n";
    String json = INITIALIZE.substring(0, INITIALIZE.length() - 1) + ",\"pad\":\"" + "a".repeat(LIMIT) + "\"}";
    ByteArrayOutputStream chunked = new ByteArrayOutputStream();
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    for (int at = 0; at < bytes.length; at += 4096) {
      int n = Math.min(4096, bytes.length - at);
      chunked.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
      chunked.write(bytes, at, n);
      chunked.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    chunked.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    assertRefusedAsTooLarge(exchange(head, chunked.toByteArray()));
  }

  /** A body of exactly the limit is not refused: the 413 above is the limit, not any large body. */
  @Test
  void bodyAtTheLimitIsAccepted() throws Exception {
    String padded = INITIALIZE.substring(0, INITIALIZE.length() - 1) + ",\"pad\":\"\"}";
    String body = padded.replace("\"pad\":\"\"", "\"pad\":\"" + "a".repeat(LIMIT - padded.length()) + "\"");
    assertEquals(LIMIT, body.getBytes(StandardCharsets.UTF_8).length);
    assertEquals(200, post(body, Map.of()).statusCode());
  }

  private static void assertRefusedAsTooLarge(String reply) {
    assertTrue(reply.startsWith("HTTP/1.1 413"), reply);
    assertFalse(reply.toLowerCase(java.util.Locale.ROOT).contains("mcp-session-id"),
        "the MCP layer handled the refused body: " + reply);
    assertSafe(reply);
  }

  @Test
  void unknownSessionIs404() throws Exception {
    HttpResponse<String> r = post(LIST, Map.of("Mcp-Session-Id", "no-such-session"));
    assertEquals(404, r.statusCode());
    assertEquals("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32603,\"message\":\"Session not found\"}}",
        r.body());
  }

  @Test
  void missingSessionIs400WithTheHeaderRequirement() throws Exception {
    HttpResponse<String> r = post(LIST, Map.of());
    assertEquals(400, r.statusCode());
    assertSafe(r.body());
    assertTrue(r.body().contains("Session ID required in mcp-session-id header"), r.body());
  }

  @Test
  void wrongContentTypeIsRefusedSafely() throws Exception {
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(server.url()))
        .header("Content-Type", "text/plain").header("Accept", "application/json, text/event-stream")
        .POST(HttpRequest.BodyPublishers.ofString(INITIALIZE)).build(), HttpResponse.BodyHandlers.ofString());
    assertTrue(r.statusCode() >= 400 && r.statusCode() < 500, "status " + r.statusCode());
    assertSafe(r.body());
  }

  @Test
  void foreignOriginIs403() throws Exception {
    HttpResponse<String> r = post(INITIALIZE, Map.of("Origin", "http://evil.example"));
    assertEquals(403, r.statusCode());
    assertSafe(r.body());
    assertTrue(r.body().contains("Invalid Origin header"), r.body());
  }

  @Test
  void loopbackAndAllowlistedOriginsAreAccepted() throws Exception {
    assertEquals(200, post(INITIALIZE, Map.of("Origin", "http://localhost:5173")).statusCode());
    assertEquals(200, post(INITIALIZE, Map.of("Origin", "http://127.0.0.1:3000")).statusCode());
    assertEquals(200, post(INITIALIZE, Map.of("Origin", "https://app.example.com")).statusCode());
  }

  @Test
  void foreignHostIsRefused() throws Exception {
    String reply = rawRequest("POST /mcp HTTP/1.1\r\nHost: evil.example\r\nContent-Type: application/json\r\n"
        + "Accept: application/json, text/event-stream\r\nContent-Length: " + INITIALIZE.length()
        + "\r\nConnection: close\r\n\r\n" + INITIALIZE);
    assertTrue(reply.startsWith("HTTP/1.1 421"), reply);
    assertSafe(reply);
  }

  @Test
  void oversizedHeadersAreRefusedWithAMinimalBody() throws Exception {
    String reply = rawRequest("POST /mcp HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\nX-Big: "
        + "b".repeat(40_000) + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
    assertTrue(reply.startsWith("HTTP/1.1 431"), reply);
    assertSafe(reply);
  }

  @Test
  void otherPathsAndMethodsGetMinimalErrors() throws Exception {
    HttpResponse<String> notFound = HTTP.send(HttpRequest.newBuilder(URI.create(server.url().replace("/mcp", "/admin")))
        .GET().build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(404, notFound.statusCode());
    assertSafe(notFound.body());
    HttpResponse<String> put = HTTP.send(HttpRequest.newBuilder(URI.create(server.url()))
        .PUT(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(405, put.statusCode());
    assertSafe(put.body());
  }

  @Test
  void nonLoopbackBindIsRefusedAtStartup() {
    ToolwardenStartupException e = assertThrows(ToolwardenStartupException.class,
        () -> Toolwarden.server("t", "1").tools(new EchoTools()).http(HttpOptions.bind("0.0.0.0", 0)));
    assertTrue(e.getMessage().startsWith("refusing to bind the HTTP transport to '0.0.0.0'"), e.getMessage());
    assertTrue(e.getMessage().contains("OAuth"), e.getMessage());
  }

  // ---- helpers ------------------------------------------------------------------------------

  private static HttpResponse<String> post(String body, Map<String, String> headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url()))
        .timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json")
        .header("Accept", "application/json, text/event-stream")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(b::header);
    HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() >= 400) {
      assertSafe(r.body());
    }
    return r;
  }

  private static String rawRequest(String request) throws IOException {
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      s.setSoTimeout(10_000);
      OutputStream out = s.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = s.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }

  /**
   * Sends {@code head} then {@code body} (from another thread) and returns all the server answers
   * until it closes. The answer is read while the body is still being written, and a reset after
   * the server closed keeps what was read: the server may refuse a request before reading it all.
   */
  private static String exchange(String head, byte[] body) throws Exception {
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      s.setSoTimeout(60_000);
      OutputStream out = s.getOutputStream();
      out.write(head.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      Thread writer = new Thread(() -> {
        try {
          out.write(body);
          out.flush();
        } catch (IOException closedByTheServer) {
          // expected once the server has answered and closed
        }
      }, "oversized-body-writer");
      writer.setDaemon(true);
      writer.start();
      ByteArrayOutputStream reply = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      InputStream in = s.getInputStream();
      try {
        for (int n; (n = in.read(buffer)) >= 0; ) {
          reply.write(buffer, 0, n);
        }
      } catch (SocketException resetAfterTheAnswer) {
        if (reply.size() == 0) {
          throw resetAfterTheAnswer;
        }
      }
      return reply.toString(StandardCharsets.ISO_8859_1);
    }
  }

  /** No stack trace, exception or class name, no library internals. */
  public static void assertSafe(String body) {
    for (String forbidden : List.of("at io.", "at org.", "at java.", "Exception", "exception", "stackTrace",
        "io.modelcontextprotocol", "org.eclipse", "java.", "jetty", "Jetty", "<html")) {
      assertFalse(body.contains(forbidden), "body leaks '" + forbidden + "': " + body);
    }
  }
}
