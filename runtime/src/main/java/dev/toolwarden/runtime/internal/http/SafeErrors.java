package dev.toolwarden.runtime.internal.http;

import dev.toolwarden.runtime.internal.jsonrpc.JsonRpcBody;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.servlet.ServletRequest;
import java.util.List;
import java.util.Map;

/**
 * Minimal JSON-RPC error bodies for HTTP error responses. The SDK's servlet transport
 * serialises its {@code McpError} exception object (stack trace included) and appends
 * {@code e.getMessage()} to some messages; only the known-safe messages below survive, cut to
 * the safe prefix, and anything else becomes a generic text for the status code.
 */
public final class SafeErrors {

  /** How the SDK's message for a JSON-RPC response that answers no pending request begins (then the id). */
  static final String UNEXPECTED_RESPONSE = "Error processing message: Unexpected response for unknown id";

  /** Messages the SDK (or Jetty) produces that carry nothing internal; kept as prefixes. */
  private static final List<String> SAFE = List.of(
      "Invalid message format",
      "Session not found",
      "Session ID required in mcp-session-id header",
      "text/event-stream required in Accept header",
      "application/json required in Accept header",
      "Unsupported Media Type: Content-Type must be application/json",
      "Server is shutting down",
      "Invalid Origin header",
      "Invalid Host header",
      "Unknown message type",
      UNEXPECTED_RESPONSE);

  /**
   * The JSON-RPC code of a 404 for an unknown or expired session: the MCP specification fixes the
   * status (404, "start a new session") but no code; this is the one the reference TypeScript SDK
   * sends, so clients that look at the code see the same on every server.
   */
  static final int SESSION_NOT_FOUND = -32001;

  /** The message of that 404. */
  static final String SESSION_NOT_FOUND_MESSAGE = "Session not found";

  /** How the SDK's messages for an {@code Accept} header that lacks a required type end. */
  private static final String ACCEPT_REQUIRED = "required in Accept header";

  /** How the SDK's (and our) message for a missing {@code Mcp-Session-Id} begins. */
  static final String SESSION_REQUIRED_PREFIX = "Session ID required";

  private SafeErrors() {}

  /** The safe message for an error response, given what the SDK wanted to say. */
  static String message(int status, String original) {
    if (original != null) {
      // the SDK joins several header requirements with "; "
      StringBuilder kept = new StringBuilder();
      for (String part : original.split("; ")) {
        String safe = safePrefix(part);
        if (safe == null) {
          kept.setLength(0);
          break;
        }
        if (kept.length() > 0) {
          kept.append("; ");
        }
        kept.append(safe);
      }
      if (kept.length() > 0) {
        return kept.toString();
      }
    }
    return generic(status);
  }

  private static String safePrefix(String part) {
    for (String s : SAFE) {
      if (part.startsWith(s)) {
        return s;
      }
    }
    return null;
  }

  /**
   * The status a rewritten error leaves with: the SDK answers an {@code Accept} header without the types MCP requires
   * with 400 (its code: -32601, "method not found"), where HTTP's answer is 406; and a client's JSON-RPC response that
   * answers no pending request (a late answer to a timed-out request) with 500, a server fault for the client's own
   * mistake, where the specification asks for an HTTP error such as 400. Otherwise the SDK's status.
   */
  static int status(int status, String safeMessage) {
    if (status == 400 && isAcceptRequirement(safeMessage)) {
      return 406;
    }
    if (status == 500 && UNEXPECTED_RESPONSE.equals(safeMessage)) {
      return 400;
    }
    return status;
  }

  private static boolean isAcceptRequirement(String safeMessage) {
    return safeMessage != null && safeMessage.endsWith(ACCEPT_REQUIRED);
  }

