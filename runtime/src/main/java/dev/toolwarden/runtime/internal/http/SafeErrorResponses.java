package dev.toolwarden.runtime.internal.http;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Writes a minimal JSON-RPC error response whose message is one of ours. */
public final class SafeErrorResponses {

  private SafeErrorResponses() {}

  static void write(HttpServletResponse response, int status, String message) throws IOException {
    if (response.isCommitted()) {
      return;
    }
    byte[] body = SafeErrors.body(SafeErrors.code(status, null), message == null ? SafeErrors.generic(status) : message)
        .getBytes(StandardCharsets.UTF_8);
    response.setStatus(status);
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
