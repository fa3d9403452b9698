package dev.toolwarden.runtime.internal.auth;

import dev.toolwarden.runtime.internal.pipeline.Caller;
import dev.toolwarden.runtime.internal.pipeline.CallerResolver;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpSyncListFilter;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

  /** Resolves each call's caller from the transport context the OAuth filter filled. */
  public static CallerResolver resolver() {
    return exchange -> from(exchange.transportContext());
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
