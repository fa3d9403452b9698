package dev.toolwarden.runtime.internal.http;

import dev.toolwarden.runtime.internal.jsonrpc.JsonRpcBody;
import dev.toolwarden.runtime.internal.pipeline.Cancellations;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Map;

/**
 * Hands a 2025-11-25 session's {@code notifications/cancelled} to the call it names ({@link Cancellations}), which
 * the SDK does not do (java-sdk#130), then lets the SDK have it as before. After the session guard, so only the
 * session's owner reaches here with its session id.
 */
final class LegacyCancelFilter implements Filter {

  private static final String CANCELLED = "notifications/cancelled";

  private final Cancellations cancellations;

  LegacyCancelFilter(Cancellations cancellations) {
    this.cancellations = cancellations;
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
    JsonRpcBody body = ParsedBodyRequest.body((HttpServletRequest) req);
    if (body != null && body.message() instanceof McpSchema.JSONRPCNotification n && CANCELLED.equals(n.method())
        && n.params() instanceof Map<?, ?> p) {
      cancellations.cancel(((HttpServletRequest) req).getHeader("Mcp-Session-Id"), p.get("requestId"));
    }
    chain.doFilter(req, res);
  }
}
