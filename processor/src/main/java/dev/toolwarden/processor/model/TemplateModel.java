package dev.toolwarden.processor.model;

import java.util.List;
import javax.lang.model.element.ExecutableElement;

/**
 * One {@code @McpResourceTemplate} method: each template variable binds to the parameter of that name, read,
 * constrained and guarded like a tool argument.
 *
 * @param method the method
 * @param uriTemplate the template as written
 * @param template the parsed template, or null when it is malformed
 * @param name the template name (the method name unless set)
 * @param title the title or null
 * @param description the description or null
 * @param mimeType the MIME type, derived from the result when the annotation names none; null for passthrough
 * @param parameters the parameters in order, the injected context included
 * @param result how the returned value becomes contents, or null when the return type is not supported
 * @param scopes the required scopes
 * @param rateLimit the rate limit or null
 */
public record TemplateModel(ExecutableElement method, String uriTemplate, UriTemplate template, String name,
    String title, String description, String mimeType, List<Field> parameters, ResourceResult result,
    List<String> scopes, RateLimitModel rateLimit) implements Operation {

  @Override
  public String describe() {
    return "resource template " + uriTemplate;
  }
}
