package dev.toolwarden.runtime.internal.http;

import dev.toolwarden.runtime.internal.jsonrpc.JsonRpcBody;
import dev.toolwarden.runtime.internal.jsonrpc.ParamsCheck;
import dev.toolwarden.runtime.internal.protocol2026.Era;
import dev.toolwarden.runtime.internal.protocol2026.Revision;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Answers a request whose {@code params} do not fit its method with JSON-RPC -32602 before the
 * SDK sees it (the SDK 2.1.0 servlet would answer an empty event stream, leaving the client
 * waiting). Judges the message {@link JsonRpcBodyFilter} parsed: the body is never read again.
 */
final class ParamsCheckFilter implements Filter {

  private final McpJsonMapper json;

  ParamsCheckFilter(McpJsonMapper json) {
    this.json = json;
  }

  private String problem(McpSchema.JSONRPCRequest r, String versionHeader) {
    String problem = ParamsCheck.problem(json, r);
    return problem != null || Era.isModern(r, versionHeader) ? problem : ParamsCheck.sdkProblem(r);
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    JsonRpcBody body = ParsedBodyRequest.body(req);
    String problem = body != null && body.message() instanceof McpSchema.JSONRPCRequest r
        ? problem(r, ((HttpServletRequest) req).getHeader(Revision.HEADER_PROTOCOL_VERSION)) : null;
    if (problem == null) {
      chain.doFilter(req, res);
      return;
    }
    McpSchema.JSONRPCRequest r = (McpSchema.JSONRPCRequest) body.message();
    HttpServletResponse response = (HttpServletResponse) res;
    response.setStatus(200);
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write(json.writeValueAsString(new McpSchema.JSONRPCResponse(McpSchema.JSONRPC_VERSION,
        r.id(), null, new McpSchema.JSONRPCResponse.JSONRPCError(ParamsCheck.INVALID_PARAMS, problem, null))));
  }
}
