package dev.toolwarden.runtime.internal.pipeline;

import dev.toolwarden.runtime.ToolContext;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.Set;

/**
 * What every {@link ToolContext} of a call without a session shares (the stateless mode of 2025-11-25 and the
 * MCP 2026-07-28 era): who calls which tool, no session id, and log messages dropped — the answer is one JSON
 * response, with no stream to carry a notification. Progress is dropped too unless the era has a stream for it (the
 * 2026-07-28 adapter does). Sampling, elicitation and cancellation are each era's own.
 */
public abstract class SessionlessToolContext implements ToolContext {

  private final McpSchema.CallToolRequest request;
  private final Caller caller;

  /** The context of a call of {@code request} by {@code caller}. */
  protected SessionlessToolContext(McpSchema.CallToolRequest request, Caller caller) {
    this.request = request;
    this.caller = caller;
  }

  @Override
  public final String principal() {
    return caller.principal();
  }

  @Override
  public final Set<String> scopes() {
    return caller.scopes();
  }

  @Override
  public final String sessionId() {
    return null;
  }

  @Override
  public final String toolName() {
    return request.name();
  }

  @Override
  public final void log(McpSchema.LoggingLevel level, String message) {
    // one JSON response: no stream to the client to carry a notification
  }

  @Override
  public void progress(double progress, Double total, String message) {
    // one JSON response: no stream to the client to carry a notification
  }

  @Override
  public boolean canSample() {
    return false;
  }
}