  static String generic(int status) {
    switch (status) {
      case 400: return "Bad request";
      case 401: return "Unauthorized";
      case 403: return "Forbidden";
      case 404: return "Not found";
      case 405: return "Method not allowed";
      case 406: return "Not acceptable";
      case 408: return "Request timeout";
      case 413: return "Request body too large";
      case 414: return "URI too long";
      case 415: return "Unsupported media type";
      case 421: return "Misdirected request";
      case 429: return "Too many requests";
      case 431: return "Request header fields too large";
      case 503: return "Service unavailable";
      case 505: return "HTTP version not supported";
      default: return status >= 500 ? "Internal error" : "Request failed";
    }
  }

  /**
   * The JSON-RPC error code for a rewritten body ({@code status} as {@link #status} made it): {@value
   * #SESSION_NOT_FOUND} for an unknown session and -32600 (invalid request) for a missing one, for an unacceptable
   * {@code Accept} and for a response to no request, whatever the SDK said (it answers -32603 and -32601); else the
   * SDK's code when it is a JSON-RPC code, else one by status.
   */
  static int code(int status, Object original, String safeMessage) {
    if (status == 404 && SESSION_NOT_FOUND_MESSAGE.equals(safeMessage)) {
      return SESSION_NOT_FOUND;
    }
    if (status == 400 && safeMessage != null && safeMessage.startsWith(SESSION_REQUIRED_PREFIX)) {
      return -32600;
    }
    if (status == 406 && isAcceptRequirement(safeMessage)
        || status == 400 && UNEXPECTED_RESPONSE.equals(safeMessage)) {
      return -32600; // the SDK's -32601 and -32603 name a missing method and a server fault: neither happened
    }
    return code(status, original);
  }

  /** The JSON-RPC error code: the SDK's when it is a JSON-RPC code, else one by status. */
  static int code(int status, Object original) {
    if (original instanceof Number n) {
      int c = n.intValue();
      if (c <= -32000 && c >= -32768) {
        return c;
      }
    }
    return status >= 500 ? -32603 : -32600;
  }

  /** {@code {"jsonrpc":"2.0","id":null,"error":{"code":…,"message":…}}}; the message is one of ours. */
  static String body(int code, String message) {
    return body(null, code, message);
  }

  /**
   * {@code {"jsonrpc":"2.0","id":…,"error":{"code":…,"message":…}}}: {@code id} is the refused
   * request's (a string or an integer, as {@link dev.toolwarden.runtime.internal.jsonrpc.JsonRpcBody}
   * admits them), or null when the request could not be read or was not a request.
   */
  static String body(Object id, int code, String message) {
    return "{\"jsonrpc\":\"2.0\",\"id\":" + idJson(id) + ",\"error\":{\"code\":" + code
        + ",\"message\":\"" + escape(message) + "\"}}";
  }

  /** The id of the JSON-RPC request {@code request} carries, once its body was parsed; else null. */
  static Object requestId(ServletRequest request) {
    JsonRpcBody body = ParsedBodyRequest.body(request);
    return body != null && body.message() instanceof McpSchema.JSONRPCRequest r ? r.id() : null;
  }

  private static String idJson(Object id) {
    if (id instanceof String s) {
      return "\"" + escape(s) + "\"";
    }
    if (id instanceof Integer || id instanceof Long || id instanceof Short || id instanceof Byte
        || id instanceof java.math.BigInteger) {
      return id.toString();
    }
    return "null"; // JsonRpcBody admits nothing else; never echo an unexpected type
  }

  /** Reads the code and message out of whatever JSON the SDK wrote (its McpError or a JSON-RPC error). */
  @SuppressWarnings("unchecked")
  static Object[] codeAndMessage(Object parsed) {
    if (!(parsed instanceof Map<?, ?> m)) {
      return new Object[] {null, null};
    }
    Object inner = m.get("jsonRpcError");
    if (!(inner instanceof Map)) {
      inner = m.get("error");
    }
    if (inner instanceof Map<?, ?> e) {
      Object msg = e.get("message");
      return new Object[] {e.get("code"), msg instanceof String ? msg : null};
    }
    Object msg = m.get("message");
    return new Object[] {null, msg instanceof String ? msg : null};
  }

  private static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (c < 0x20) {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }
}
