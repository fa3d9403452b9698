package dev.toolwarden.runtime.internal.pipeline;

import dev.toolwarden.runtime.Elicited;
import dev.toolwarden.runtime.ToolException;
import io.modelcontextprotocol.spec.McpSchema;

/**
 * {@link dev.toolwarden.runtime.ToolContext} of a call served in stateless mode: the answer is one JSON response, so
 * there is nothing to send a notification on and no session to ask the client anything. Log and
 * progress messages are dropped (the client cannot receive them); sampling and elicitation fail
 * at the tool with a message that says why and what to do, instead of hanging or vanishing.
 */
public final class StatelessToolContext extends SessionlessToolContext {

  /** The context of a stateless call of {@code request} by {@code caller}. */
  public StatelessToolContext(McpSchema.CallToolRequest request, Caller caller) {
    super(request, caller);
  }

  @Override
  public McpSchema.CreateMessageResult sample(McpSchema.CreateMessageRequest req) {
    throw needsSession("sampling (ToolContext.sample)");
  }

  @Override
  public McpSchema.ElicitResult elicit(McpSchema.ElicitRequest req) {
    throw needsSession("elicitation (ToolContext.elicit)");
  }

  @Override
  public <T extends Record> Elicited<T> elicit(Class<T> form, String message) {
    throw needsSession("elicitation (ToolContext.elicit)");
  }

  @Override
  public boolean isCancelled() {
    return false; // one synchronous answer: the SDK's stateless transport offers no cancellation
  }

  @Override
  public void onCancel(Runnable action) {
    // never cancelled: see isCancelled()
  }

  @Override
  public boolean canElicit() {
    return false;
  }

  @Override
  public java.util.List<McpSchema.Root> roots() {
    throw needsSession("roots (ToolContext.roots)");
  }

  private static ToolException needsSession(String what) {
    return new ToolException(what + " needs a session, and this server runs stateless: it cannot ask the client"
        + " anything. Check canSample()/canElicit()/canListRoots() first, or serve this tool statefully (without stateless mode).");
  }
}
