package dev.toolwarden.processor.model;

import java.util.List;
import javax.lang.model.element.ExecutableElement;

/**
 * One {@code @McpComplete} method: the completion of a prompt argument or a resource template variable.
 *
 * @param method the method
 * @param target what it completes, or null when the annotation names no valid target
 * @param roles what each parameter receives, in order; null for a parameter of no valid role
 * @param returnsStrings whether the method returns {@code List<String>}
 * @param scopes the method's own required scopes (the runtime adds those of the target)
 * @param rateLimit the rate limit or null
 */
public record CompletionModel(ExecutableElement method, Target target, List<Role> roles, boolean returnsStrings,
    List<String> scopes, RateLimitModel rateLimit) implements Operation {

  /** What a completion completes. */
  public enum RefKind { PROMPT, RESOURCE_TEMPLATE }

  /**
   * The argument of a prompt, or the variable of a resource template.
   *
   * @param kind prompt or template
   * @param ref the prompt name, or the template text
   * @param argument the argument or variable name
   */
  public record Target(RefKind kind, String ref, String argument) {
    /** "argument 'lang' of prompt review", "variable 'path' of resource template file:///{+path}". */
    public String describe() {
      return kind == RefKind.PROMPT ? "argument '" + argument + "' of prompt " + ref
          : "variable '" + argument + "' of resource template " + ref;
    }
  }

  /** What a parameter of a completion method receives. */
  public enum Role {
    /** {@code String}: the partial value the client typed. */
    VALUE,
    /** {@code Map<String, String>}: the arguments the client already chose. */
    CONTEXT,
    /** {@code ToolContext}: the injected context. */
    TOOL_CONTEXT
  }

  /** A completion has no parameter the client sends as JSON: its value and context are strings. */
  @Override
  public List<Field> parameters() {
    return List.of();
  }

  @Override
  public String name() {
    return target == null ? method.getSimpleName().toString() : target.ref() + "/" + target.argument();
  }

  @Override
  public String describe() {
    return target == null ? "completion " + method.getSimpleName() + "()" : "completion of " + target.describe();
  }
}
