package dev.toolwarden.runtime.internal.http;

import dev.toolwarden.runtime.auth.VerifiedToken;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The per-tool scope check, before the MCP layer: a {@code tools/call} whose token lacks the
 * tool's scopes is answered 403 {@code insufficient_scope}, so the client can step up. It judges
 * the message {@link JsonRpcBodyFilter} parsed, which is exactly what the SDK will execute.
 *
 * <p>Tool names are secret exactly when {@code tools/list} hides them (the default): then an
 * unknown tool is answered byte for byte like a tool the caller may not use — same status, same
 * challenge, same body — and that challenge cannot name the tool's own scopes (that would tell
 * the two apart), so it asks for the server's public scope list ({@code scopes_supported} of
 * the protected resource metadata, after any server-wide scopes). A caller that already holds
 * every one of those scopes can list every tool anyway: its unknown tool goes on to the SDK's
 * "unknown tool" error. With the list unfiltered, names are public: the challenge names the
 * tool's own scopes and an unknown tool goes on to the SDK.
 *
 * <p>An MCP 2026-07-28 request names its tool in the {@code Mcp-Name} header too: its mirrored headers are checked
 * against the body first ({@link ModernStepUp}: 400 -32020 when they differ), then the header's name is judged.
 */
final class ToolScopeFilter implements Filter {

  /** The same for every refused name, so it reveals nothing about which names exist. */
  static final String HIDDEN_DESCRIPTION = "The access token lacks a scope this call requires";

  private final Map<String, List<String>> toolScopes;
  private final Set<String> allScopes;
  private final boolean namesAreSecret;
  private final OAuthRefusals refusals;

  ToolScopeFilter(Map<String, List<String>> toolScopes, boolean namesAreSecret, OAuthRefusals refusals) {
    this.toolScopes = Map.copyOf(toolScopes);
    Set<String> all = new LinkedHashSet<>();
    toolScopes.values().forEach(all::addAll);
    this.allScopes = Set.copyOf(all);
    this.namesAreSecret = namesAreSecret;
    this.refusals = refusals;
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
    JsonRpcBody body = ParsedBodyRequest.body(req);
    VerifiedToken verified = OAuthFilter.verified(req);
    if (body != null && ModernStepUp.refuseMismatch((HttpServletRequest) req, (HttpServletResponse) res, body)) {
      return; // a 2026-07-28 request whose Mcp-Name (or other mirrored header) is not its body's: 400 -32020
    }
    Refusal refusal = body == null || verified == null ? null : judge((HttpServletRequest) req, body.message(),
        verified);
    if (refusal == null) {
      chain.doFilter(req, res);
      return;
    }
    refusals.send((HttpServletRequest) req, (HttpServletResponse) res, refusal, verified);
  }

  /** Null when the message may go on; else the 403 to answer. */
  private Refusal judge(HttpServletRequest http, McpSchema.JSONRPCMessage message, VerifiedToken verified) {
    if (!(message instanceof McpSchema.JSONRPCRequest request)
        || !McpSchema.METHOD_TOOLS_CALL.equals(request.method())
        || !(request.params() instanceof Map<?, ?> params)) {
      return null; // not a tool call, or a malformed one that the params check answers
    }
    // 2026-07-28: the Mcp-Name header, proved equal to the body's name above; before: the body's name
    String tool = ModernStepUp.name(http, params, "name");
    if (tool == null) {
      return null;
    }
    List<String> required = toolScopes.get(tool);
    boolean known = required != null;
    if (known && verified.grants(required)) {
      return null;
    }
    if (!namesAreSecret) {
      if (!known) {
        return null;
      }
      String scopes = String.join(" ", required);
      String description = "The tool '" + tool + "' requires the scope" + (required.size() == 1 ? " " : "s ") + scopes;
      return refusals.insufficientScope(description, scopes).forTool(tool, required);
    }
    if (!known && verified.grants(allScopes)) {
      return null;
    }
    // the audit trail (server side only) keeps what the client must not learn
    return refusals.insufficientScope(HIDDEN_DESCRIPTION, refusals.defaultScope())
        .forTool(tool, known ? required : List.of());
  }
}
