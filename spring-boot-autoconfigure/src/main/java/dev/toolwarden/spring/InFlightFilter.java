package dev.toolwarden.spring;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the MCP requests in flight (POSTs and DELETEs; a GET is a long-lived stream and is ended by closing the
 * sessions), so that shutdown can let them finish; once draining, new ones are refused with 503 and a JSON-RPC
 * error body, as the server is going away. A POST answered as a stream counts until its stream completes.
 */
final class InFlightFilter implements Filter {

  private static final byte[] SHUTTING_DOWN =
      "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32000,\"message\":\"Server shutting down\"}}"
          .getBytes(StandardCharsets.UTF_8);

  private final AtomicInteger inFlight = new AtomicInteger();
  private volatile boolean draining;

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) req;
    if ("GET".equals(request.getMethod())) {
      chain.doFilter(req, res);
      return;
    }
    if (draining) {
      HttpServletResponse response = (HttpServletResponse) res;
      response.setStatus(503);
      response.setHeader("Connection", "close");
      response.setContentType("application/json");
      response.setContentLength(SHUTTING_DOWN.length);
      response.getOutputStream().write(SHUTTING_DOWN);
      return;
    }
    inFlight.incrementAndGet();
    boolean async = false;
    try {
      chain.doFilter(req, res);
      if (request.isAsyncStarted()) {
        request.getAsyncContext().addListener(new Done());
        async = true;
      }
    } finally {
      if (!async) {
        done();
      }
    }
  }

  /** Refuses new requests from now on. */
  void drain() {
    draining = true;
  }

  /** Waits until no request is in flight, at most {@code timeoutMillis}; whether none is. */
  boolean awaitIdle(long timeoutMillis) throws InterruptedException {
    long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
    synchronized (inFlight) {
      while (inFlight.get() > 0) {
        long left = (deadline - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
          return false;
        }
        inFlight.wait(Math.min(left, 100));
      }
    }
    return true;
  }

  /** The requests in flight now. */
  int inFlight() {
    return inFlight.get();
  }

  private void done() {
    // only a drain waits for the count to reach 0 (and it sets draining before it looks): a sequential client takes
    // it to 0 on every request, which need not take the monitor then
    if (inFlight.decrementAndGet() == 0 && draining) {
      synchronized (inFlight) {
        inFlight.notifyAll();
      }
    }
  }

  /** Ends the count of a request answered as a stream. */
  private final class Done implements AsyncListener {
    private boolean ended;

    @Override
    public void onComplete(AsyncEvent event) {
      end();
    }

    @Override
    public void onTimeout(AsyncEvent event) {
      end();
    }

    @Override
    public void onError(AsyncEvent event) {
      end();
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
      event.getAsyncContext().addListener(this);
    }

    private synchronized void end() {
      if (!ended) {
        ended = true;
        done();
      }
    }
  }
}
