package dev.toolwarden.runtime.internal.feature;

import dev.toolwarden.runtime.spi.CompletionDefinition;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CompleteResult;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code completion/complete} handler of one reference (a prompt, or a resource template): the SDK keys
 * completions by reference only, so this dispatches on the argument; an argument without {@code @McpComplete} gets no
 * suggestions, but only after the scope check of the prompt or template it names (the {@code fallback}), so a caller
 * without those scopes is refused as its {@code prompts/get} or {@code resources/read} would be, on every transport
 * alike (HTTP with OAuth refuses it before the SDK too). At most {@value #MAX} values are sent, with {@code total} and
 * {@code hasMore} as the spec asks.
 */
final class Completions {

  /** The spec's cap on values per answer. */
  static final int MAX = 100;

  private static final CompleteResult NONE = new CompleteResult(new CompleteResult.CompleteCompletion(List.of(), 0, false));

  /** One {@code @McpComplete} method. */
  record Entry(CompletionDefinition definition, Served served) {}

  private final Map<String, Entry> byArgument;
  private final Served fallback;
  private final FeatureRunner runner;

  /**
   * @param fallback what an argument without {@code @McpComplete} runs as: the prompt's or template's scopes and
   *     redactions, no rate limit of its own
   */
  Completions(Map<String, Entry> byArgument, Served fallback, FeatureRunner runner) {
    this.byArgument = Map.copyOf(byArgument);
    this.fallback = fallback;
    this.runner = runner;
  }

  CompleteResult complete(McpSyncServerExchange exchange, McpTransportContext transport,
      McpSchema.CompleteRequest request) {
    String argument = request.argument() == null ? null : request.argument().name();
    Entry e = argument == null ? null : byArgument.get(argument);
    String value = request.argument() == null || request.argument().value() == null ? "" : request.argument().value();
    Map<String, String> context = contextOf(request);
    // the audit trail sees what was typed under the argument's own name, so the prompt's or template's @Redact masks it
    Map<String, Object> audited = new LinkedHashMap<>(context);
    if (argument != null) {
      audited.put(argument, value);
    }
    if (e == null) {
      return (CompleteResult) runner.run(fallback, audited, exchange, transport, request.meta(),
          (target, args, invocation) -> NONE);
    }
    return (CompleteResult) runner.run(e.served(), audited, exchange, transport, request.meta(),
        (target, args, invocation) -> cap(e.definition().completer().complete(target, value, context, invocation)));
  }

  /** The arguments already chosen, without JSON nulls (a client may send them; a completer never sees one). */
  private static Map<String, String> contextOf(McpSchema.CompleteRequest request) {
    if (request.context() == null || request.context().arguments() == null) {
      return Map.of();
    }
    Map<String, String> out = new LinkedHashMap<>();
    request.context().arguments().forEach((k, v) -> {
      if (k != null && v != null) {
        out.put(k, v);
      }
    });
    return Collections.unmodifiableMap(out);
  }

  static CompleteResult cap(List<String> values) {
    List<String> all = values == null ? List.of() : values;
    List<String> sent = all.size() > MAX ? List.copyOf(all.subList(0, MAX)) : List.copyOf(all);
    return new CompleteResult(new CompleteResult.CompleteCompletion(sent, all.size(), all.size() > MAX));
  }
}
