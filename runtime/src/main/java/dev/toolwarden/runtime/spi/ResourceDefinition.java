package dev.toolwarden.runtime.spi;

import java.util.Objects;

/**
 * Everything the runtime needs to register and enforce one fixed resource ({@code @McpResource}).
 *
 * @param uri the resource's URI, absolute (checked at compile time)
 * @param name the resource name
 * @param title the human-readable title, or {@code null}
 * @param description the description, or {@code null}
 * @param mimeType the MIME type of its contents, or {@code null} to let the outcome decide
 *     ({@code text/plain}, {@code application/octet-stream} or {@code application/json})
 * @param policy the declared security policy (scopes, rate limit, redactions; no path rules)
 * @param reader calls the method and maps its result
 */
public record ResourceDefinition(
    String uri, String name, String title, String description, String mimeType, ToolPolicy policy,
    ResourceReader reader) {

  public ResourceDefinition {
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(reader, "reader");
  }
}
