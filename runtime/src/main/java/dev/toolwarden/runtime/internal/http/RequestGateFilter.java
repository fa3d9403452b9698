package dev.toolwarden.runtime.internal.http;

import dev.toolwarden.runtime.internal.jsonrpc.JsonRpcBody;
import dev.toolwarden.runtime.internal.jsonrpc.RequestGate;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Without OAuth, answers what the {@link RequestGate} refuses (a subscription to a resource whose scopes the fixed
 * caller lacks) with its JSON-RPC error, as stdio does, before the SDK — which would accept any URI — sees it.
 */
final class RequestGateFilter implements Filter {

  private final RequestGate gate;
  private final McpJsonMapper json;

  RequestGateFilter(RequestGate gate, McpJsonMapper json) {
    this.gate = gate;
    this.json = json;
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    JsonRpcBody body = ParsedBodyRequest.body(req);
    McpSchema.JSONRPCResponse.JSONRPCError refused = body != null
        && body.message() instanceof McpSchema.JSONRPCRequest r ? gate.judge(r) : null;
    if (refused == null) {
      chain.doFilter(req, res);
      return;
    }
    McpSchema.JSONRPCRequest r = (McpSchema.JSONRPCRequest) body.message();
    HttpServletResponse response = (HttpServletResponse) res;
    response.setStatus(200);
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write(json.writeValueAsString(
        new McpSchema.JSONRPCResponse(McpSchema.JSONRPC_VERSION, r.id(), null, refused)));
  }
}
