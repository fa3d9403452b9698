package dev.toolwarden.runtime.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwarden.runtime.RunningServer;
import dev.toolwarden.runtime.Toolwarden;
import dev.toolwarden.runtime.auth.ResourceServer;
import dev.toolwarden.runtime.auth.TestTokens;
import dev.toolwarden.runtime.testtools.EchoTools;
import java.io.ByteArrayOutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a raw HTTP client gets for the methods, headers and messages MCP does not define, sent byte for byte (no HTTP
 * library normalises them): the servlet API's {@code TRACE} echoed the request — the bearer token included — back with
 * 200; a missing {@code Accept} type was 400 with "method not found"; a response to no request was a 500 server fault;
 * an unknown {@code logging/setLevel} level was silently "info".
 */
class HttpMethodsAndStatusesTest {

  private static final String INIT = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
      + "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}";

  private static RunningServer plain;
  private static RunningServer oauth;
  private static TestTokens tokens;

  @BeforeAll
  static void start() {
    plain = Toolwarden.server("methods", "1.0.0").tools(new EchoTools()).http(HttpOptions.loopback(0));
    oauth = FreePort.start(p -> {
      tokens = new TestTokens("http://127.0.0.1:" + p + "/mcp");
      return Toolwarden.server("methods-oauth", "1.0.0").tools(new EchoTools())
          .http(HttpOptions.loopback(p).oauth(ResourceServer.custom(TestTokens.ISSUER, tokens.resource, tokens.verifier())));
    });
  }

  @AfterAll
  static void stop() {
    if (plain != null) {
      plain.close();
    }
    if (oauth != null) {
      oauth.close();
    }
  }

  @Test
  void traceIsRefusedAndEchoesNoTokenOnTheEndpointAndTheMetadataDocument() throws Exception {
    String token = tokens.token("alice", "echo:use");
    for (String path : new String[] {"/mcp", "/.well-known/oauth-protected-resource/mcp"}) {
      String answer = raw(oauth, "TRACE " + path + " HTTP/1.1\r\nHost: " + host(oauth) + "\r\nAuthorization: Bearer "
          + token + "\r\nX-Probe: echo-marker-7\r\nConnection: close\r\n\r\n", new byte[0]);
      assertEquals(405, status(answer), answer);
      assertFalse(answer.contains(token) || answer.contains("echo-marker-7"), answer);
      assertFalse(header(answer, "Allow").contains("TRACE"), answer);
    }
  }

