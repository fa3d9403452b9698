package dev.toolwarden.runtime.spi;

import java.util.Objects;

/**
 * Everything the runtime needs to register and enforce one resource template
 * ({@code @McpResourceTemplate}).
 *
 * @param uriTemplate the RFC 6570 template (levels 1–3 operators the processor accepts), checked at compile time
 * @param name the template name
 * @param title the human-readable title, or {@code null}
 * @param description the description, or {@code null}
 * @param mimeType the MIME type of the contents, or {@code null} to let the outcome decide
 * @param variablesSchema the JSON Schema (2020-12) of the variables, as JSON text: an object with one property per
 *     variable, typed and constrained like a tool's input; the runtime converts each variable's text to the
 *     property's JSON type before the reader binds it
 * @param policy the declared security policy; path rules point at {@code /input/<variable>}
 * @param reader binds and validates the variables, calls the method and maps its result
 */
public record ResourceTemplateDefinition(
    String uriTemplate, String name, String title, String description, String mimeType, String variablesSchema,
    ToolPolicy policy, ResourceReader reader) {

  public ResourceTemplateDefinition {
    Objects.requireNonNull(uriTemplate, "uriTemplate");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(variablesSchema, "variablesSchema");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(reader, "reader");
  }
}
