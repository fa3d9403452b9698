package dev.toolwarden.runtime.internal.pipeline;

import dev.toolwarden.runtime.audit.AuditOutcome;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Refuses a call when the caller lacks one of the tool's declared scopes. On HTTP with OAuth
 * this repeats the transport's check (defence in depth); on stdio it enforces the configured
 * grant.
 */
public final class ScopeCheck implements CallStep {

  @Override
  public CallToolResult apply(ToolCall call, CallChain next) throws Exception {
    List<String> missing = new ArrayList<>();
    Set<String> granted = call.caller() == null ? Set.of() : call.caller().scopes();
    for (String scope : call.tool().policy().scopes()) {
      if (!granted.contains(scope)) {
        missing.add(scope);
      }
    }
    if (!missing.isEmpty()) {
      call.record().decide(AuditOutcome.SCOPE_DENIED, "missing scope" + (missing.size() == 1 ? " " : "s ")
          + String.join(" ", missing));
      return Results.error("Forbidden: " + call.subject() + " requires the scope"
          + (missing.size() == 1 ? " " : "s ") + String.join(", ", missing) + ", which this caller was not granted");
    }
    return next.proceed(call);
  }
}
