package dev.toolwarden.runtime.internal.http;

import io.modelcontextprotocol.json.McpJsonMapper;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Holds back the body of an error response (status 400 or more, or {@code sendError}) so that
 * {@link SafeErrorFilter} can replace it with a minimal JSON-RPC error. Successful responses,
 * including SSE streams, pass through untouched: the decision is taken when the transport asks
 * for the writer, after it has set the status.
 */
public final class ErrorCapturingResponse extends HttpServletResponseWrapper {

  private static final int MAX_CAPTURE = 64 * 1024;

  private final HttpServletRequest request;
  private final McpJsonMapper json;
  private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
  private boolean capturing;
  private boolean passthroughBody;
  private boolean sendErrorPending;
  private String sendErrorMessage;
  private boolean filterReturned;
  private boolean finished;
  private PrintWriter captureWriter;
  private ServletOutputStream captureStream;

  ErrorCapturingResponse(HttpServletRequest request, HttpServletResponse response, McpJsonMapper json) {
    super(response);
    this.request = request;
    this.json = json;
  }

  @Override
  public void sendError(int sc) throws IOException {
    sendError(sc, null);
  }

  @Override
  public void sendError(int sc, String msg) throws IOException {
    if (isCommitted()) {
      return;
    }
    if (passthroughBody || filterReturned) {
      // too late to write our own body here: Jetty's error handler writes a minimal one
      super.sendError(sc);
      return;
    }
    super.resetBuffer();
    super.setStatus(sc);
    sendErrorPending = true;
    sendErrorMessage = msg;
  }

  @Override
  public PrintWriter getWriter() throws IOException {
    if (startCapturing()) {
      if (captureWriter == null) {
        captureWriter = new PrintWriter(new OutputStreamWriter(captureStream(), StandardCharsets.UTF_8), false) {
          @Override
          public void flush() {
            super.flush();
            finishIfLate();
          }
        };
      }
      return captureWriter;
    }
    passthroughBody = true;
    return super.getWriter();
  }

  @Override
  public ServletOutputStream getOutputStream() throws IOException {
    if (startCapturing()) {
      return captureStream();
    }
    passthroughBody = true;
    return super.getOutputStream();
  }

  private boolean startCapturing() {
    if (capturing || sendErrorPending) {
      return true;
    }
    if (!passthroughBody && getStatus() >= 400) {
      capturing = true;
    }
    return capturing;
  }

  private ServletOutputStream captureStream() {
    if (captureStream == null) {
      captureStream = new ServletOutputStream() {
        @Override
        public void write(int b) {
          if (captured.size() < MAX_CAPTURE) {
            captured.write(b);
          }
        }

        @Override
        public void write(byte[] b, int off, int len) {
          int room = MAX_CAPTURE - captured.size();
          if (room > 0) {
            captured.write(b, off, Math.min(room, len));
          }
        }

        @Override
        public void flush() {
          finishIfLate();
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
          throw new UnsupportedOperationException("error bodies are written synchronously");
        }
      };
    }
    return captureStream;
  }

  /** The id of the request this response answers, once its body was parsed; else null. */
  Object requestId() {
    return SafeErrors.requestId(request);
  }

  /** Called by the filter after the chain returned. */
  void filterReturned() throws IOException {
    filterReturned = true;
    if (!request.isAsyncStarted()) {
      finish();
    }
  }

  /** An error written from an async callback after the filter returned is rewritten on flush. */
  private void finishIfLate() {
    if (filterReturned) {
      try {
        finish();
      } catch (IOException e) {
        // the client is gone
      }
    }
  }

  private void finish() throws IOException {
    if (finished || !(capturing || sendErrorPending)) {
      return;
    }
    finished = true;
    int status = getStatus();
    Object code = null;
    String message = sendErrorMessage;
    if (capturing && captured.size() > 0) {
      try {
        Object[] cm = SafeErrors.codeAndMessage(json.readValue(captured.toByteArray(), Object.class));
        code = cm[0];
        message = (String) cm[1];
      } catch (IOException | RuntimeException e) {
        message = null; // not JSON: nothing of it is kept
      }
    }
    String safe = SafeErrors.message(status, message);
    status = SafeErrors.status(status, safe);
    byte[] body = SafeErrors.body(requestId(), SafeErrors.code(status, code, safe), safe)
        .getBytes(StandardCharsets.UTF_8);
    HttpServletResponse r = (HttpServletResponse) getResponse();
    r.setStatus(status);
    r.setContentType("application/json");
    r.setCharacterEncoding("UTF-8");
    r.setContentLength(body.length);
    ServletOutputStream out = r.getOutputStream();
    out.write(body);
    out.flush();
  }
}
