package dev.toolwarden.runtime.internal.http;

import dev.toolwarden.runtime.audit.AuditEvent;
import dev.toolwarden.runtime.audit.AuditOutcome;
import dev.toolwarden.runtime.audit.AuditSink;
import dev.toolwarden.runtime.internal.ratelimit.InMemoryRateLimiter;
import dev.toolwarden.runtime.ratelimit.RateLimitDecision;
import dev.toolwarden.runtime.ratelimit.RateLimiterBackend;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The per-client HTTP request limit: the first filter in front of the MCP endpoint, so a client
 * over its budget is answered {@code 429 Too Many Requests} with {@code Retry-After} (seconds)
 * before any token verification, JSON parsing or tool work. Clients are told apart by their
 * remote address (behind a proxy that is the proxy: limit there, or raise the limit). One
 * {@code client_rate_limited} audit event per client and window, however many requests it sends.
 */
public final class ClientRateLimitFilter implements Filter {

  private static final Logger LOG = LoggerFactory.getLogger(ClientRateLimitFilter.class);

  private final RateLimiterBackend limiter;
  private final RateLimiterBackend auditThrottle;
  private final int requests;
  private final long windowMillis;
  private final AuditSink audit;

  /**
   * @param requests requests admitted per window and client, positive
   * @param windowMillis the window, positive
   * @param audit where refusals are recorded
   */
  public ClientRateLimitFilter(int requests, long windowMillis, AuditSink audit) {
    this(new InMemoryRateLimiter(), requests, windowMillis, audit);
  }

  ClientRateLimitFilter(RateLimiterBackend limiter, int requests, long windowMillis, AuditSink audit) {
    if (requests <= 0 || windowMillis <= 0) {
      throw new IllegalArgumentException("requests and window must be positive");
    }
    this.limiter = limiter;
    this.auditThrottle = new InMemoryRateLimiter(System::nanoTime, 10_000);
    this.requests = requests;
    this.windowMillis = windowMillis;
    this.audit = audit;
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) req;
    String client = request.getRemoteAddr();
    RateLimitDecision d = limiter.tryAcquire("http-client:" + client, requests, windowMillis);
    if (d.allowed()) {
      chain.doFilter(req, res);
      return;
    }
    long seconds = d.retryAfterSeconds();
    if (auditThrottle.tryAcquire(client, 1, windowMillis).allowed()) {
      try {
        audit.record(AuditEvent.builder(AuditOutcome.CLIENT_RATE_LIMITED)
            .remote(client)
            .reason("more than " + requests + " HTTP requests per " + windowMillis + " ms; retry after " + seconds + " s")
            .build());
      } catch (RuntimeException e) {
        LOG.warn("the audit sink failed: {}", e.getClass().getName());
      }
    }
    HttpServletResponse response = (HttpServletResponse) res;
    byte[] body = SafeErrors.body(-32000, "Too many requests: retry after " + seconds + " s")
        .getBytes(StandardCharsets.UTF_8);
    response.setStatus(429);
    response.setHeader("Retry-After", Long.toString(seconds));
    response.setContentType("application/json");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
