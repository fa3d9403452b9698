package dev.toolwarden.runtime.internal.jsonrpc;

/**
 * A request body refused before the MCP layer, with the JSON-RPC error to answer: -32700 when the
 * bytes are not strict JSON text, -32600 when the JSON is not one JSON-RPC message. The message
 * names only what the client sent wrong, never what a parser said.
 */
public final class RejectedBodyException extends Exception {

  /** JSON-RPC's code for a body that is not JSON. */
  public static final int PARSE_ERROR = -32700;
  /** JSON-RPC's code for JSON that is not a valid request object. */
  public static final int INVALID_REQUEST = -32600;

  private static final long serialVersionUID = 1L;

  private final int code;

  private RejectedBodyException(int code, String message) {
    super(message, null, false, false); // no stack trace: this is an answer, not a failure
    this.code = code;
  }

  static RejectedBodyException parseError(String detail) {
    return new RejectedBodyException(PARSE_ERROR, "Parse error: " + detail);
  }

  static RejectedBodyException invalidRequest(String detail) {
    return new RejectedBodyException(INVALID_REQUEST, "Invalid message format: " + detail);
  }

  /** The JSON-RPC error code to answer with. */
  public int code() {
    return code;
  }
}
