package dev.toolwarden.runtime.internal.http;

import dev.toolwarden.runtime.auth.VerifiedToken;
import dev.toolwarden.runtime.internal.auth.AuthFailure;
import dev.toolwarden.runtime.internal.auth.OAuthCallers;
import dev.toolwarden.runtime.internal.auth.SessionBindings;
import dev.toolwarden.runtime.internal.jsonrpc.JsonRpcBody;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The last filter before the MCP servlet: sessions belong to a principal and end.
 *
 * <ul>
 *   <li>no {@code Mcp-Session-Id} on anything but an {@code initialize} → 400, -32600;
 *   <li>a presented {@code Mcp-Session-Id} bound to another principal, past its idle or absolute
 *       lifetime, or never bound → 404, -32001 (the client starts a new session); an expired one is also
 *       closed in the SDK;
 *   <li>an {@code initialize} runs with its principal named as the owner of whatever session the
 *       SDK creates ({@link BoundSessionsProvider}); with OAuth, when the server already holds its
 *       maximum of sessions, it is refused with 503 instead; sessions forgotten meanwhile (a
 *       principal's least recently used beyond its bound, expired ones) are closed in the SDK;
 *   <li>a successful {@code DELETE} forgets the session.
 * </ul>
 *
 * With OAuth the principal is the verified token's; without, every caller is the one local
 * principal, whose sessions are bounded and expire just the same — unless the servlet container's own
 * security authenticated the request ({@link OAuthCallers#authenticatedUser}: the Spring Boot starter behind
 * the application's Spring Security chain), whose user is then the principal: one user cannot use another's
 * session nor push it out.
 */
final class SessionGuardFilter implements Filter {

  private static final String SESSION_HEADER = "Mcp-Session-Id";
  static final String LOCAL_PRINCIPAL = "local";
  /** The methods of the endpoint that act on a session (others get the servlet's 405). */
  private static final java.util.Set<String> NEEDS_SESSION = java.util.Set.of("GET", "POST", "DELETE");

  private final SessionBindings bindings;
  private final BoundSessionsProvider provider;
  private final OAuthRefusals refusals;

  /** {@code refusals} is null without OAuth: refusals are then not audited as auth failures. */
  SessionGuardFilter(SessionBindings bindings, BoundSessionsProvider provider, OAuthRefusals refusals) {
    this.bindings = bindings;
    this.provider = provider;
    this.refusals = refusals;
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain servlet) throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) req;
    HttpServletResponse response = (HttpServletResponse) res;
    VerifiedToken verified = OAuthFilter.verified(request);
    String user = verified == null ? OAuthCallers.authenticatedUser(request) : null;
    String principal = verified != null ? verified.principalKey()
        : user != null ? LOCAL_PRINCIPAL + "\u0000" + user : LOCAL_PRINCIPAL;
    String sessionId = request.getHeader(SESSION_HEADER);
    if (sessionId != null && !sessionId.isEmpty()) {
      AuthFailure.Kind refused = switch (bindings.check(sessionId, principal)) {
        case OWNED -> null;
        case OTHER_PRINCIPAL -> AuthFailure.Kind.SESSION_OF_ANOTHER_PRINCIPAL;
        case EXPIRED -> {
          SdkSessionCloser.close(List.of(sessionId), request, response, servlet);
          yield AuthFailure.Kind.SESSION_EXPIRED;
        }
        case UNKNOWN -> AuthFailure.Kind.SESSION_EXPIRED;
      };
      if (refused != null) {
        // the specification's "start a new session": the same code and message as the SDK's own
        // 404, rewritten by SafeErrors, so the answer is one whoever refuses
        send(request, response, new Refusal(404, SafeErrors.SESSION_NOT_FOUND, SafeErrors.SESSION_NOT_FOUND_MESSAGE,
            null, refused, null, List.of()), verified);
        return;
      }
    }
    boolean initialize = isInitialize(ParsedBodyRequest.body(request));
    if ((sessionId == null || sessionId.isEmpty()) && !initialize && NEEDS_SESSION.contains(request.getMethod())) {
      // the specification: a server that requires a session answers 400 to anything but initialize without one
      Refusal.of(400, -32600, SafeErrors.SESSION_REQUIRED_PREFIX + " in mcp-session-id header: initialize first")
          .writeTo(response);
      return;
    }
    if (initialize) {
      List<String> expired = new ArrayList<>();
      // without OAuth there is one principal, whose own bound (the server's total) makes room by
      // evicting its least recently used session: only distinct principals (OAuth's, or the users the
      // container authenticated) can fill the server
      boolean full = (refusals != null || user != null) && bindings.isFull(expired);
      SdkSessionCloser.close(expired, request, response, servlet);
      if (full) {
        response.setHeader("Retry-After", String.valueOf(Math.max(1, bindings.idleTimeout().toSeconds())));
        send(request, response, Refusal.of(503, "Too many sessions: try again later"), verified);
        return;
      }
      BoundSessionsProvider.runAs(principal, () -> servlet.doFilter(request, response));
      // initialize is answered synchronously: replaying DELETEs on this thread is safe now
      SdkSessionCloser.close(provider.drainForgotten(), request, response, servlet);
      return;
    }
    servlet.doFilter(request, response);
    if ("DELETE".equals(request.getMethod()) && sessionId != null && response.getStatus() < 300) {
      bindings.remove(sessionId);
    }
  }

  private static boolean isInitialize(JsonRpcBody body) {
    return body != null && body.message() instanceof McpSchema.JSONRPCRequest r
        && McpSchema.METHOD_INITIALIZE.equals(r.method());
  }

  private void send(HttpServletRequest request, HttpServletResponse response, Refusal refusal, VerifiedToken verified)
      throws IOException {
    if (refusals != null) {
      refusals.send(request, response, refusal, verified);
    } else {
      refusal.writeTo(response);
    }
  }
}
