package dev.toolwarden.runtime.spi;

import java.util.Map;

/**
 * Generated per resource or resource template: binds and validates the variables, calls the method and maps its
 * result. Throws {@link ArgumentsRejectedException} when a variable violates its schema or guard.
 */
@FunctionalInterface
public interface ResourceReader {

  /**
   * @param target the instance of the annotated class
   * @param uri the URI the client read (already matched to this resource or template)
   * @param variables the template's variables, decoded from the URI and converted to their schema's JSON types
   *     ({@code String}, {@code Number}, {@code Boolean}, or a {@code List} for an exploded variable); empty for a
   *     fixed resource
   * @param invocation what the runtime provides to this read
   */
  ResourceOutcome read(Object target, String uri, Map<String, Object> variables, Invocation invocation)
      throws Exception;
}
