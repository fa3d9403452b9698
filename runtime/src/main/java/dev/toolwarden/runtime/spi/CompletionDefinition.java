package dev.toolwarden.runtime.spi;

import java.util.Objects;

/**
 * Everything the runtime needs to serve one {@code @McpComplete} method.
 *
 * @param refKind what the completion completes an argument of
 * @param ref the prompt name, or the resource template's URI template
 * @param argument the prompt argument or template variable it completes
 * @param policy the declared security policy; the runtime also applies the scopes of the prompt or template
 *     it refers to
 * @param completer calls the method
 */
public record CompletionDefinition(
    RefKind refKind, String ref, String argument, ToolPolicy policy, Completer completer) {

  /** The two kinds of reference {@code completion/complete} carries. */
  public enum RefKind {
    /** {@code ref/prompt}: {@code ref} is a prompt name. */
    PROMPT,
    /** {@code ref/resource}: {@code ref} is a URI template. */
    RESOURCE_TEMPLATE
  }

  public CompletionDefinition {
    Objects.requireNonNull(refKind, "refKind");
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(argument, "argument");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(completer, "completer");
  }
}
