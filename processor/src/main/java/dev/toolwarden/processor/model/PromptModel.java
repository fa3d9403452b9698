package dev.toolwarden.processor.model;

import java.util.List;
import javax.lang.model.element.ExecutableElement;

/**
 * One {@code @McpPrompt} method: its parameters are the prompt's arguments, read, constrained and guarded like
 * tool arguments.
 *
 * @param method the method
 * @param name the prompt name (the method name unless set)
 * @param title the title or null
 * @param description the description or null
 * @param parameters the parameters in order, the injected context included
 * @param result how the returned value becomes the prompt, or null when the return type is not supported
 * @param scopes the required scopes
 * @param rateLimit the rate limit or null
 */
public record PromptModel(ExecutableElement method, String name, String title, String description,
    List<Field> parameters, Result result, List<String> scopes, RateLimitModel rateLimit) implements Operation {

  /** What the method returns. */
  public enum Result {
    /** {@code String}: one user message. */
    TEXT,
    /** {@code List<PromptMessage>} or {@code GetPromptResult} of the MCP SDK: as returned. */
    PASSTHROUGH
  }

  @Override
  public String describe() {
    return "prompt " + name;
  }
}
