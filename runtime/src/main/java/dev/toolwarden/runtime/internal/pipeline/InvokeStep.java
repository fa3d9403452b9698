package dev.toolwarden.runtime.internal.pipeline;

import dev.toolwarden.runtime.spi.ToolOutcome;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;

/** The last step: runs the generated invoker (bind, validate, call) and maps its outcome. */
public final class InvokeStep implements CallStep {

  private final ResultMapper mapper;

  public InvokeStep(ResultMapper mapper) {
    this.mapper = mapper;
  }

  @Override
  public CallToolResult apply(ToolCall call, CallChain next) throws Exception {
    ToolOutcome outcome = call.tool().invoker().invoke(call.target(), call.arguments(), call.invocation());
    return mapper.map(outcome);
  }
}
