package dev.toolwarden.runtime.internal.http;

import dev.toolwarden.runtime.internal.jsonrpc.JsonRpcBody;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * A request whose body was parsed once by {@link JsonRpcBodyFilter}: every later filter reads the
 * parsed {@link JsonRpcBody} ({@link #body(ServletRequest)}), and the servlet reads its canonical
 * bytes, declared as UTF-8 whatever the client declared, so no reader can decode them differently.
 */
final class ParsedBodyRequest extends HttpServletRequestWrapper {

  private static final String ATTRIBUTE = JsonRpcBody.class.getName();

  private final JsonRpcBody body;

  ParsedBodyRequest(HttpServletRequest request, JsonRpcBody body) {
    super(request);
    this.body = body;
    // an attribute, not a field lookup: later filters may see this request wrapped again
    request.setAttribute(ATTRIBUTE, body);
  }

  /** The parsed body of a {@code POST} that passed {@link JsonRpcBodyFilter}, else null. */
  static JsonRpcBody body(ServletRequest request) {
    return request.getAttribute(ATTRIBUTE) instanceof JsonRpcBody b ? b : null;
  }

  @Override
  public String getCharacterEncoding() {
    return StandardCharsets.UTF_8.name();
  }

  @Override
  public void setCharacterEncoding(String encoding) {
    // fixed: the canonical bytes are UTF-8 (ASCII, in fact)
  }

  @Override
  public int getContentLength() {
    return body.canonical().length;
  }

  @Override
  public long getContentLengthLong() {
    return body.canonical().length;
  }

  @Override
  public ServletInputStream getInputStream() {
    ByteArrayInputStream in = new ByteArrayInputStream(body.canonical());
    return new ServletInputStream() {
      @Override
      public int read() {
        return in.read();
      }

      @Override
      public int read(byte[] b, int off, int len) {
        return in.read(b, off, len);
      }

      @Override
      public boolean isFinished() {
        return in.available() == 0;
      }

      @Override
      public boolean isReady() {
        return true;
      }

      @Override
      public void setReadListener(ReadListener listener) {
        try {
          listener.onAllDataRead();
        } catch (IOException e) {
          listener.onError(e);
        }
      }
    };
  }

  @Override
  public BufferedReader getReader() {
    return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
  }
}
