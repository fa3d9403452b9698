package dev.toolwarden.runtime.internal.protocol2026;

import dev.toolwarden.runtime.Elicited;
import dev.toolwarden.runtime.InputAnswers;
import dev.toolwarden.runtime.Inputs;
import dev.toolwarden.runtime.ToolContext;
import dev.toolwarden.runtime.internal.pipeline.Caller;
import dev.toolwarden.runtime.internal.pipeline.Cancellation;
import dev.toolwarden.runtime.internal.pipeline.ElicitationForms;
import dev.toolwarden.runtime.internal.pipeline.SessionlessToolContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;

/**
 * {@link ToolContext} of an MCP 2026-07-28 call (a tool's, or a prompt's): no session; elicitation, sampling and roots
 * are input requests of the round's {@code InputRequiredResult} ({@link InputRound}, {@link InputAsker}), never
 * server requests; cancellation by the transport (a closed HTTP response stream, {@code notifications/cancelled} on
 * stdio); progress on the request's own stream before its answer ({@link ProgressReports}: only for a client that sent
 * a {@code progressToken}). Log notifications are dropped.
 */
final class ModernToolContext extends SessionlessToolContext {

  private final InputRound round;
  private final InputAsker asker;
  private final Cancellation cancellation;
  private final ProgressReports progress;

  ModernToolContext(McpSchema.CallToolRequest request, Caller caller, InputRound round, ElicitationForms forms,
      Cancellation cancellation, ProgressReports progress, McpJsonMapper json) {
    super(request, caller);
    this.round = round;
    this.asker = new InputAsker(round, forms, json);
    this.cancellation = cancellation;
    this.progress = progress;
  }

  @Override
  public void progress(double progress, Double total, String message) {
    this.progress.report(progress, total, message);
  }

  @Override
  public InputAnswers ask(Inputs inputs) {
    return asker.ask(inputs);
  }

  @Override
  public McpSchema.CreateMessageResult sample(McpSchema.CreateMessageRequest req) {
    return sample(asker.nextKey(InputRound.SAMPLE), req);
  }

  @Override
  public McpSchema.ElicitResult elicit(McpSchema.ElicitRequest req) {
    String key = asker.nextKey(InputRound.ELICIT);
    return ask(Inputs.create().elicit(key, req)).elicitResult(key);
  }

  @Override
  public <T extends Record> Elicited<T> elicit(Class<T> form, String message) {
    return elicit(asker.nextKey(InputRound.ELICIT), form, message);
  }

  @Override
  public List<McpSchema.Root> roots() {
    return roots(asker.nextKey(InputRound.ROOTS));
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

  @Override
  public boolean canSample() {
    return round.canSample();
  }

  @Override
  public boolean canListRoots() {
    return round.canListRoots();
  }
}
