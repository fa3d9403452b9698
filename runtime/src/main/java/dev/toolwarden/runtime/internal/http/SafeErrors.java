package dev.toolwarden.runtime.internal.http;

import java.util.List;
import java.util.Map;

/**
 * Minimal JSON-RPC error bodies for HTTP error responses. The SDK's servlet transport
 * serialises its {@code McpError} exception object (stack trace included) and appends
 * {@code e.getMessage()} to some messages; only the known-safe messages below survive, cut to
 * the safe prefix, and anything else becomes a generic text for the status code.
 */
public final class SafeErrors {

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
      "Unknown message type");

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
      default: return status >= 500 ? "Internal error" : "Request failed";
    }
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
    return "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":" + code + ",\"message\":\"" + escape(message) + "\"}}";
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
