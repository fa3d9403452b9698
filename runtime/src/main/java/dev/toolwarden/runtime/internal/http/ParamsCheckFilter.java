package dev.toolwarden.runtime.internal.http;

import dev.toolwarden.runtime.internal.jsonrpc.ParamsCheck;
import dev.toolwarden.runtime.internal.telemetry.TransportMetadata;
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
import java.nio.charset.StandardCharsets;

/**
 * Answers a request whose {@code params} do not fit its method with JSON-RPC -32602 before the
 * SDK sees it (the SDK 2.1.0 servlet would answer an empty event stream, leaving the client
 * waiting). The body is read once, bounded, and replayed to the servlet.
 */
public final class ParamsCheckFilter implements Filter {

  private final McpJsonMapper json;
  private final int maxBodyBytes;

  ParamsCheckFilter(McpJsonMapper json, int maxBodyBytes) {
    this.json = json;
    this.maxBodyBytes = maxBodyBytes;
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) req;
    if (!"POST".equals(request.getMethod()) || request.getContentLengthLong() > maxBodyBytes) {
      chain.doFilter(req, res); // the transport answers oversized bodies with 413
      return;
    }
    BufferedBodyRequest buffered = request instanceof BufferedBodyRequest b ? b
        : new BufferedBodyRequest(request, request.getInputStream().readNBytes(maxBodyBytes + 1));
    if (buffered.body().length > maxBodyBytes) {
      ((HttpServletResponse) res).sendError(413);
      return;
    }
    McpSchema.JSONRPCMessage message;
    try {
      message = McpSchema.deserializeJsonRpcMessage(json, new String(buffered.body(), StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException e) {
      chain.doFilter(buffered, res); // not a JSON-RPC message: the transport's own (sanitised) 400
      return;
    }
    if (message instanceof McpSchema.JSONRPCRequest r && r.id() != null) {
      buffered.setAttribute(TransportMetadata.REQUEST_ID_KEY, r.id()); // telemetry's jsonrpc.request.id
    }
    String problem = message instanceof McpSchema.JSONRPCRequest r ? ParamsCheck.problem(json, r) : null;
    if (problem == null) {
      chain.doFilter(buffered, res);
      return;
    }
    McpSchema.JSONRPCRequest r = (McpSchema.JSONRPCRequest) message;
    HttpServletResponse response = (HttpServletResponse) res;
    response.setStatus(200);
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write(json.writeValueAsString(new McpSchema.JSONRPCResponse(McpSchema.JSONRPC_VERSION,
        r.id(), null, new McpSchema.JSONRPCResponse.JSONRPCError(ParamsCheck.INVALID_PARAMS, problem, null))));
  }
}
