package dev.toolwarden.runtime.internal.feature;

import dev.toolwarden.runtime.spi.CompletionDefinition;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CompleteResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code completion/complete} handler of one reference (a prompt, or a resource template): the SDK keys
 * completions by reference only, so this dispatches on the argument; an argument without {@code @McpComplete} gets no
 * suggestions. At most {@value #MAX} values are sent, with {@code total} and {@code hasMore} as the spec asks.
 */
final class Completions {

  /** The spec's cap on values per answer. */
  static final int MAX = 100;

  private static final CompleteResult NONE = new CompleteResult(new CompleteResult.CompleteCompletion(List.of(), 0, false));

  /** One {@code @McpComplete} method. */
  record Entry(CompletionDefinition definition, Served served) {}

  private final Map<String, Entry> byArgument;
  private final FeatureRunner runner;

  Completions(Map<String, Entry> byArgument, FeatureRunner runner) {
    this.byArgument = Map.copyOf(byArgument);
    this.runner = runner;
  }

  CompleteResult complete(McpSyncServerExchange exchange, McpTransportContext transport,
      McpSchema.CompleteRequest request) {
    String argument = request.argument() == null ? null : request.argument().name();
    Entry e = argument == null ? null : byArgument.get(argument);
    if (e == null) {
      return NONE;
    }
    String value = request.argument().value() == null ? "" : request.argument().value();
    Map<String, String> context = request.context() == null || request.context().arguments() == null
        ? Map.of() : Map.copyOf(request.context().arguments());
    // the audit trail sees what was typed under the argument's own name, so the prompt's or template's @Redact masks it
    Map<String, Object> audited = new LinkedHashMap<>(context);
    audited.put(argument, value);
    return (CompleteResult) runner.run(e.served(), audited, exchange, transport, request.meta(),
        (target, args, invocation) -> cap(e.definition().completer().complete(target, value, context, invocation)));
  }

  static CompleteResult cap(List<String> values) {
    List<String> all = values == null ? List.of() : values;
    List<String> sent = all.size() > MAX ? List.copyOf(all.subList(0, MAX)) : List.copyOf(all);
    return new CompleteResult(new CompleteResult.CompleteCompletion(sent, all.size(), all.size() > MAX));
  }
}
