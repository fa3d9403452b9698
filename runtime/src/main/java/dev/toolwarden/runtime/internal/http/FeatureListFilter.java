package dev.toolwarden.runtime.internal.http;

import dev.toolwarden.runtime.auth.VerifiedToken;
import dev.toolwarden.runtime.internal.feature.FeatureLists;
import dev.toolwarden.runtime.internal.jsonrpc.JsonRpcBody;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Answers {@code resources/list}, {@code resources/templates/list} and {@code prompts/list} with only what the token
 * may use, as {@code tools/list} is filtered. The SDK has a list filter for tools only, and its list handlers always
 * return every registration, so with OAuth and filtered lists this filter answers these three requests itself (one
 * JSON response, as Streamable HTTP allows) from the same registrations. It runs after the session guard, so the
 * session is checked as for any request. A view only: the scope checks are the access control.
 */
final class FeatureListFilter implements Filter {

  private final FeatureLists lists;
  private final McpJsonMapper json;

  FeatureListFilter(FeatureLists lists, McpJsonMapper json) {
    this.lists = lists;
    this.json = json;
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
    JsonRpcBody body = ParsedBodyRequest.body(req);
    VerifiedToken verified = OAuthFilter.verified(req);
    Object result = body == null || verified == null ? null : answer(body.message(), verified.scopes());
    if (result == null) {
      chain.doFilter(req, res);
      return;
    }
    McpSchema.JSONRPCRequest request = (McpSchema.JSONRPCRequest) body.message();
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("jsonrpc", McpSchema.JSONRPC_VERSION);
    response.put("id", request.id());
    response.put("result", result);
    byte[] bytes = json.writeValueAsBytes(response);
    HttpServletResponse http = (HttpServletResponse) res;
    http.setStatus(200);
    http.setContentType("application/json");
    http.setCharacterEncoding("UTF-8");
    http.setContentLength(bytes.length);
    http.getOutputStream().write(bytes);
  }

  private Object answer(McpSchema.JSONRPCMessage message, Set<String> granted) {
    if (!(message instanceof McpSchema.JSONRPCRequest request) || request.method() == null) {
      return null;
    }
    return switch (request.method()) {
      case McpSchema.METHOD_RESOURCES_LIST -> McpSchema.ListResourcesResult.builder(lists.resources(granted)).build();
      case McpSchema.METHOD_RESOURCES_TEMPLATES_LIST ->
          McpSchema.ListResourceTemplatesResult.builder(lists.templates(granted)).build();
      case McpSchema.METHOD_PROMPT_LIST -> McpSchema.ListPromptsResult.builder(lists.prompts(granted)).build();
      default -> null;
    };
  }
}
