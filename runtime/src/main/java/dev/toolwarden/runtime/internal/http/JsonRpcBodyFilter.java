package dev.toolwarden.runtime.internal.http;

import dev.toolwarden.runtime.internal.jsonrpc.JsonRpcBody;
import dev.toolwarden.runtime.internal.jsonrpc.RejectedBodyException;
import io.modelcontextprotocol.json.McpJsonMapper;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Reads, decodes and parses a {@code POST} body exactly once per request ({@link JsonRpcBody}),
 * then hands every later filter and the SDK a {@link ParsedBodyRequest} carrying that parse and
 * its canonical bytes. Runs after authentication, so an anonymous client cannot make the server
 * parse anything.
 *
 * <p>Refusals: 413 over the size limit, 415 for a media type other than {@code application/json}
 * (the SDK's own rule, applied here because the body is read here), 400 with JSON-RPC -32700
 * (not strict JSON) or -32600 (not one JSON-RPC message).
 */
final class JsonRpcBodyFilter implements Filter {

  private final McpJsonMapper json;
  private final int maxBodyBytes;

  JsonRpcBodyFilter(McpJsonMapper json, int maxBodyBytes) {
    this.json = json;
    this.maxBodyBytes = maxBodyBytes;
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) req;
    HttpServletResponse response = (HttpServletResponse) res;
    if (!"POST".equals(request.getMethod())) {
      chain.doFilter(req, res); // GET and DELETE carry no message
      return;
    }
    if (request.getContentLengthLong() > maxBodyBytes) {
      Refusal.of(413, SafeErrors.generic(413)).writeTo(response);
      return;
    }
    if (!JsonMediaType.isJson(request.getContentType())) {
      Refusal.of(415, "Unsupported Media Type: Content-Type must be application/json").writeTo(response);
      return;
    }
    // at most one byte past the limit, and no more than one past the declared length: readNBytes sizes its buffers by
    // what it may read, so a small declared body is read into a small buffer
    long declared = request.getContentLengthLong();
    int limit = declared >= 0 ? (int) declared + 1 : maxBodyBytes + 1;
    byte[] bytes = request.getInputStream().readNBytes(limit);
    if (bytes.length > maxBodyBytes) {
      Refusal.of(413, SafeErrors.generic(413)).writeTo(response);
      return;
    }
    JsonRpcBody body;
    try {
      body = JsonRpcBody.parse(bytes, json);
    } catch (RejectedBodyException e) {
      Refusal.of(400, e.code(), e.getMessage()).writeTo(response);
      return;
    }
    JudgedBodyMapper.Scope judged = JudgedBodyMapper.judging(body);
    try {
      chain.doFilter(new ParsedBodyRequest(request, body), res);
    } finally {
      judged.close();
    }
  }
}
