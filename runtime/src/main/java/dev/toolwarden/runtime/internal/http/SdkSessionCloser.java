package dev.toolwarden.runtime.internal.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends sessions in the SDK. The SDK's servlet offers no call to drop one session, only the
 * client's {@code DELETE}; so the request being served is replayed to the servlet as a
 * {@code DELETE} naming the session, its answer discarded. (Sessions the servlet cannot be reached
 * for this way are still dropped by the SDK's own idle sweeper, which the transport turns on.)
 */
final class SdkSessionCloser {

  private static final Logger LOG = LoggerFactory.getLogger(SdkSessionCloser.class);
  private static final String SESSION_HEADER = "Mcp-Session-Id";

  private SdkSessionCloser() {}

  /** Closes each of {@code sessionIds} through {@code servlet} (the rest of the filter chain). */
  static void close(List<String> sessionIds, HttpServletRequest request, HttpServletResponse response,
      FilterChain servlet) {
    for (String id : sessionIds) {
      try {
        servlet.doFilter(new DeleteRequest(request, id), new DiscardingResponse(response));
      } catch (IOException | ServletException | RuntimeException e) {
        LOG.debug("closing a session in the SDK failed: {}", e.getClass().getName());
      }
    }
  }

  /** {@code request}, seen as a {@code DELETE} of session {@code id}. */
  private static final class DeleteRequest extends HttpServletRequestWrapper {
    private final String id;

    DeleteRequest(HttpServletRequest request, String id) {
      super(request);
      this.id = id;
    }

    @Override
    public String getMethod() {
      return "DELETE";
    }

    @Override
    public String getHeader(String name) {
      return SESSION_HEADER.equalsIgnoreCase(name) ? id : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
      return SESSION_HEADER.equalsIgnoreCase(name) ? Collections.enumeration(List.of(id)) : super.getHeaders(name);
    }

    @Override
    public Enumeration<String> getHeaderNames() {
      Set<String> names = new LinkedHashSet<>();
      for (Enumeration<String> e = super.getHeaderNames(); e.hasMoreElements();) {
        String n = e.nextElement();
        if (!SESSION_HEADER.equalsIgnoreCase(n)) {
          names.add(n);
        }
      }
      names.add(SESSION_HEADER);
      return Collections.enumeration(names);
    }
  }

  /** Swallows everything written to it: the real response belongs to the request being served. */
  private static final class DiscardingResponse extends HttpServletResponseWrapper {
    private final ServletOutputStream sink = new ServletOutputStream() {
      @Override
      public void write(int b) {
        // discarded
      }

      @Override
      public boolean isReady() {
        return true;
      }

      @Override
      public void setWriteListener(WriteListener listener) {
        // never asynchronous
      }
    };

    DiscardingResponse(HttpServletResponse response) {
      super(response);
    }

    @Override
    public ServletOutputStream getOutputStream() {
      return sink;
    }

    @Override
    public PrintWriter getWriter() {
      return new PrintWriter(OutputStream.nullOutputStream());
    }

    @Override
    public void setStatus(int sc) {
      // discarded
    }

    @Override
    public void sendError(int sc) {
      // discarded
    }

    @Override
    public void sendError(int sc, String msg) {
      // discarded
    }

    @Override
    public void setHeader(String name, String value) {
      // discarded
    }

    @Override
    public void addHeader(String name, String value) {
      // discarded
    }

    @Override
    public void setContentType(String type) {
      // discarded
    }

    @Override
    public void setContentLength(int len) {
      // discarded
    }

    @Override
    public void setCharacterEncoding(String charset) {
      // discarded
    }

    @Override
    public void flushBuffer() {
      // discarded
    }

    @Override
    public boolean isCommitted() {
      return false;
    }
  }
}
