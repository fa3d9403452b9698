package dev.toolwarden.runtime.internal.http;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;

/**
 * Outermost on the MCP endpoint: after a refusal decided from the headers alone (415, 401, …), reads and discards the
 * body the client declared and is still sending, so that the connection stays usable for its next request.
 *
 * <p>Why: a container that completes a request whose body has not arrived yet may close the connection — after an
 * answer that did not say so ({@code RefusalKeepsConnectionTest} saw Jetty do it in one run of four). A client that
 * reuses the connection for its next request (every HTTP/1.1 client does) then gets no byte back, and a POST is not
 * retried: the client sees an error for a request that never reached the server. The answer is flushed first, then
 * the body is read — only a declared length within the endpoint's body limit, which is what the endpoint reads of any
 * accepted request anyway, so no client can hold a thread longer this way than by sending a valid request slowly. Not
 * drained: a body over the limit (its 413 closes the connection, as it must), a chunked body (no length to trust), a
 * request that waits for {@code 100 Continue} (it sends nothing until told), a body some filter already read, an
 * asynchronous answer.
 */
final class UnreadBodyDrainFilter implements Filter {

  private final int maxBodyBytes;

  UnreadBodyDrainFilter(int maxBodyBytes) {
    this.maxBodyBytes = maxBodyBytes;
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
    chain.doFilter(req, res);
    HttpServletRequest request = (HttpServletRequest) req;
    long declared = request.getContentLengthLong();
    if (declared <= 0 || declared > maxBodyBytes || request.isAsyncStarted() || request.getHeader("Expect") != null) {
      return;
    }
    ServletInputStream body;
    try {
      body = request.getInputStream();
      if (body.isFinished()) {
        return;
      }
    } catch (IllegalStateException readAsTextOrNotSaid) {
      return; // read through getReader() (consumed by whoever read it), or a container that cannot say: leave it
    }
    res.flushBuffer(); // the answer first: the client may wait for it before it sends the rest
    byte[] discard = new byte[(int) Math.min(declared, 8192)];
    while (body.read(discard) >= 0) {
      // the container ends the stream at the declared length
    }
  }
}
