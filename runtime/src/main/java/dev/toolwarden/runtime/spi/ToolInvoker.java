package dev.toolwarden.runtime.spi;

import java.util.Map;

/**
 * Generated per tool: binds and validates the client's arguments, calls the method and maps
 * its result. Throws {@link ArgumentsRejectedException} when the arguments violate the schema;
 * any other exception comes from the tool method itself.
 */
@FunctionalInterface
public interface ToolInvoker {

  /**
   * @param target the instance of the tool class
   * @param arguments the {@code arguments} object of the {@code tools/call} request, as parsed
   *     by the MCP SDK (never {@code null}; empty when the client sent none)
   * @param invocation what the runtime provides to this call
   * @return the mapped result
   */
  ToolOutcome invoke(Object target, Map<String, Object> arguments, Invocation invocation) throws Exception;
}
