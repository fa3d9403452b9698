package dev.toolwarden.runtime.internal.jsonrpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one parse of a request body: strict, and canonical bytes that mean what was judged. */
class JsonRpcBodyTest {

  private static final McpJsonMapper JSON = McpJsonDefaults.getMapper();

  @Test
  void canonicalBytesAreAsciiAndKeepOrderAndValues() throws Exception {
    JsonRpcBody body = parse("{ \"jsonrpc\" : \"2.0\", \"id\" : 7, \"method\" : \"tools/call\", \"params\" : "
        + "{\"name\":\"echo\",\"arguments\":{\"text\":\"h\u00e9 \ud834\udd1e\",\"n\":1.50,\"big\":123456789012345678901234567890}}}");
    String canonical = new String(body.canonical(), StandardCharsets.US_ASCII);
    assertEquals("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":\"echo\",\"arguments\":"
        + "{\"text\":\"h\\u00E9 \\uD834\\uDD1E\",\"n\":1.5,\"big\":123456789012345678901234567890}}}", canonical);
    McpSchema.JSONRPCRequest request = assertInstanceOf(McpSchema.JSONRPCRequest.class, body.message());
    assertEquals("tools/call", body.method());
    assertEquals("h\u00e9 \ud834\udd1e", ((Map<?, ?>) ((Map<?, ?>) request.params()).get("arguments")).get("text"));
  }

  @Test
  void asciiBodiesGoOnAsSentAndMeanWhatWasJudged() throws Exception {
    String text = "{ \"jsonrpc\":\"2.0\",\n\t\"id\":\"a\", \"method\":\"tools/call\",\"params\":{\"name\":\"e\\u00e9\","
        + "\"arguments\":{\"n\":1.50e0}}}";
    byte[] sent = text.getBytes(StandardCharsets.US_ASCII);
    JsonRpcBody body = JsonRpcBody.parse(sent, JSON);
    assertSame(sent, body.canonical());
    assertEquals(McpSchema.deserializeJsonRpcMessage(JSON, text), body.message());
    assertEquals("e\u00e9", ((Map<?, ?>) ((McpSchema.JSONRPCRequest) body.message()).params()).get("name"));
  }

