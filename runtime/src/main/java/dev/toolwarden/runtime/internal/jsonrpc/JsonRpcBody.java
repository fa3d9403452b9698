package dev.toolwarden.runtime.internal.jsonrpc;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;

/**
 * One HTTP request body, parsed once: the JSON-RPC message every filter judges, and the canonical
 * bytes the SDK is handed instead of what the client sent.
 *
 * <p>The message is what the SDK's own {@link McpSchema#deserializeJsonRpcMessage} makes of the
 * canonical text, with the SDK's mapper; the SDK later runs that same function on those same
 * bytes, so what the filters judged is, by construction, what the SDK executes.
 *
 * @param message the message, as the SDK will see it
 * @param canonical the body handed on to the SDK (ASCII, UTF-8 compatible)
 */
public record JsonRpcBody(McpSchema.JSONRPCMessage message, byte[] canonical) {

  /**
   * Parses a request body: strict JSON (see {@link StrictJson}), then exactly one JSON-RPC 2.0
   * message object (batches were removed from MCP in 2025-06-18 and the SDK cannot read them).
   *
   * @throws RejectedBodyException with -32700 or -32600 and a message for the client
   */
  public static JsonRpcBody parse(byte[] body, McpJsonMapper json) throws RejectedBodyException {
    JsonNode tree = StrictJson.parse(body);
    if (tree.isArray()) {
      throw RejectedBodyException.invalidRequest("batches are not supported");
    }
    if (!tree.isObject()) {
      throw RejectedBodyException.invalidRequest("the body must be a JSON-RPC message object");
    }
    JsonNode version = tree.get("jsonrpc");
    if (version == null || !version.isString() || !McpSchema.JSONRPC_VERSION.equals(version.asString())) {
      throw RejectedBodyException.invalidRequest("jsonrpc must be 2.0");
    }
    JsonNode method = tree.get("method");
    if (method != null && !method.isString()) {
      throw RejectedBodyException.invalidRequest("method must be a string");
    }
    JsonNode id = tree.get("id");
    if (id != null && !(id.isString() || id.canConvertToLong() && id.isIntegralNumber())) {
      // a fractional, huge or null id would be echoed back differently by different readers
      throw RejectedBodyException.invalidRequest("id must be a string or an integer");
    }
    byte[] canonical = StrictJson.canonical(tree);
    McpSchema.JSONRPCMessage message;
    try {
      message = McpSchema.deserializeJsonRpcMessage(json, new String(canonical, StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException e) {
      throw RejectedBodyException.invalidRequest("not a JSON-RPC request, notification or response");
    }
    return new JsonRpcBody(message, canonical);
  }

  /** The request's method, or null for a response. */
  public String method() {
    if (message instanceof McpSchema.JSONRPCRequest r) {
      return r.method();
    }
    return message instanceof McpSchema.JSONRPCNotification n ? n.method() : null;
  }
}
