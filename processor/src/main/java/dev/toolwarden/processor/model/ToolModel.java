package dev.toolwarden.processor.model;

import java.util.List;
import javax.lang.model.element.ExecutableElement;

/**
 * One {@code @McpTool} method.
 *
 * @param method the method
 * @param name the tool name
 * @param title the title or null
 * @param description the description or null
 * @param hints readOnly, destructive, idempotent, openWorld
 * @param parameters the method's parameters in order (the context parameter included, as a
 *     field whose type is {@link JType.Context})
 * @param returnType the return type's shape, or null for void
 * @param returnKind how the result is mapped
 * @param returnRedacted whether the method is @Redact
 * @param returnKeepLast for a redacted return value, the visible trailing characters
 * @param scopes the required scopes, class and method merged
 * @param rateLimit the rate limit or null
 */
public record ToolModel(
    ExecutableElement method,
    String name,
    String title,
    String description,
    boolean[] hints,
    List<Field> parameters,
    JType returnType,
    ReturnKind returnKind,
    boolean returnRedacted,
    int returnKeepLast,
    List<String> scopes,
    RateLimitModel rateLimit) implements Operation {

  @Override
  public String describe() {
    return "tool " + name;
  }

  /** How a return value becomes a tool result. */
  public enum ReturnKind { VOID, TEXT, STRUCTURED_RECORD, STRUCTURED_OBJECT, STRUCTURED_WRAPPED, PASSTHROUGH }
}
