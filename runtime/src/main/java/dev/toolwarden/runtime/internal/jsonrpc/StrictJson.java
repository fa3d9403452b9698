package dev.toolwarden.runtime.internal.jsonrpc;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
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
   * Parses {@code body} strictly.
   *
   * @throws RejectedBodyException when the bytes are not strict JSON text (see the class comment)
   */
  public static JsonNode parse(byte[] body) throws RejectedBodyException {
    String text = decodeUtf8(body);
    if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
      throw RejectedBodyException.parseError("a byte order mark is not allowed");
    }
    JsonNode tree;
    try {
      tree = MAPPER.readTree(text);
    } catch (JacksonException e) {
      // Jackson's message quotes the input and names its own classes: never echoed
      throw RejectedBodyException.parseError("the body is not a single strict JSON value");
    }
    if (tree == null || tree.isMissingNode()) {
      throw RejectedBodyException.parseError("the body is empty");
    }
    checkNumbers(tree);
    return tree;
  }

  /** The canonical bytes of {@code tree}: compact, ASCII only, member order kept. */
  public static byte[] canonical(JsonNode tree) {
    return MAPPER.writeValueAsBytes(tree);
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
  private static void checkNumbers(JsonNode root) throws RejectedBodyException {
    Deque<JsonNode> pending = new ArrayDeque<>();
    pending.push(root);
    while (!pending.isEmpty()) {
      JsonNode node = pending.pop();
      if (node.isContainer()) {
        for (JsonNode child : node.values()) {
          pending.push(child);
        }
      } else if (node.isFloatingPointNumber() && !Double.isFinite(node.doubleValue())) {
        throw RejectedBodyException.parseError("a number is out of range");
      }
    }
  }
}
