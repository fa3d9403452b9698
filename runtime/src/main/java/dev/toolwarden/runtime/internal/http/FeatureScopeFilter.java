package dev.toolwarden.runtime.internal.http;

import dev.toolwarden.runtime.auth.VerifiedToken;
import dev.toolwarden.runtime.internal.feature.FeatureScopes;
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
import java.util.List;
import java.util.Map;

/**
 * {@link ToolScopeFilter}'s sibling for the annotated features: a {@code resources/read}, {@code resources/subscribe}
 * or {@code resources/unsubscribe} (the URI, resolved exactly as the read will be), {@code prompts/get} (the name) or {@code completion/complete} (the reference and argument) whose
 * token lacks the scopes is answered 403 {@code insufficient_scope} before the SDK sees it, with the same rules for
 * secret names: when the lists are filtered, an unknown URI, prompt or reference is refused byte for byte like a
 * forbidden one unless the token holds every feature scope; SDK passthrough features (no policy) always go on. A 2026-07-28
 * request's mirrored headers are checked against its body first ({@link ModernStepUp}).
 */
final class FeatureScopeFilter implements Filter {

  private final FeatureScopes scopes;
  private final boolean namesAreSecret;
  private final OAuthRefusals refusals;

  FeatureScopeFilter(FeatureScopes scopes, boolean namesAreSecret, OAuthRefusals refusals) {
    this.scopes = scopes;
    this.namesAreSecret = namesAreSecret;
    this.refusals = refusals;
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
    JsonRpcBody body = ParsedBodyRequest.body(req);
    VerifiedToken verified = OAuthFilter.verified(req);
    if (body != null && ModernStepUp.refuseMismatch((HttpServletRequest) req, (HttpServletResponse) res, body)) {
      return; // a 2026-07-28 request whose mirrored headers are not its body's: 400 -32020
    }
    Refusal refusal = body == null || verified == null ? null : judge((HttpServletRequest) req, body.message(),
        verified);
    if (refusal == null) {
      chain.doFilter(req, res);
      return;
    }
    refusals.send((HttpServletRequest) req, (HttpServletResponse) res, refusal, verified);
  }

  /** What a request names: its label for the audit trail and messages, and the scopes it needs (null: unknown). */
  private record Named(String label, List<String> required, boolean passthrough) {}

  private Refusal judge(HttpServletRequest http, McpSchema.JSONRPCMessage message, VerifiedToken verified) {
    if (!(message instanceof McpSchema.JSONRPCRequest request) || !(request.params() instanceof Map<?, ?> params)) {
      return null;
    }
    Named named = named(http, request.method(), params);
    if (named == null) {
      return null; // not a feature request, or a malformed one that the params check answers
    }
    if (named.passthrough()) {
      return null;
    }
    List<String> required = named.required();
    boolean known = required != null;
    if (known && verified.grants(required)) {
      return null;
    }
    if (!namesAreSecret) {
      if (!known) {
        return null;
      }
      String s = String.join(" ", required);
      String description = "The " + named.label() + " requires the scope" + (required.size() == 1 ? " " : "s ") + s;
      return refusals.insufficientScope(description, s).forTool(named.label(), required);
    }
    if (!known && verified.grants(scopes.all())) {
      return null;
    }
    return refusals.insufficientScope(ToolScopeFilter.HIDDEN_DESCRIPTION, refusals.defaultScope())
        .forTool(named.label(), known ? required : List.of());
  }

  private Named named(HttpServletRequest http, String method, Map<?, ?> params) {
    switch (method) {
      case McpSchema.METHOD_RESOURCES_READ:
      case McpSchema.METHOD_RESOURCES_SUBSCRIBE:
      case McpSchema.METHOD_RESOURCES_UNSUBSCRIBE: {
        // a subscription to a URI needs what reading it needs: the SDK keeps subscriptions itself, for any URI.
        // 2026-07-28: the Mcp-Name header, proved equal to the body's uri; before: the body's uri
        String uri = ModernStepUp.name(http, params, "uri");
        if (uri == null) {
          return null;
        }
        String servedBy = scopes.servedBy(uri);
        // never the URI read in a label: its variables may be redacted; the template that serves it instead
        return new Named(servedBy == null ? "resource" : "resource '" + servedBy + "'", scopes.forRead(uri),
            servedBy == null && scopes.isPassthroughRead(uri));
      }
      case McpSchema.METHOD_PROMPT_GET: {
        String name = ModernStepUp.name(http, params, "name");
        if (name == null) {
          return null;
        }
        return new Named("prompt '" + name + "'", scopes.forPrompt(name), scopes.isPassthroughPrompt(name));
      }
      case McpSchema.METHOD_COMPLETION_COMPLETE: {
        if (!(params.get("ref") instanceof Map<?, ?> ref) || !(params.get("argument") instanceof Map<?, ?> arg)
            || !(arg.get("name") instanceof String argument)) {
          return null;
        }
        if ("ref/prompt".equals(ref.get("type")) && ref.get("name") instanceof String name) {
          return new Named("completion of prompt '" + name + "'", scopes.forCompletion(true, name, argument),
              scopes.isPassthroughPrompt(name));
        }
        if ("ref/resource".equals(ref.get("type")) && ref.get("uri") instanceof String uri) {
          List<String> required = scopes.forCompletion(false, uri, argument);
          return new Named("completion of resource template '" + uri + "'", required,
              required == null && scopes.isPassthroughRead(uri));
        }
        return null;
      }
      default:
        return null;
    }
  }
}