  @Test
  void onlyTheStreamableHttpMethodsReachTheEndpoint() throws Exception {
    for (String method : new String[] {"HEAD", "PUT", "PATCH", "TRACE"}) {
      String answer = raw(plain, method + " /mcp HTTP/1.1\r\nHost: " + host(plain)
          + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", new byte[0]);
      assertEquals(405, status(answer), method + ": " + answer);
      assertEquals("GET, POST, DELETE, OPTIONS", header(answer, "Allow"), answer);
    }
    String options = raw(plain, "OPTIONS /mcp HTTP/1.1\r\nHost: " + host(plain) + "\r\nConnection: close\r\n\r\n",
        new byte[0]);
    assertEquals(204, status(options), options);
    assertEquals("GET, POST, DELETE, OPTIONS", header(options, "Allow"), options);
  }

  @Test
  void anAcceptWithoutTheRequiredTypesIs406InvalidRequest() throws Exception {
    for (String accept : new String[] {null, "application/json", "text/event-stream", "text/html"}) {
      String answer = post(plain, INIT, accept, null);
      assertEquals(406, status(answer), accept + ": " + answer);
      assertTrue(answer.contains("\"code\":-32600"), answer);
      assertTrue(answer.contains("required in Accept header"), answer);
    }
  }

  @Test
  void aResponseThatAnswersNoRequestIs400InvalidRequest() throws Exception {
    String session = session(plain);
    String answer = post(plain, "{\"jsonrpc\":\"2.0\",\"id\":8,\"result\":{}}", "application/json, text/event-stream",
        session);
    assertEquals(400, status(answer), answer);
    assertTrue(answer.contains("\"code\":-32600"), answer);
    assertFalse(answer.contains("Internal error"), answer);
  }

  @Test
  void anUnknownLoggingLevelIsInvalidParamsAndAKnownOneIsAccepted() throws Exception {
    String session = session(plain);
    for (String level : new String[] {"\"nope\"", "\"INFO\"", "5", "null"}) {
      String answer = post(plain, "{\"jsonrpc\":\"2.0\",\"id\":15,\"method\":\"logging/setLevel\",\"params\":{\"level\":"
          + level + "}}", "application/json, text/event-stream", session);
      assertTrue(answer.contains("\"code\":-32602") && answer.contains("level must be one of debug, info"),
          level + ": " + answer);
    }
    String missing = post(plain, "{\"jsonrpc\":\"2.0\",\"id\":16,\"method\":\"logging/setLevel\",\"params\":{}}",
        "application/json, text/event-stream", session);
    assertTrue(missing.contains("\"code\":-32602"), missing);
    String known = post(plain, "{\"jsonrpc\":\"2.0\",\"id\":17,\"method\":\"logging/setLevel\",\"params\":"
        + "{\"level\":\"warning\"}}", "application/json, text/event-stream", session);
    assertTrue(known.contains("\"id\":17,\"result\":{}"), known);
  }

  /** Before: the SDK logged such an id or method unescaped, so a client could forge lines in the server's log. */
  @Test
  void aControlCharacterInAnIdOrMethodIsAnInvalidRequest() throws Exception {
    String session = session(plain);
    for (String body : new String[] {
        "{\"jsonrpc\":\"2.0\",\"id\":\"a\\r\\n[ERROR] forged\",\"method\":\"tools/list\"}",
        "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/x\\nforged\"}",
        "{\"jsonrpc\":\"2.0\",\"id\":\"r\\u2029\",\"result\":{}}"}) {
      String answer = post(plain, body, "application/json, text/event-stream", session);
      assertEquals(400, status(answer), body + ": " + answer);
      assertTrue(answer.contains("\"code\":-32600"), answer);
    }
  }

  @Test
  void anUnsupportedHttpVersionSaysSo() throws Exception {
    String answer = raw(plain, "GET /mcp HTTP/9.9\r\nHost: " + host(plain) + "\r\n\r\n", new byte[0]);
    assertEquals(505, status(answer), answer);
    assertTrue(answer.contains("HTTP version not supported"), answer);
  }

  private static String session(RunningServer server) throws Exception {
    String init = post(server, INIT, "application/json, text/event-stream", null);
    String id = header(init, "Mcp-Session-Id");
    post(server, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}", "application/json, text/event-stream",
        id);
    return id;
  }

  private static String post(RunningServer server, String body, String accept, String session) throws Exception {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return raw(server, "POST /mcp HTTP/1.1\r\nHost: " + host(server) + "\r\nContent-Type: application/json\r\n"
        + (accept == null ? "" : "Accept: " + accept + "\r\n")
        + (session == null ? "" : "Mcp-Session-Id: " + session + "\r\n")
        + "Content-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n", bytes);
  }

  private static String host(RunningServer server) {
    return "127.0.0.1:" + server.port();
  }

  /** The whole answer of one request on its own connection ({@code Connection: close}). */
  private static String raw(RunningServer server, String head, byte[] body) throws Exception {
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      s.setSoTimeout(30_000);
      s.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
      s.getOutputStream().write(body);
      s.getOutputStream().flush();
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      s.getInputStream().transferTo(all);
      return all.toString(StandardCharsets.UTF_8);
    }
  }

  private static int status(String answer) {
    return Integer.parseInt(answer.substring(9, 12));
  }

  private static String header(String answer, String name) {
    for (String line : answer.substring(0, answer.indexOf("\r\n\r\n")).split("\r\n")) {
      if (line.toLowerCase(Locale.ROOT).startsWith(name.toLowerCase(Locale.ROOT) + ":")) {
        return line.substring(name.length() + 1).trim();
      }
    }
    return "";
  }
}
