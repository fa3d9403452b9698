package dev.toolwarden.runtime.spi;

import java.util.List;
import java.util.Map;

/** Generated per {@code @McpComplete} method: calls it with the partial value and returns its suggestions. */
@FunctionalInterface
public interface Completer {

  /**
   * @param target the instance of the annotated class
   * @param value the partial value the client typed (never {@code null})
   * @param context the values of the other arguments the client already chose ({@code context.arguments}),
   *     never {@code null}
   * @param invocation what the runtime provides to this call
   * @return the suggestions, in the method's order; the runtime sends at most 100 and sets {@code hasMore}
   */
  List<String> complete(Object target, String value, Map<String, String> context, Invocation invocation)
      throws Exception;
}
