package dev.toolwarden.runtime.spi;

import java.util.List;
import java.util.Objects;

/**
 * Everything the runtime needs to register and enforce one prompt ({@code @McpPrompt}).
 *
 * @param name the prompt name clients get
 * @param title the human-readable title, or {@code null}
 * @param description the description, or {@code null}
 * @param arguments the arguments as {@code prompts/list} shows them, in parameter order
 * @param argumentsSchema the JSON Schema (2020-12) of the arguments, as JSON text; MCP sends every prompt argument
 *     as a string, and the runtime converts each to its property's JSON type before the renderer binds it
 * @param policy the declared security policy
 * @param renderer binds and validates the arguments, calls the method and maps its result
 */
public record PromptDefinition(
    String name, String title, String description, List<PromptArgument> arguments, String argumentsSchema,
    ToolPolicy policy, PromptRenderer renderer) {

  public PromptDefinition {
    Objects.requireNonNull(name, "name");
    arguments = List.copyOf(arguments);
    Objects.requireNonNull(argumentsSchema, "argumentsSchema");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(renderer, "renderer");
  }
}
