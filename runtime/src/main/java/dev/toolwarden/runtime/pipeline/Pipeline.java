package dev.toolwarden.runtime.pipeline;

import io.modelcontextprotocol.json.McpJsonMapper;
import java.util.List;

/** The default pipeline, in the order the design fixes. */
public final class Pipeline {

  private Pipeline() {}

  /**
   * Error mapping (outermost, so every later step is covered), scope check, invoke. Rate limit
   * and audit slot in between as further steps.
   */
  public static CallChain standard(McpJsonMapper json) {
    return CallChain.of(List.of(new ErrorMapping(), new ScopeCheck(), new InvokeStep(new ResultMapper(json))));
  }
}
