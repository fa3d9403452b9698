package dev.toolwarden.runtime.internal.http;

import dev.toolwarden.runtime.internal.jsonrpc.JsonRpcBody;
import dev.toolwarden.runtime.internal.protocol2026.Era;
import dev.toolwarden.runtime.internal.protocol2026.HeaderChecks;
import dev.toolwarden.runtime.internal.protocol2026.ModernException;
import dev.toolwarden.runtime.internal.protocol2026.Revision;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/**
 * What the scope filters read of an MCP 2026-07-28 request: the tool, prompt or resource named by its {@code
 * Mcp-Name} header — but only once {@link HeaderChecks} proved every mirrored header equal to the body, which is what
 * runs. A modern request whose headers disagree with its body is refused 400 -32020 here, before any scope decision,
 * so a header can never steer the step-up away from what the body calls.
 */
final class ModernStepUp {

  private ModernStepUp() {}

  /**
   * For a modern {@code request}: writes the header-mismatch refusal and returns true when its headers disagree with
   * its body; false (nothing written) otherwise, and for every legacy request.
   */
  static boolean refuseMismatch(HttpServletRequest request, HttpServletResponse response, JsonRpcBody body)
      throws IOException {
    if (!(body.message() instanceof McpSchema.JSONRPCRequest rpc)
        || !Era.isModern(rpc, request.getHeader(Revision.HEADER_PROTOCOL_VERSION))) {
      return false;
    }
    ModernException mismatch = HeaderChecks.check(rpc, ModernEraFilter.headers(request));
    if (mismatch == null) {
      return false;
    }
    Refusal.of(400, mismatch.code(), mismatch.getMessage()).writeTo(response);
    return true;
  }

  /**
   * The name the step-up judges: the decoded {@code Mcp-Name} of a modern request that passed {@link
   * #refuseMismatch} (so it equals the body's {@code field}), else the body's {@code field}; null when the body's is
   * not a string (the params check answers that).
   */
  static String name(HttpServletRequest request, Map<?, ?> params, String field) {
    if (!(params.get(field) instanceof String fromBody)) {
      return null;
    }
    String fromHeader = request.getHeader(Revision.HEADER_NAME) == null ? null
        : HeaderChecks.name(ModernEraFilter.headers(request));
    return fromHeader != null && fromHeader.equals(fromBody) ? fromHeader : fromBody;
  }
}
