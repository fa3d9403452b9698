package dev.toolwarden.processor.model;

import java.util.List;
import javax.lang.model.element.ExecutableElement;

/**
 * One {@code @McpResource} method: a fixed URI.
 *
 * @param method the method
 * @param uri the absolute URI as written
 * @param name the resource name (the method name unless set)
 * @param title the title or null
 * @param description the description or null
 * @param mimeType the MIME type, derived from the result when the annotation names none; null for passthrough
 * @param parameters the parameters: only the injected context is valid
 * @param result how the returned value becomes contents, or null when the return type is not supported
 * @param scopes the required scopes
 * @param rateLimit the rate limit or null
 */
public record ResourceModel(ExecutableElement method, String uri, String name, String title, String description,
    String mimeType, List<Field> parameters, ResourceResult result, List<String> scopes, RateLimitModel rateLimit)
    implements Operation {

  @Override
  public String describe() {
    return "resource " + uri;
  }
}
