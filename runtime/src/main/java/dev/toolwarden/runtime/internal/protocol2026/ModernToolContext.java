package dev.toolwarden.runtime.internal.protocol2026;

import dev.toolwarden.runtime.Elicited;
import dev.toolwarden.runtime.ToolContext;
import dev.toolwarden.runtime.ToolException;
import dev.toolwarden.runtime.internal.pipeline.Caller;
import dev.toolwarden.runtime.internal.pipeline.Cancellation;
import dev.toolwarden.runtime.internal.pipeline.ElicitationForms;
import dev.toolwarden.runtime.internal.pipeline.SessionlessToolContext;
import io.modelcontextprotocol.spec.McpSchema;

/**
 * {@link ToolContext} of an MCP 2026-07-28 call: no session; elicitation through the round's
 * {@code InputRequiredResult} ({@link InputRound}); cancellation by the transport (a closed HTTP response stream,
 * {@code notifications/cancelled} on stdio); progress on the request's own stream before its answer
 * ({@link ProgressReports}: only for a client that sent a {@code progressToken}). Log notifications are dropped.
 * Sampling is not offered in this era yet (it would be another input request): a client that did not declare it is
 * told so (-32021), one that did gets a tool error.
 */
final class ModernToolContext extends SessionlessToolContext {

  private final InputRound round;
  private final ElicitationForms forms;
  private final Cancellation cancellation;
  private final ProgressReports progress;

  ModernToolContext(McpSchema.CallToolRequest request, Caller caller, InputRound round, ElicitationForms forms,
      Cancellation cancellation, ProgressReports progress) {
    super(request, caller);
    this.round = round;
    this.forms = forms;
    this.cancellation = cancellation;
    this.progress = progress;
  }

  @Override
  public void progress(double progress, Double total, String message) {
    this.progress.report(progress, total, message);
  }

  @Override
  public McpSchema.CreateMessageResult sample(McpSchema.CreateMessageRequest req) {
    round.requireSampling();
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
  public boolean canElicit() {
    return round.canElicit();
  }
}
