package dev.toolwarden.runtime.internal.feature;

import dev.toolwarden.runtime.spi.PromptDefinition;
import dev.toolwarden.runtime.spi.PromptOutcome;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.GetPromptResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The {@code prompts/get} handler of one annotated prompt. */
final class PromptGets {

  private final PromptDefinition prompt;
  private final Served served;
  private final ArgumentTypes types;
  private final FeatureRunner runner;

  PromptGets(PromptDefinition prompt, Served served, ArgumentTypes types, FeatureRunner runner) {
    this.prompt = prompt;
    this.served = served;
    this.types = types;
    this.runner = runner;
  }

  GetPromptResult get(McpSyncServerExchange exchange, McpTransportContext transport,
      McpSchema.GetPromptRequest request) {
    Map<String, Object> arguments = types.convert(request.arguments());
    return (GetPromptResult) runner.run(served, arguments, exchange, transport, request.meta(),
        (target, args, invocation) -> map(prompt.renderer().render(target, args, invocation)));
  }

  /** {@code prompts/get} with a context {@code contexts} makes (MCP 2026-07-28). */
  GetPromptResult get(McpTransportContext transport, McpSchema.GetPromptRequest request,
      Features.PromptContexts contexts) {
    Map<String, Object> arguments = types.convert(request.arguments());
    return (GetPromptResult) runner.run(served, arguments, null, transport, request.meta(),
        (target, args, invocation) -> map(prompt.renderer().render(target, args, invocation)), contexts);
  }

  /** One user message for text; SDK values as they are. */
  private GetPromptResult map(PromptOutcome outcome) {
    if (outcome instanceof PromptOutcome.Text t) {
      String text = t.text() == null ? "" : t.text();
      return GetPromptResult.builder(List.of(McpSchema.PromptMessage.builder(McpSchema.Role.USER,
          McpSchema.TextContent.builder(text).build()).build())).description(prompt.description()).build();
    }
    if (outcome instanceof PromptOutcome.Passthrough p) {
      if (p.value() instanceof GetPromptResult r) {
        return r;
      }
      if (p.value() instanceof List<?> list) {
        List<McpSchema.PromptMessage> messages = new ArrayList<>(list.size());
        for (Object o : list) {
          if (!(o instanceof McpSchema.PromptMessage m)) {
            throw new IllegalStateException("a passed-through list holds a non-PromptMessage element: "
                + (o == null ? "null" : o.getClass().getName()));
          }
          messages.add(m);
        }
        return GetPromptResult.builder(messages).description(prompt.description()).build();
      }
      throw new IllegalStateException("cannot pass through a "
          + (p.value() == null ? "null" : p.value().getClass().getName()) + " as a prompt result");
    }
    throw new IllegalStateException("a prompt returned no outcome");
  }
}
