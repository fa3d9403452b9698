package dev.toolwarden.test.internal;

import dev.toolwarden.runtime.internal.pipeline.Caller;
import dev.toolwarden.runtime.internal.pipeline.CallerResolver;
import io.modelcontextprotocol.common.McpTransportContext;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Who the test client says it is for one request: a principal and scopes, each {@code null} for the server's
 * default (the stdio grant: the anonymous local caller with every declared scope, or the configured
 * {@code grant-scopes}). It travels in the request's transport context, the way the HTTP layer hands the verified
 * caller of a token to the pipeline; the server never trusts it over a transport other than the in-memory pipe.
 *
 * @param principal the principal, or null for the default
 * @param scopes the granted scopes, or null for the default
 */
public record RequestCaller(String principal, Set<String> scopes) {

  /** The transport-context key. */
  static final String KEY = "dev.toolwarden.test.caller";

  /** Neither principal nor scopes named: the server's default caller. */
  public static final RequestCaller DEFAULT = new RequestCaller(null, null);

  /** Copies the scopes. */
  public RequestCaller {
    scopes = scopes == null ? null : Set.copyOf(scopes);
  }

  /** This caller with {@code principal}. */
  public RequestCaller withPrincipal(String p) {
    return new RequestCaller(p, scopes);
  }

  /** This caller with {@code granted} scopes. */
  public RequestCaller withScopes(Set<String> granted) {
    return new RequestCaller(principal, granted);
  }

  /** The transport context that carries this caller. */
  public McpTransportContext context() {
    return McpTransportContext.create(Map.of(KEY, this));
  }

  /**
   * Wraps the server's caller resolution: a request that names a principal or scopes gets them, the rest of the
   * caller (the OAuth client id) and what it does not name come from the server's own resolution.
   */
  public static UnaryOperator<CallerResolver> resolution() {
    return fallback -> context -> {
      Caller base = fallback.resolve(context);
      Object named = context == null ? null : context.get(KEY);
      if (!(named instanceof RequestCaller c)) {
        return base;
      }
      return new Caller(c.principal != null ? c.principal : base.principal(), c.scopes != null ? c.scopes : base.scopes(),
          base.clientId());
    };
  }
}
