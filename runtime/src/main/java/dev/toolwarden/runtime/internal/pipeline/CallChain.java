package dev.toolwarden.runtime.internal.pipeline;

import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.List;

/** The remaining steps of the pipeline; immutable, shared by all calls. */
public final class CallChain {

  private final List<CallStep> steps;
  private final int index;

  private CallChain(List<CallStep> steps, int index) {
    this.steps = steps;
    this.index = index;
  }

  /** A chain running {@code steps} in order; the last step must answer without {@code next}. */
  public static CallChain of(List<CallStep> steps) {
    if (steps.isEmpty()) {
      throw new IllegalArgumentException("a pipeline needs at least one step");
    }
    return new CallChain(List.copyOf(steps), 0);
  }

  /** Runs the next step. */
  public CallToolResult proceed(ToolCall call) throws Exception {
    if (index >= steps.size()) {
      throw new IllegalStateException("the last pipeline step must not call next");
    }
    return steps.get(index).apply(call, new CallChain(steps, index + 1));
  }
}
