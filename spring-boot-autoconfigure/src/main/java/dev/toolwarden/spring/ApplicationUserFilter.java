package dev.toolwarden.spring;

import dev.toolwarden.runtime.internal.auth.OAuthCallers;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.security.Principal;

/**
 * Without Toolwarden's OAuth the application's own security guards the MCP endpoint (its Spring Security chain runs
 * before Toolwarden's filters and wraps the request): the user it authenticated becomes the MCP caller's principal.
 * Otherwise every user would be Toolwarden's one local principal — any user could use another's session, push it out
 * of the sessions kept, share one per-principal rate-limit bucket with everyone, and the audit trail could not tell
 * them apart. Spring Security's anonymous user has no principal here ({@code getUserPrincipal()} is null for it), so
 * an unauthenticated request stays the local caller, as before. The grants are unchanged: they remain the local
 * caller's.
 */
final class ApplicationUserFilter implements Filter {

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
    Principal user = ((HttpServletRequest) req).getUserPrincipal();
    if (user != null && user.getName() != null && !user.getName().isBlank()) {
      OAuthCallers.authenticatedUser(req, user.getName());
    }
    chain.doFilter(req, res);
  }
}
