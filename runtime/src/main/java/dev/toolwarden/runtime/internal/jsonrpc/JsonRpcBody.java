package dev.toolwarden.runtime.internal.jsonrpc;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;

/**
 * One HTTP request body, parsed once: the JSON-RPC message every filter judges, and the canonical
 * bytes the SDK is handed instead of what the client sent.
 *
 * <p>The message is what the SDK's own {@link McpSchema#deserializeJsonRpcMessage} makes of the
 * canonical text: the strict parse gives the same plain values the SDK's untyped read of that text
 * gives, and {@link #message(Map, McpJsonMapper)} sorts and binds them as that function does, with
 * the SDK's mapper — without printing and reading the text a second time. The SDK later runs its
 * function on those same bytes, so what the filters judged is what the SDK executes ({@code
 * JsonRpcBodyTest} compares the two on random messages).
 *
 * @param message the message, as the SDK will see it
 * @param canonical the body handed on to the SDK, always ASCII: the client's bytes when they are ASCII, else their
 *     re-serialisation with every non-ASCII character escaped
 * @param members the parsed body object the message was bound from (the values the SDK's untyped read of the
 *     canonical text gives); never modified
 */
public record JsonRpcBody(McpSchema.JSONRPCMessage message, byte[] canonical, Map<?, ?> members) {

  /**
   * Parses a request body: strict JSON (see {@link StrictJson}), then exactly one JSON-RPC 2.0
   * message object (batches were removed from MCP in 2025-06-18 and the SDK cannot read them).
   *
   * @throws RejectedBodyException with -32700 or -32600 and a message for the client
   */
  public static JsonRpcBody parse(byte[] body, McpJsonMapper json) throws RejectedBodyException {
    StrictJson.Parsed parsed = StrictJson.parseBody(body);
    Object value = parsed.value();
    if (value instanceof List) {
      throw RejectedBodyException.invalidRequest("batches are not supported");
    }
    if (!(value instanceof Map<?, ?> tree)) {
      throw RejectedBodyException.invalidRequest("the body must be a JSON-RPC message object");
    }
    if (!McpSchema.JSONRPC_VERSION.equals(tree.get("jsonrpc"))) {
      throw RejectedBodyException.invalidRequest("jsonrpc must be 2.0");
    }
    Object method = tree.get("method");
    if (method != null && !(method instanceof String)) {
      throw RejectedBodyException.invalidRequest("method must be a string");
    }
    Object id = tree.get("id");
    if (tree.containsKey("id") && !(id instanceof String || id instanceof Integer || id instanceof Long)) {
      // a fractional, huge or null id would be echoed back differently by different readers
      throw RejectedBodyException.invalidRequest("id must be a string or an integer");
    }
    if (ControlCharacters.inIdOrMethod(tree)) {
      throw RejectedBodyException.invalidRequest("id and method must not contain control characters");
    }
    // ASCII text goes on as sent (nothing to re-encode, and printing the tree again cost as much as the parse)
    byte[] canonical = parsed.canonical();
    McpSchema.JSONRPCMessage message;
    try {
      message = message(tree, json);
    } catch (RuntimeException e) {
      throw RejectedBodyException.invalidRequest("not a JSON-RPC request, notification or response");
    }
    return new JsonRpcBody(message, canonical, tree);
  }

  /**
   * The kind {@link McpSchema#deserializeJsonRpcMessage} picks for these members, as the SDK's mapper binds it. A
   * request or notification is built with its record's own constructor from the members {@link #parse} checked —
   * what the mapper's binding does too (the records ignore unknown members and take {@code id} and {@code params}
   * as the untyped values the members already are), without a round trip through a token buffer; a response,
   * rare on this path, is bound by the mapper.
   */
  private static McpSchema.JSONRPCMessage message(Map<?, ?> members, McpJsonMapper json) {
    boolean method = members.containsKey("method");
    boolean id = members.containsKey("id");
    if (method && id) {
      return new McpSchema.JSONRPCRequest((String) members.get("jsonrpc"), (String) members.get("method"),
          members.get("id"), members.get("params"));
    }
    if (method) {
      return new McpSchema.JSONRPCNotification((String) members.get("jsonrpc"), (String) members.get("method"),
          members.get("params"));
    }
    if (members.containsKey("result") || members.containsKey("error")) {
      return json.convertValue(members, McpSchema.JSONRPCResponse.class);
    }
    throw new IllegalArgumentException("neither request, notification nor response");
  }

  /** Whether {@code text} is exactly the bytes handed to the SDK, read as the ASCII they are. */
  public boolean isCanonicalText(String text) {
    if (text.length() != canonical.length) {
      return false;
    }
    for (int i = 0; i < canonical.length; i++) {
      if (text.charAt(i) != canonical[i]) {
        return false;
      }
    }
    return true;
  }

  /** The request's method, or null for a response. */
  public String method() {
    if (message instanceof McpSchema.JSONRPCRequest r) {
      return r.method();
    }
    return message instanceof McpSchema.JSONRPCNotification n ? n.method() : null;
  }
}
