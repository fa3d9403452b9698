package dev.toolwarden.runtime.internal.protocol2026;

import io.modelcontextprotocol.spec.McpSchema;

/**
 * A modern request refused with a JSON-RPC error: the code, a message that is ours (never a library's or an
 * exception's text) and the optional {@code data}; {@link #httpStatus()} is what the Streamable HTTP binding asks for.
 */
public final class ModernException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int code;
  private final transient Object data;

  /** A refusal with {@code code}, {@code message} and {@code data} (or null). */
  public ModernException(int code, String message, Object data) {
    super(message, null, false, false);
    this.code = code;
    this.data = data;
  }

  /** -32602 Invalid params. */
  static ModernException invalidParams(String message) {
    return new ModernException(McpSchema.ErrorCodes.INVALID_PARAMS, message, null);
  }

  /** -32020 HeaderMismatch. */
  static ModernException headerMismatch(String message) {
    return new ModernException(Revision.HEADER_MISMATCH, "Header mismatch: " + message, null);
  }

  /** The JSON-RPC error code. */
  public int code() {
    return code;
  }

  /** The error's {@code data}, or null. */
  public Object data() {
    return data;
  }

  /**
   * The HTTP status of this error: 404 for an unknown method (so a client tells a modern server from a legacy one),
   * 400 for a malformed request, a header mismatch, an unsupported version or a missing capability, 200 otherwise
   * (a JSON-RPC error about the call itself).
   */
  public int httpStatus() {
    if (code == McpSchema.ErrorCodes.METHOD_NOT_FOUND) {
      return 404;
    }
    if (code == McpSchema.ErrorCodes.INVALID_PARAMS || code == Revision.HEADER_MISMATCH || code == Revision.UNSUPPORTED_PROTOCOL_VERSION
        || code == Revision.MISSING_REQUIRED_CLIENT_CAPABILITY) {
      return 400;
    }
    return 200;
  }
}
