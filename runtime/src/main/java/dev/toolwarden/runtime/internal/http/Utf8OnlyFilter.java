package dev.toolwarden.runtime.internal.http;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;

/**
 * The first filter on the MCP endpoint: a {@code POST} whose {@code Content-Type} declares a
 * charset other than UTF-8 is refused with 415 before authentication or any parsing runs (see
 * {@link JsonMediaType}). Only headers are read here, so it costs nothing to run first.
 */
final class Utf8OnlyFilter implements Filter {

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) req;
    if ("POST".equals(request.getMethod())) {
      String problem = JsonMediaType.charsetProblem(Collections.list(request.getHeaders("Content-Type")));
      if (problem != null) {
        Refusal.of(415, problem).writeTo((HttpServletResponse) res);
        return;
      }
    }
    chain.doFilter(req, res);
  }
}
