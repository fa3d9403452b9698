package dev.toolwarden.runtime.internal.http;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;

/**
 * The MCP endpoint serves {@code POST}, {@code GET} and {@code DELETE} (Streamable HTTP); {@code OPTIONS} is answered
 * here with those methods; every other method is 405 before anything else runs.
 *
 * <p>Why: the servlet API's own {@code TRACE} echoes the request's headers back — the bearer token included — and
 * its {@code HEAD} runs the {@code GET} handling (which opens an event stream); neither belongs to MCP.
 */
final class EndpointMethodsFilter implements Filter {

  static final String ALLOW = "GET, POST, DELETE, OPTIONS";
  private static final Set<String> SERVED = Set.of("GET", "POST", "DELETE");

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
    String method = ((HttpServletRequest) req).getMethod();
    if (SERVED.contains(method)) {
      chain.doFilter(req, res);
      return;
    }
    HttpServletResponse response = (HttpServletResponse) res;
    response.setHeader("Allow", ALLOW);
    if ("OPTIONS".equals(method)) { // a CORS preflight was answered before (CorsFilter): this is a plain OPTIONS
      response.setStatus(HttpServletResponse.SC_NO_CONTENT);
      return;
    }
    Refusal.of(405, SafeErrors.generic(405)).writeTo(response);
  }
}
