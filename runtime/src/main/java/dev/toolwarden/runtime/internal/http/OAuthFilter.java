package dev.toolwarden.runtime.internal.http;

import dev.toolwarden.runtime.auth.ResourceServer;
import dev.toolwarden.runtime.auth.TokenVerifier;
import dev.toolwarden.runtime.auth.VerifiedToken;
import dev.toolwarden.runtime.internal.auth.OAuthCallers;
import dev.toolwarden.runtime.internal.pipeline.Caller;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * OAuth 2.1 authentication in front of the MCP servlet (2025-11-25 authorization spec, RFC 6750,
 * RFC 9728), reading headers only — an anonymous client never gets the server to parse a body:
 *
 * <ol>
 *   <li>the token, from the {@code Authorization: Bearer} header only ({@link BearerTokens});
 *   <li>its verification ({@link TokenVerification}): 401 {@code invalid_token}, or 503 when the
 *       authorization server is unreachable;
 *   <li>the server-wide required scopes: 403 {@code insufficient_scope};
 *   <li>the principal and scopes (never the token) go on as request attributes: the
 *       {@link Caller} for the call pipeline ({@link OAuthCallers}), the {@link VerifiedToken}
 *       for the later filters — the per-tool scope check ({@link ToolScopeFilter}) and the
 *       session binding ({@link SessionGuardFilter}).
 * </ol>
 *
 * Every refusal is reported to the resource server's auth events, without the token.
 */
final class OAuthFilter implements Filter {

  private static final String VERIFIED_TOKEN = "dev.toolwarden.verified-token";

  private final ResourceServer rs;
  private final BearerTokens tokens;
  private final TokenVerification verification;
  private final OAuthRefusals refusals;

  OAuthFilter(ResourceServer rs, TokenVerifier verifier, OAuthRefusals refusals) {
    this.rs = rs;
    this.refusals = refusals;
    this.tokens = new BearerTokens(refusals);
    this.verification = new TokenVerification(verifier, refusals);
  }

  /** The token {@link OAuthFilter} verified for {@code request}, or null without OAuth. */
  static VerifiedToken verified(ServletRequest request) {
    return request.getAttribute(VERIFIED_TOKEN) instanceof VerifiedToken v ? v : null;
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) req;
    HttpServletResponse response = (HttpServletResponse) res;
    if ("OPTIONS".equals(request.getMethod())) {
      chain.doFilter(req, res); // no credential on preflights; the servlet only lists the methods
      return;
    }
    VerifiedToken verified;
    try {
      verified = verification.verify(tokens.extract(request));
    } catch (RefusedException e) {
      refusals.send(request, response, e.refusal(), null);
      return;
    }
    if (!verified.grants(rs.requiredScopes())) {
      String scopes = String.join(" ", rs.requiredScopes());
      refusals.send(request, response, refusals.insufficientScope("This server requires the scopes " + scopes, scopes)
          .forTool(null, rs.requiredScopes()), verified);
      return;
    }
    request.setAttribute(VERIFIED_TOKEN, verified);
    // the token's client, so that the audit trail names it rather than what the client calls itself (docs/audit.md)
    request.setAttribute(OAuthCallers.CONTEXT_KEY,
        new Caller(verified.subject(), verified.scopes(), verified.clientId()));
    chain.doFilter(request, response);
  }
}
