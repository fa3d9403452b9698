package dev.toolwarden.runtime.internal.auth;

import dev.toolwarden.runtime.internal.pipeline.Caller;
import dev.toolwarden.runtime.internal.pipeline.CallerResolver;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpSyncListFilter;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * How the verified principal and scopes travel from the HTTP filter to the call pipeline: the
 * filter stores a {@link Caller} (principal and scopes, never the token) as a request attribute;
 * the transport's context extractor copies it into the SDK's {@link McpTransportContext} under
 * {@link #CONTEXT_KEY}; {@link #resolver()} reads it for each call.
 */
public final class OAuthCallers {

  /** The request attribute and transport-context key of the {@link Caller}. */
  public static final String CONTEXT_KEY = "dev.toolwarden.caller";

  private static final Caller NOBODY = new Caller(Caller.ANONYMOUS, Set.of());

  private OAuthCallers() {}

  /** The caller of a request's transport context; an anonymous caller without scopes when none. */
  public static Caller from(McpTransportContext context) {
    Object c = context == null ? null : context.get(CONTEXT_KEY);
    return c instanceof Caller caller ? caller : NOBODY;
  }

  /**
   * Without Toolwarden's OAuth, in a servlet container whose own security authenticated the request (an application's
   * Spring Security chain in front of the Spring Boot starter's endpoint): names that user as the request's caller, so
   * that session ownership, per-principal rate limits and the audit trail tell the users apart instead of taking them
   * all for the one local principal. Only the name is taken: the grants stay the fixed local caller's
   * ({@link #authenticatedUsers()}).
   */
  public static void authenticatedUser(jakarta.servlet.ServletRequest request, String name) {
    request.setAttribute(CONTEXT_KEY, new Caller(name, Set.of()));
  }

  /** The caller's name a filter put on {@code request} (the OAuth filter, or {@link #authenticatedUser}), or null. */
  public static String authenticatedUser(jakarta.servlet.ServletRequest request) {
    return request.getAttribute(CONTEXT_KEY) instanceof Caller caller ? caller.principal() : null;
  }

  /**
   * The resolution without OAuth where {@link #authenticatedUser} may name the caller: the fixed local caller (its
   * grants, its client id), under the authenticated user's name when the request had one.
   */
  public static UnaryOperator<CallerResolver> authenticatedUsers() {
    return local -> context -> {
      Caller grant = local.resolve(context);
      Object user = context == null ? null : context.get(CONTEXT_KEY);
      return user instanceof Caller named ? new Caller(named.principal(), grant.scopes(), grant.clientId()) : grant;
    };
  }

  /** Resolves each call's caller from the transport context the OAuth filter filled. */
  public static CallerResolver resolver() {
    return OAuthCallers::from;
  }

  /**
   * Hides from {@code tools/list} the tools whose scopes the caller lacks. Only a view: the
   * filter in front of the transport and the pipeline's scope check are the access control.
   */
  public static McpSyncListFilter<McpSchema.Tool> toolFilter(Map<String, List<String>> toolScopes) {
    Map<String, List<String>> copy = Map.copyOf(toolScopes);
    return (context, tool) -> {
      List<String> required = copy.get(tool.name());
      return required == null || from(context).scopes().containsAll(required);
    };
  }
}
