package dev.toolwarden.runtime.spi;

import java.util.Objects;

/**
 * Everything the runtime needs to register and enforce one tool.
 *
 * @param name the tool name clients call
 * @param title the human-readable title, or {@code null}
 * @param description the description, or {@code null}
 * @param hints the behaviour hints
 * @param inputSchema the input JSON Schema (2020-12) as JSON text
 * @param outputSchema the output JSON Schema as JSON text, or {@code null} when the tool returns
 *     unstructured content
 * @param policy the declared security policy
 * @param invoker binds, validates and invokes the tool
 */
public record ToolDefinition(
    String name,
    String title,
    String description,
    ToolHints hints,
    String inputSchema,
    String outputSchema,
    ToolPolicy policy,
    ToolInvoker invoker) {

  public ToolDefinition {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(hints, "hints");
    Objects.requireNonNull(inputSchema, "inputSchema");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(invoker, "invoker");
  }
}
