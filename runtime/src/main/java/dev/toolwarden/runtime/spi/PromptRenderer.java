package dev.toolwarden.runtime.spi;

import java.util.Map;

/**
 * Generated per prompt: binds and validates the arguments, calls the method and maps its result. Throws
 * {@link ArgumentsRejectedException} when an argument violates its schema or guard.
 */
@FunctionalInterface
public interface PromptRenderer {

  /**
   * @param target the instance of the annotated class
   * @param arguments the {@code arguments} of the {@code prompts/get} request converted to their schema's JSON
   *     types (never {@code null}; empty when the client sent none)
   * @param invocation what the runtime provides to this call
   */
  PromptOutcome render(Object target, Map<String, Object> arguments, Invocation invocation) throws Exception;
}
