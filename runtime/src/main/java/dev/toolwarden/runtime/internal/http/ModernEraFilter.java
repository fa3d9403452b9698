package dev.toolwarden.runtime.internal.http;

import dev.toolwarden.runtime.internal.jsonrpc.JsonRpcBody;
import dev.toolwarden.runtime.internal.pipeline.Cancellation;
import dev.toolwarden.runtime.internal.protocol2026.Era;
import dev.toolwarden.runtime.internal.protocol2026.HeaderSource;
import dev.toolwarden.runtime.internal.protocol2026.ModernServer;
import dev.toolwarden.runtime.internal.protocol2026.Revision;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.transport.HeaderAccessor;
import io.modelcontextprotocol.server.transport.ServerHttpHeaderValidator;
import io.modelcontextprotocol.server.transport.ServerTransportSecurityException;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.List;

/**
 * Claims the requests of MCP 2026-07-28 ({@link Era}) and answers them with the adapter ({@link ModernServer}), one
 * JSON response each, or an event stream when the request's notifications (progress) or keep-alives precede its
 * answer ({@link ModernResponse}); everything else goes on to the SDK exactly as before. It sits after the OAuth filter, the one
 * strict body parse, the scope filters (403 step-up) and the params check, so a modern request has met every one of
 * them, and before the session guard (a modern request has no session). The SDK servlet checks Origin and Host for
 * what it serves; this filter runs the same validator first, since the servlet never sees what it answers.
 */
final class ModernEraFilter implements Filter {

  private final ModernServer server;
  private final ServerHttpHeaderValidator origins;
  private final McpJsonMapper json;

  ModernEraFilter(ModernServer server, ServerHttpHeaderValidator origins, McpJsonMapper json) {
    this.server = server;
    this.origins = origins;
    this.json = json;
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) req;
    HttpServletResponse response = (HttpServletResponse) res;
    JsonRpcBody body = ParsedBodyRequest.body(request);
    if (body == null || !Era.isModern(body.message(), request.getHeader(Revision.HEADER_PROTOCOL_VERSION))) {
      chain.doFilter(req, res);
      return;
    }
    try {
      origins.validate(accessor(request));
    } catch (ServerTransportSecurityException e) {
      Refusal.of(e.getStatusCode(), SafeErrors.generic(e.getStatusCode())).writeTo(response);
      return;
    }
    if (body.message() instanceof McpSchema.JSONRPCNotification) {
      // this revision defines no client notification over HTTP; an accepted one is 202 without a body
      HttpServletResponse raw = unwrap(response);
      raw.setStatus(202);
      raw.setContentLength(0);
      return;
    }
    if (!(body.message() instanceof McpSchema.JSONRPCRequest rpc)) {
      Refusal.of(400, -32600, "Invalid Request: a client sends requests and notifications only").writeTo(response);
      return;
    }
    // past the error-capturing wrapper: this body is already minimal and must keep its code and data
    HttpServletResponse raw = unwrap(response);
    if (ModernServer.METHOD_LISTEN.equals(rpc.method())) {
      ListenStream.serve(server, rpc, SdkEndpoint.callerContext(request), headers(request), raw, json);
      return;
    }
    Cancellation cancellation = new Cancellation();
    ModernResponse out = ModernResponse.watch(raw, cancellation,
        McpSchema.METHOD_TOOLS_CALL.equals(rpc.method()) && acceptsStream(request));
    ModernServer.Answer answer;
    try {
      answer = server.answer(rpc, SdkEndpoint.callerContext(request), headers(request), cancellation,
          notification -> send(out, notification));
    } catch (RuntimeException e) {
      out.finish(500, new byte[0]); // stops the keep-alive; the server's error handling answers
      throw e;
    }
    out.finish(answer.status(), json.writeValueAsBytes(answer.response()));
  }

  /** Sends one notification on the response stream (it cannot fail to serialize: strings and numbers only). */
  private boolean send(ModernResponse out, Object notification) {
    try {
      return out.sendNotification(json.writeValueAsBytes(notification));
    } catch (IOException e) {
      return false;
    }
  }

  /** Whether the client takes an event stream (a conforming one lists both types in {@code Accept}). */
  private static boolean acceptsStream(HttpServletRequest request) {
    var accepts = request.getHeaders("Accept");
    while (accepts != null && accepts.hasMoreElements()) {
      if (accepts.nextElement().contains("text/event-stream")) {
        return true;
      }
    }
    return false;
  }

  /** The request's headers, for the adapter's header checks. */
  static HeaderSource headers(HttpServletRequest request) {
    return name -> {
      var values = request.getHeaders(name);
      return values == null ? List.of() : Collections.list(values);
    };
  }

  private static HeaderAccessor accessor(HttpServletRequest request) {
    return new HeaderAccessor() {
      @Override
      public List<String> getHeader(String name) {
        var values = request.getHeaders(name);
        return values == null ? List.of() : Collections.list(values);
      }

      @Override
      public List<String> getHeaderNames() {
        var names = request.getHeaderNames();
        return names == null ? List.of() : Collections.list(names);
      }
    };
  }

  private static HttpServletResponse unwrap(HttpServletResponse response) {
    ServletResponse r = response;
    while (r instanceof ErrorCapturingResponse capturing) {
      r = capturing.getResponse();
    }
    return (HttpServletResponse) r;
  }
}