  @Test
  void notificationsAndResponsesAreMessagesToo() throws Exception {
    assertInstanceOf(McpSchema.JSONRPCNotification.class,
        parse("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}").message());
    JsonRpcBody response = parse("{\"jsonrpc\":\"2.0\",\"id\":\"s-1\",\"result\":{}}");
    assertInstanceOf(McpSchema.JSONRPCResponse.class, response.message());
    assertEquals(null, response.method());
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"m\",\"id\":2}", "{\"a\":1} {}", "{\"a\":1}x",
      "{/*c*/\"jsonrpc\":\"2.0\"}", "{'jsonrpc':'2.0'}", "{\"jsonrpc\":\"2.0\",}", "", "   ", "{\"n\":NaN}",
      "{\"n\":1e999}", "{\"n\":-1e400}", "{\"n\":[[[1E+99999]]]}", "{\"n\":01}"})
  void notStrictJsonIsAParseError(String text) {
    RejectedBodyException e = assertThrows(RejectedBodyException.class, () -> parse(text));
    assertEquals(RejectedBodyException.PARSE_ERROR, e.code(), text);
    assertTrue(e.getMessage().startsWith("Parse error: "), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"[]", "[{\"jsonrpc\":\"2.0\",\"method\":\"m\"}]", "1", "\"x\"", "null", "{}",
      "{\"jsonrpc\":2.0,\"method\":\"m\"}", "{\"jsonrpc\":\"2.0\",\"method\":1}", "{\"jsonrpc\":\"2.0\",\"id\":null,\"method\":\"m\"}",
      "{\"jsonrpc\":\"2.0\",\"id\":1.0,\"method\":\"m\"}", "{\"jsonrpc\":\"2.0\",\"id\":99999999999999999999,\"method\":\"m\"}",
      "{\"jsonrpc\":\"2.0\",\"id\":1}", "{\"jsonrpc\":\"2.0\",\"id\":{},\"method\":\"m\"}"})
  void jsonThatIsNotOneMessageIsAnInvalidRequest(String text) {
    RejectedBodyException e = assertThrows(RejectedBodyException.class, () -> parse(text));
    assertEquals(RejectedBodyException.INVALID_REQUEST, e.code(), text);
    assertTrue(e.getMessage().startsWith("Invalid message format: "), e.getMessage());
  }

  @Test
  void deepNestingIsRefusedWithoutBlowingTheStack() {
    String deep = "{\"jsonrpc\":\"2.0\",\"method\":\"m\",\"params\":{\"a\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}}";
    assertEquals(RejectedBodyException.PARSE_ERROR, assertThrows(RejectedBodyException.class, () -> parse(deep)).code());
  }

  @Test
  void malformedUtf8IsAParseErrorNotAReplacementCharacter() {
    byte[][] bad = {{(byte) 0xC0, (byte) 0xAF}, {(byte) 0xE0, (byte) 0x80, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
        {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xFF}, {(byte) 0xC3}};
    for (byte[] b : bad) {
      byte[] body = concat("{\"jsonrpc\":\"2.0\",\"method\":\"m\",\"params\":{\"s\":\"", b, "\"}}");
      RejectedBodyException e = assertThrows(RejectedBodyException.class, () -> JsonRpcBody.parse(body, JSON));
      assertEquals("Parse error: the body is not valid UTF-8", e.getMessage());
    }
  }

  /**
   * For every body the strict parser accepts, the SDK reading the canonical bytes sees exactly the
   * message the SDK reading the original bytes (as UTF-8) would have seen: canonicalisation never
   * changes what a request means. Random messages from a printed seed.
   */
  @Test
  void canonicalFormMeansWhatTheOriginalMeant() throws Exception {
    long seed = new Random().nextLong();
    Random random = new Random(seed);
    int refused = 0;
    for (int i = 0; i < 3_000; i++) {
      String text = switch (random.nextInt(3)) { // a request, a notification or a response
        case 0 -> "{\"jsonrpc\":\"2.0\",\"id\":" + random.nextInt(1000) + ",\"method\":" + string(random)
            + ",\"params\":" + value(random, 3) + "}";
        case 1 -> "{\"jsonrpc\":\"2.0\",\"method\":" + string(random) + ",\"params\":" + value(random, 3) + "}";
        default -> "{\"jsonrpc\":\"2.0\",\"id\":" + string(random) + ",\"result\":" + value(random, 3) + "}";
      };
      McpSchema.JSONRPCMessage original;
      try {
        original = McpSchema.deserializeJsonRpcMessage(JSON, text);
      } catch (RuntimeException sdkRefused) { // e.g. a response whose result is null: refused by both
        RejectedBodyException e = assertThrows(RejectedBodyException.class,
            () -> JsonRpcBody.parse(text.getBytes(StandardCharsets.UTF_8), JSON), "seed " + seed + ", body " + text);
        assertEquals(RejectedBodyException.INVALID_REQUEST, e.code());
        refused++;
        continue;
      }
      if (ControlCharacters.inIdOrMethod(JSON.readValue(text, java.util.Map.class))) {
        // refused on purpose (the SDK would log such an id or method unescaped): ControlCharacters
        RejectedBodyException e = assertThrows(RejectedBodyException.class,
            () -> JsonRpcBody.parse(text.getBytes(StandardCharsets.UTF_8), JSON), "seed " + seed + ", body " + text);
        assertEquals(RejectedBodyException.INVALID_REQUEST, e.code());
        continue;
      }
      JsonRpcBody body = JsonRpcBody.parse(text.getBytes(StandardCharsets.UTF_8), JSON);
      assertEquals(original, body.message(), "seed " + seed + ", body " + text);
      // and it is the message the SDK itself makes of the canonical bytes it is handed
      assertEquals(McpSchema.deserializeJsonRpcMessage(JSON, new String(body.canonical(), StandardCharsets.US_ASCII)),
          body.message(), "seed " + seed + ", body " + text);
      for (byte b : body.canonical()) {
        assertTrue(b >= 0, "seed " + seed + ": the bytes handed on are ASCII");
      }
    }
    assertTrue(refused < 500, "seed " + seed + ": most random messages are valid (" + refused + " refused)");
  }

  private static final String[] TRICKY_NUMBERS = {"-0", "-0.0", "1.50", "1e5", "1E+5", "1e-400", "0.1e1",
      "123456789012345678901234567890", "-9223372036854775809", "9223372036854775807", "1.7976931348623157e308",
      "4.9e-324", "2.9094059779570804E16", "100000000000000000000.0"};

  private static String value(Random r, int depth) {
    int kind = r.nextInt(depth <= 0 ? 5 : 7);
    return switch (kind) {
      case 0 -> string(r);
      case 1 -> Long.toString(r.nextLong() >> r.nextInt(64));
      case 2 -> Double.toString((r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(40) - 20));
      case 3 -> TRICKY_NUMBERS[r.nextInt(TRICKY_NUMBERS.length)];
      case 4 -> r.nextBoolean() ? "null" : r.nextBoolean() ? "true" : "false";
      case 5 -> {
        StringBuilder b = new StringBuilder("[");
        for (int i = r.nextInt(4); i > 0; i--) {
          b.append(value(r, depth - 1)).append(i > 1 ? "," : "");
        }
        yield b.append(']').toString();
      }
      default -> {
        StringBuilder b = new StringBuilder("{");
        int n = r.nextInt(4);
        for (int i = 0; i < n; i++) {
          b.append("\"k").append(i).append("\":").append(value(r, depth - 1)).append(i < n - 1 ? "," : "");
        }
        yield b.append('}').toString();
      }
    };
  }

  /** A JSON string of random code points (escaped or raw, BMP and beyond). */
  private static String string(Random r) {
    StringBuilder b = new StringBuilder("\"");
    for (int i = r.nextInt(8); i > 0; i--) {
      int cp = switch (r.nextInt(4)) {
        case 0 -> 0x20 + r.nextInt(0x5f);
        case 1 -> 0xa0 + r.nextInt(0xd700 - 0xa0);
        case 2 -> 0x10000 + r.nextInt(0x100000);
        default -> r.nextInt(0x20);
      };
      if (cp == '"' || cp == '\\' || cp < 0x20) {
        b.append(String.format("\\u%04x", cp));
      } else {
        b.appendCodePoint(cp);
      }
    }
    return b.append('"').toString();
  }

  private static JsonRpcBody parse(String text) throws RejectedBodyException {
    return JsonRpcBody.parse(text.getBytes(StandardCharsets.UTF_8), JSON);
  }

  private static byte[] concat(String head, byte[] middle, String tail) {
    byte[] h = head.getBytes(StandardCharsets.UTF_8);
    byte[] t = tail.getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[h.length + middle.length + t.length];
    System.arraycopy(h, 0, out, 0, h.length);
    System.arraycopy(middle, 0, out, h.length, middle.length);
    System.arraycopy(t, 0, out, h.length + middle.length, t.length);
    return out;
  }
}
