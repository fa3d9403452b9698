package dev.toolwarden.runtime.internal.http;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty error handlers that write the same minimal JSON-RPC error as {@link SafeErrorFilter}:
 * no stack, no cause, no server version, whatever Jetty or the servlet reports (bad requests
 * rejected by the HTTP parser, oversized headers, errors outside the filter).
 */
public final class JsonErrorHandlers {

  private JsonErrorHandlers() {}

  static byte[] body(int status) {
    return SafeErrors.body(SafeErrors.code(status, null), SafeErrors.generic(status)).getBytes(StandardCharsets.UTF_8);
  }

  /** For the server (errors before a request reaches the servlet context). */
  static final class Server extends org.eclipse.jetty.server.handler.ErrorHandler {
    Server() {
      setShowStacks(false);
      setShowCauses(false);
      setShowMessageInTitle(false);
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
        Callback callback) {
      writeJson(response, code, callback);
    }

    @Override
    protected boolean generateAcceptableResponse(Request request, Response response, Callback callback,
        String contentType, List<Charset> charsets, int code, String message, Throwable cause) {
      writeJson(response, code, callback);
      return true;
    }

  }

  /** For the servlet context ({@code sendError} outside the filter, uncaught servlet errors). */
  static final class Context extends org.eclipse.jetty.ee10.servlet.ErrorHandler {
    Context() {
      setShowStacks(false);
      setShowCauses(false);
      setShowMessageInTitle(false);
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
        Callback callback) {
      writeJson(response, code, callback);
    }

    @Override
    protected boolean generateAcceptableResponse(Request request, Response response, Callback callback,
        String contentType, List<Charset> charsets, int code, String message, Throwable cause) {
      writeJson(response, code, callback);
      return true;
    }

  }

  private static void writeJson(Response response, int code, Callback callback) {
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.write(true, ByteBuffer.wrap(body(code)), callback);
  }
}
