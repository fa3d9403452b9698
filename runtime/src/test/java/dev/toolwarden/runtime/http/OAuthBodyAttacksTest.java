package dev.toolwarden.runtime.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwarden.runtime.RunningServer;
import dev.toolwarden.runtime.Toolwarden;
import dev.toolwarden.runtime.auth.ResourceServer;
import dev.toolwarden.runtime.auth.TestTokens;
import dev.toolwarden.runtime.internal.http.HttpTransportTest;
import dev.toolwarden.runtime.testtools.EchoTools;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Requests crafted so that the OAuth checks and the SDK could read them differently — another
 * charset, a byte order mark, duplicate keys, comments, trailing content, malformed UTF-8, huge
 * numbers, batches — sent by a real HTTP client to a real server. Each must be refused before
 * the MCP layer, never judged as one call and executed as another. Also: unknown tools look
 * exactly like forbidden ones, and a flood of {@code initialize} stays bounded.
 */
class OAuthBodyAttacksTest {

  private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
      + "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}";
  private static final String INITIALIZED = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}";
  private static final String LIST = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}";
  /** {@code add} needs math:use, which the weak token lacks. */
  private static final String CALL_ADD = "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":"
      + "{\"name\":\"add\",\"arguments\":{\"a\":1,\"b\":2}}}";
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private static RunningServer server;
  private static TestTokens as;
  private static String weak;
  private static String weakSession;

  @BeforeAll
  static void start() throws Exception {
    server = FreePort.start(port -> {
      String resource = "http://127.0.0.1:" + port + "/mcp";
      as = new TestTokens(resource);
      return Toolwarden.server("attack-test", "1.0.0")
          .tools(new EchoTools())
          .http(HttpOptions.loopback(port).oauth(ResourceServer.custom(TestTokens.ISSUER, resource, as.verifier())));
    });
    weak = as.token("alice", "echo:use");
    weakSession = initialize(weak);
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  // ---- charset --------------------------------------------------------------------------------

  @Test
  void ibm037ToolCallIsRefusedWith415BeforeTheScopeCheck() throws Exception {
    HttpResponse<String> r = post(CALL_ADD.getBytes(Charset.forName("IBM037")),
        "application/json; charset=IBM037", auth(weak, weakSession));
    assertEquals(415, r.statusCode(), r.body());
    assertTrue(r.body().contains("JSON must be sent as UTF-8"), r.body());
    HttpTransportTest.assertSafe(r.body());
    // the same call in UTF-8 meets the step-up challenge, as it always should have
    HttpResponse<String> utf8 = post(CALL_ADD.getBytes(StandardCharsets.UTF_8), "application/json",
        auth(weak, weakSession));
    assertEquals(403, utf8.statusCode(), utf8.body());
  }

  @Test
  void ibm037InitializeCreatesNoSession() throws Exception {
    HttpResponse<String> r = post(INITIALIZE.getBytes(Charset.forName("IBM037")), "application/json;charset=ibm037",
        auth(weak, null));
    assertEquals(415, r.statusCode(), r.body());
    assertTrue(r.headers().firstValue("Mcp-Session-Id").isEmpty(), "no session for a refused initialize");
  }

  @ParameterizedTest
  @ValueSource(strings = {"application/json", "application/json; charset=utf-8", "application/json;charset=UTF-8",
      "application/json; charset=\"utf-8\"", "Application/JSON; Charset=Utf-8", "application/json; charset=utf-8;"})
  void utf8IsAcceptedHoweverItIsSpelled(String contentType) throws Exception {
    HttpResponse<String> r = post(INITIALIZE.getBytes(StandardCharsets.UTF_8), contentType, auth(weak, null));
    assertEquals(200, r.statusCode(), contentType + ": " + r.body());
  }

  @ParameterizedTest
  @ValueSource(strings = {"application/json; charset=utf-16", "application/json; charset=ISO-8859-1",
      "application/json; charset=\"IBM037\"", "application/json; charset=utf-8; charset=ibm037",
      "application/json; charset=utf-8x", "application/json; charset=\"utf-8", "application/json; charset=utf-7"})
  void everyOtherCharsetIs415(String contentType) throws Exception {
    HttpResponse<String> r = post(INITIALIZE.getBytes(StandardCharsets.UTF_8), contentType, auth(weak, null));
    assertEquals(415, r.statusCode(), contentType + ": " + r.body());
    assertTrue(r.headers().firstValue("Mcp-Session-Id").isEmpty());
  }

  @Test
  void twoContentTypeHeadersAre415() throws Exception {
    byte[] body = INITIALIZE.getBytes(StandardCharsets.UTF_8);
    String reply = raw("POST /mcp HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\nAuthorization: Bearer " + weak
        + "\r\nContent-Type: application/json\r\nContent-Type: application/json; charset=IBM037\r\n"
        + "Accept: application/json, text/event-stream\r\nContent-Length: " + body.length
        + "\r\nConnection: close\r\n\r\n", body);
    assertTrue(reply.startsWith("HTTP/1.1 415"), reply);
  }

  // ---- bodies two parsers could read differently -----------------------------------------------

  static Stream<Arguments> ambiguousBodies() {
    String dup = "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"echo\",\"name\":\"add\","
        + "\"arguments\":{\"a\":1,\"b\":2}}}";
    String prefix = "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"";
    return Stream.of(
        Arguments.of("byte order mark", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8(CALL_ADD)), -32700),
        Arguments.of("duplicate keys", utf8(dup), -32700),
        Arguments.of("duplicate top-level method", utf8("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/list\","
            + "\"method\":\"tools/call\",\"params\":{\"name\":\"add\",\"arguments\":{\"a\":1,\"b\":2}}}"), -32700),
        Arguments.of("comment", utf8("/* hi */" + CALL_ADD), -32700),
        Arguments.of("comment inside", utf8(CALL_ADD.replace("\"params\"", "// x\n\"params\"")), -32700),
        Arguments.of("trailing garbage", utf8(CALL_ADD + "xyz"), -32700),
        Arguments.of("second value", utf8(CALL_ADD + CALL_ADD), -32700),
        Arguments.of("overlong '/' in a string", concat(utf8(prefix + "add"),
            new byte[] {(byte) 0xC0, (byte) 0xAF}, utf8("\",\"arguments\":{}}}")), -32700),
        Arguments.of("encoded surrogate", concat(utf8(prefix + "add"),
            new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, utf8("\",\"arguments\":{}}}")), -32700),
        Arguments.of("invalid byte", concat(utf8(prefix + "add"), new byte[] {(byte) 0xFF},
            utf8("\",\"arguments\":{}}}")), -32700),
        Arguments.of("raw NUL", concat(utf8(prefix + "add"), new byte[] {0}, utf8("\",\"arguments\":{}}}")), -32700),
        Arguments.of("NUL after the value", concat(utf8(CALL_ADD), new byte[] {0}), -32700),
        Arguments.of("number beyond double", utf8(CALL_ADD.replace("\"a\":1", "\"a\":1e999")), -32700),
        Arguments.of("batch", utf8("[" + CALL_ADD + "]"), -32600),
        Arguments.of("not an object", utf8("\"tools/call\""), -32600),
        Arguments.of("fractional id", utf8(CALL_ADD.replace("\"id\":3", "\"id\":3.5")), -32600),
        Arguments.of("method not a string", utf8(CALL_ADD.replace("\"method\":\"tools/call\"", "\"method\":[\"x\"]")),
            -32600),
        Arguments.of("wrong version", utf8(CALL_ADD.replace("\"2.0\"", "\"1.0\"")), -32600),
        Arguments.of("empty", new byte[0], -32700));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ambiguousBodies")
  void ambiguousBodiesAreRefusedBeforeAnyCheckOrTheSdk(String name, byte[] body, int code) throws Exception {
    HttpResponse<String> r = post(body, "application/json", auth(weak, weakSession));
    assertEquals(400, r.statusCode(), name + ": " + r.body());
    assertTrue(r.body().startsWith("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":" + code + ","), r.body());
    assertFalse(r.body().contains("result"), r.body());
    HttpTransportTest.assertSafe(r.body());
  }

  @Test
  void escapedNonAsciiStillReachesTheToolIntact() throws Exception {
    String session = initialize(as.token("carol", "echo:use"));
    String text = "h\u00e9llo \u2713 \ud834\udd1e \\u00e9";
    String call = "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"tools/call\",\"params\":{\"name\":\"echo\","
        + "\"arguments\":{\"text\":\"" + text + "\"}}}";
    HttpResponse<String> r = post(utf8(call), "application/json", auth(as.token("carol", "echo:use"), session));
    assertEquals(200, r.statusCode(), r.body());
    // the SDK writes the result as JSON: the tool received exactly what the client sent
    assertTrue(r.body().contains("\"text\":\"h\u00e9llo \u2713 \ud834\udd1e \u00e9\""), r.body());
  }

  // ---- unknown tools ----------------------------------------------------------------------------

  @Test
  void unknownToolIsAnsweredExactlyLikeAForbiddenOne() throws Exception {
    HttpResponse<String> forbidden = post(utf8(CALL_ADD), "application/json", auth(weak, weakSession));
    HttpResponse<String> unknown = post(utf8(CALL_ADD.replace("\"add\"", "\"no_such_tool\"")), "application/json",
        auth(weak, weakSession));
    assertEquals(403, forbidden.statusCode());
    assertEquals(forbidden.statusCode(), unknown.statusCode());
    assertEquals(forbidden.body(), unknown.body());
    for (String header : List.of("WWW-Authenticate", "Content-Type", "Content-Length")) {
      assertEquals(forbidden.headers().allValues(header), unknown.headers().allValues(header), header);
    }
    assertEquals(without(forbidden.headers().map(), "date"), without(unknown.headers().map(), "date"));
    assertFalse(forbidden.headers().firstValue("WWW-Authenticate").orElseThrow().contains("scope=\"math:use\""));
  }

  @Test
  void aCallerHoldingEveryScopeGetsTheSdksUnknownToolError() throws Exception {
    String all = as.token("root", "echo:use math:use admin");
    String session = initialize(all);
    HttpResponse<String> r = post(utf8(CALL_ADD.replace("\"add\"", "\"no_such_tool\"")), "application/json",
        auth(all, session));
    assertEquals(200, r.statusCode(), r.body());
    assertTrue(r.body().contains("\"error\""), r.body());
  }

  // ---- sessions ---------------------------------------------------------------------------------

  @Test
  void aFloodOfInitializeStaysBoundedAndEvictsOnlyTheFloodersOldestSessions() throws Exception {
    String bobToken = as.token("bob", "echo:use");
    String bob = initialize(bobToken);
    String flooder = as.token("mallory", "echo:use");
    List<String> sessions = new ArrayList<>();
    for (int i = 0; i < 70; i++) {
      HttpResponse<String> r = post(utf8(INITIALIZE), "application/json", auth(flooder, null));
      assertEquals(200, r.statusCode(), r.body());
      sessions.add(r.headers().firstValue("Mcp-Session-Id").orElseThrow());
    }
    int live = 0;
    for (int i = 0; i < sessions.size(); i++) {
      int status = post(utf8(LIST), "application/json", auth(flooder, sessions.get(i))).statusCode();
      if (i < 6) {
        assertEquals(404, status, "the oldest sessions beyond the bound are gone: " + i);
      } else {
        assertEquals(200, status, "session " + i);
        live++;
      }
    }
    assertEquals(64, live, "one principal holds at most 64 sessions");
    assertEquals(200, post(utf8(LIST), "application/json", auth(bobToken, bob)).statusCode(),
        "another principal's session is untouched");
  }

  // ---- helpers ----------------------------------------------------------------------------------

  private static Map<String, List<String>> without(Map<String, List<String>> headers, String name) {
    Map<String, List<String>> copy = new LinkedHashMap<>(headers);
    copy.keySet().removeIf(k -> k.equalsIgnoreCase(name));
    return copy;
  }

  private static Map<String, String> auth(String token, String session) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Authorization", "Bearer " + token);
    if (session != null) {
      h.put("Mcp-Session-Id", session);
    }
    return h;
  }

  private static String initialize(String token) throws Exception {
    HttpResponse<String> r = post(utf8(INITIALIZE), "application/json", auth(token, null));
    assertEquals(200, r.statusCode(), r.body());
    String session = r.headers().firstValue("Mcp-Session-Id").orElseThrow();
    assertEquals(202, post(utf8(INITIALIZED), "application/json", auth(token, session)).statusCode());
    return session;
  }

  private static HttpResponse<String> post(byte[] body, String contentType, Map<String, String> headers)
      throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url()))
        .timeout(Duration.ofSeconds(10))
        .header("Content-Type", contentType)
        .header("Accept", "application/json, text/event-stream")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(b::header);
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static String raw(String head, byte[] body) throws IOException {
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      s.setSoTimeout(10_000);
      OutputStream out = s.getOutputStream();
      out.write(head.getBytes(StandardCharsets.ISO_8859_1));
      out.write(body);
      out.flush();
      InputStream in = s.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }
}
