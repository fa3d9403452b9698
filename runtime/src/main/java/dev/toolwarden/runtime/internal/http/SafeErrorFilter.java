package dev.toolwarden.runtime.internal.http;

import dev.toolwarden.runtime.internal.audit.LogScrubber;
import io.modelcontextprotocol.json.McpJsonMapper;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * In front of the SDK transport: error responses leave with a minimal JSON-RPC error body,
 * never with the SDK's serialised exception (stack trace, exception class names, messages that
 * embed {@code e.getMessage()}).
 */
public final class SafeErrorFilter implements Filter {

  private static final Logger LOG = LoggerFactory.getLogger(SafeErrorFilter.class);

  private final McpJsonMapper json;

  SafeErrorFilter(McpJsonMapper json) {
    this.json = json;
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) req;
    HttpServletResponse response = (HttpServletResponse) res;
    ErrorCapturingResponse wrapped = new ErrorCapturingResponse(request, response, json);
    try {
      chain.doFilter(request, wrapped);
    } catch (IOException | ServletException | RuntimeException | Error e) {
      String ref = UUID.randomUUID().toString().substring(0, 8);
      LOG.warn("HTTP request failed (ref {}): {}", ref, LogScrubber.describe(e, java.util.List.of()));
      if (!response.isCommitted()) {
        response.reset();
        byte[] body = SafeErrors.body(-32603, "Internal error (ref " + ref + ")").getBytes(StandardCharsets.UTF_8);
        response.setStatus(500);
        response.setContentType("application/json");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
      }
      return;
    }
    wrapped.filterReturned();
  }
}
