package dev.toolwarden.runtime.internal.http;

import dev.toolwarden.runtime.http.HttpOptions;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * CORS for browser-based MCP clients, only when {@link HttpOptions#cors} turned it on: an exact
 * origin allowlist, no credentials (bearer tokens are not cookies), preflights answered here
 * (before authentication, as browsers send them without the Authorization header), and the
 * response headers MCP clients must read exposed.
 */
public final class CorsFilter implements Filter {

  static final String ALLOW_METHODS = "GET, POST, DELETE, OPTIONS";
  /** What a client of either era sends: 2026-07-28 adds {@code Mcp-Method} and {@code Mcp-Name} to every request. */
  static final String ALLOW_HEADERS = "Authorization, Content-Type, Accept, Mcp-Session-Id, Mcp-Protocol-Version,"
      + " Mcp-Method, Mcp-Name, Last-Event-ID";
  static final String EXPOSE_HEADERS = "Mcp-Session-Id, Mcp-Protocol-Version, WWW-Authenticate";

  private final Set<String> origins;

  CorsFilter(List<String> origins) {
    this.origins = Set.copyOf(origins.stream().map(o -> o.toLowerCase(Locale.ROOT)).toList());
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) req;
    HttpServletResponse response = (HttpServletResponse) res;
    String origin = request.getHeader("Origin");
    boolean allowed = origin != null && origins.contains(origin.toLowerCase(Locale.ROOT));
    if (allowed) {
      response.setHeader("Access-Control-Allow-Origin", origin);
      response.addHeader("Vary", "Origin");
      response.setHeader("Access-Control-Expose-Headers", EXPOSE_HEADERS);
    }
    if ("OPTIONS".equals(request.getMethod()) && request.getHeader("Access-Control-Request-Method") != null) {
      if (allowed) {
        response.setHeader("Access-Control-Allow-Methods", ALLOW_METHODS);
        response.setHeader("Access-Control-Allow-Headers", ALLOW_HEADERS);
        response.setHeader("Access-Control-Max-Age", "600");
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
      } else {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
      }
      return;
    }
    chain.doFilter(req, res);
  }
}
