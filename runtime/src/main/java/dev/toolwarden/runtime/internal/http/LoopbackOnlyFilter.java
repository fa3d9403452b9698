package dev.toolwarden.runtime.internal.http;

import dev.toolwarden.runtime.internal.net.Loopback;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Without OAuth the endpoint serves connections that arrived on a loopback interface only, whatever the container
 * listens on. The start-up bind check judges the address configured for the endpoint; a servlet container can listen
 * on more (a Spring Boot application's additional Tomcat connector on another interface, a management port), and
 * every one of them would otherwise reach an endpoint that authenticates nobody. Judged on the connection's own local
 * address, which no header can change.
 */
final class LoopbackOnlyFilter implements Filter {

  static final String MESSAGE = "Forbidden: without OAuth this MCP endpoint serves loopback connections only";

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
    if (Loopback.isLoopback(req.getLocalAddr())) {
      chain.doFilter(req, res);
      return;
    }
    Refusal.of(403, MESSAGE).writeTo((HttpServletResponse) res);
  }
}
