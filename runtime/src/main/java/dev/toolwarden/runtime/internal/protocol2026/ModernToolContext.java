package dev.toolwarden.runtime.internal.protocol2026;

import dev.toolwarden.runtime.Elicited;
import dev.toolwarden.runtime.ToolContext;
import dev.toolwarden.runtime.ToolException;
import dev.toolwarden.runtime.internal.pipeline.Caller;
import dev.toolwarden.runtime.internal.pipeline.Cancellation;
import dev.toolwarden.runtime.internal.pipeline.ElicitationForms;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.Set;

/**
 * {@link ToolContext} of an MCP 2026-07-28 call: no session; elicitation through the round's
 * {@code InputRequiredResult} ({@link InputRound}); cancellation by the transport (a closed HTTP response stream,
 * {@code notifications/cancelled} on stdio). Log and progress notifications are dropped: answers are single JSON
 * responses. Sampling is not offered in this era yet (it would be another input request).
 */
final class ModernToolContext implements ToolContext {

  private final McpSchema.CallToolRequest request;
  private final Caller caller;
  private final InputRound round;
  private final ElicitationForms forms;
  private final Cancellation cancellation;

  ModernToolContext(McpSchema.CallToolRequest request, Caller caller, InputRound round, ElicitationForms forms,
      Cancellation cancellation) {
    this.request = request;
    this.caller = caller;
    this.round = round;
    this.forms = forms;
    this.cancellation = cancellation;
  }

  @Override
  public String principal() {
    return caller.principal();
  }

  @Override
  public Set<String> scopes() {
    return caller.scopes();
  }

  @Override
  public String sessionId() {
    return null;
  }

  @Override
  public String toolName() {
    return request.name();
  }

  @Override
  public void log(McpSchema.LoggingLevel level, String message) {
    // answered as one JSON response: no stream for a notification
  }

  @Override
  public void progress(double progress, Double total, String message) {
    // answered as one JSON response: no stream for a notification
  }

  @Override
  public McpSchema.CreateMessageResult sample(McpSchema.CreateMessageRequest req) {
    throw new ToolException("sampling (ToolContext.sample) is not served to MCP 2026-07-28 clients yet: check"
        + " canSample() first");
  }

  @Override
  public McpSchema.ElicitResult elicit(McpSchema.ElicitRequest req) {
    return round.elicit(req);
  }

  @Override
  public <T extends Record> Elicited<T> elicit(Class<T> form, String message) {
    return forms.ask(this, form, message);
  }

  @Override
  public boolean isCancelled() {
    return cancellation.isCancelled();
  }

  @Override
  public void onCancel(Runnable action) {
    cancellation.onCancel(action);
  }

  @Override
  public boolean canSample() {
    return false;
  }

  @Override
  public boolean canElicit() {
    return round.canElicit();
  }
}
