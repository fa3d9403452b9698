package dev.toolwarden.runtime.internal.jsonrpc;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON parser in front of the MCP layer: accepts exactly RFC 8259 JSON text in UTF-8,
 * and turns it into a canonical form that every later reader interprets the same way.
 *
 * <p>Why so strict: a request judged by one parser and executed by another is an authorization
 * bypass waiting to happen (a {@code tools/call} the scope check reads as something else). So
 * everything on which parsers commonly disagree is refused instead of interpreted: bytes that are
 * not UTF-8 (including overlong forms and encoded surrogates), a byte order mark, duplicate member
 * names, comments, trailing content after the value, and numbers whose magnitude no double can
 * hold (such as {@code 1e999}, which one reader keeps exact and another turns into infinity).
 *
 * <p>Numbers are read as the SDK reads them — integers exactly, fractions and exponents as
 * doubles — so the canonical form writes each number back as the very value the SDK would have
 * read from the original ({@code 1.50} becomes {@code 1.5}, a fraction stays a fraction). The
 * canonical form escapes every non-ASCII character, so its bytes read the same in any
 * ASCII-compatible charset.
 */
public final class StrictJson {

  private static final JsonMapper MAPPER = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
      .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
      .build();

  private StrictJson() {}

  /**
   * Parses {@code body} strictly into the plain Java values Jackson's untyped binding gives (maps in member order,
   * lists, strings, {@code Integer}/{@code Long}/{@code BigInteger}, {@code Double}, booleans, null) — the very values
   * the SDK's own untyped read of the canonical bytes gives, so a message built from them is the SDK's message.
   *
   * @throws RejectedBodyException when the bytes are not strict JSON text (see the class comment)
   */
  public static Object parse(byte[] body) throws RejectedBodyException {
    return parseBody(body).value();
  }

  /**
   * A body parsed by {@link #parse}, with what the parse learnt on the way: whether the bytes were all ASCII.
   *
   * @param value the parsed value
   * @param body the bytes parsed
   * @param ascii whether {@code body} is all ASCII
   */
  public record Parsed(Object value, byte[] body, boolean ascii) {

    /**
     * The bytes to hand on to another reader: the body itself when it is ASCII (strict JSON text in ASCII has no
     * encoding to disagree on, and whatever the parse accepted any reader of this Jackson reads as the same values),
     * else the value written compact with every non-ASCII character escaped, member order kept.
     */
    public byte[] canonical() {
      return ascii ? body : MAPPER.writeValueAsBytes(value);
    }
  }

  /** As {@link #parse}, keeping what a caller that hands the bytes on needs ({@link Parsed#canonical()}). */
  public static Parsed parseBody(byte[] body) throws RejectedBodyException {
    Object value;
    boolean ascii = isAscii(body);
    try {
      if (ascii) { // the common case: nothing to decode, nothing a decoder could disagree on
        if (body.length == 0) {
          throw RejectedBodyException.parseError("the body is empty");
        }
        value = MAPPER.readValue(body, Object.class);
      } else {
        String text = decodeUtf8(body);
        if (text.charAt(0) == '\uFEFF') {
          throw RejectedBodyException.parseError("a byte order mark is not allowed");
        }
        value = MAPPER.readValue(text, Object.class);
      }
    } catch (JacksonException e) {
      // Jackson's message quotes the input and names its own classes: never echoed
      throw RejectedBodyException.parseError("the body is not a single strict JSON value");
    }
    checkNumbers(value);
    return new Parsed(value, body, ascii);
  }

  private static boolean isAscii(byte[] body) {
    for (byte b : body) {
      if (b < 0) {
        return false;
      }
    }
    return true;
  }

  private static String decodeUtf8(byte[] body) throws RejectedBodyException {
    try {
      CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body));
      return chars.toString();
    } catch (CharacterCodingException e) {
      throw RejectedBodyException.parseError("the body is not valid UTF-8");
    }
  }

  /** Iterative, so a deeply nested body cannot overflow the stack (Jackson already bounds depth). */
  private static void checkNumbers(Object root) throws RejectedBodyException {
    Deque<Object> pending = new ArrayDeque<>();
    pending.push(root == null ? Boolean.FALSE : root); // ArrayDeque holds no null
    while (!pending.isEmpty()) {
      Object value = pending.pop();
      if (value instanceof Map<?, ?> map) {
        pushAll(pending, map.values());
      } else if (value instanceof List<?> list) {
        pushAll(pending, list);
      } else if (value instanceof Double d && !Double.isFinite(d)) {
        throw RejectedBodyException.parseError("a number is out of range");
      }
    }
  }

  private static void pushAll(Deque<Object> pending, Collection<?> values) {
    for (Object v : values) {
      if (v instanceof Map || v instanceof List || v instanceof Double) { // nothing else can be out of range
        pending.push(v);
      }
    }
  }
}
