package dev.toolwarden.runtime.internal.telemetry;

import dev.toolwarden.runtime.audit.AuditOutcome;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Puts a server span (and the call metrics) around the handlers of the SDK features Toolwarden passes through:
 * {@code resources/read}, {@code prompts/get}, {@code completion/complete}. They have no Toolwarden policy, so their
 * outcome is {@code ok} or {@code error} (an exception, which the SDK answers as a JSON-RPC error).
 */
public final class TracedFeatures {

  private TracedFeatures() {}

  /** The resources with each read traced. */
  public static List<McpServerFeatures.SyncResourceSpecification> resources(
      List<McpServerFeatures.SyncResourceSpecification> specs, Telemetry telemetry) {
    List<McpServerFeatures.SyncResourceSpecification> traced = new ArrayList<>(specs.size());
    for (var s : specs) {
      traced.add(new McpServerFeatures.SyncResourceSpecification(s.resource(),
          traced(telemetry, "resources/read", r -> null, McpSchema.ReadResourceRequest::uri,
              McpSchema.ReadResourceRequest::meta, s.readHandler())));
    }
    return traced;
  }

  /** The resource templates with each read traced. */
  public static List<McpServerFeatures.SyncResourceTemplateSpecification> resourceTemplates(
      List<McpServerFeatures.SyncResourceTemplateSpecification> specs, Telemetry telemetry) {
    List<McpServerFeatures.SyncResourceTemplateSpecification> traced = new ArrayList<>(specs.size());
    for (var s : specs) {
      traced.add(new McpServerFeatures.SyncResourceTemplateSpecification(s.resourceTemplate(),
          traced(telemetry, "resources/read", r -> null, McpSchema.ReadResourceRequest::uri,
              McpSchema.ReadResourceRequest::meta, s.readHandler())));
    }
    return traced;
  }

  /** The prompts with each get traced. */
  public static List<McpServerFeatures.SyncPromptSpecification> prompts(
      List<McpServerFeatures.SyncPromptSpecification> specs, Telemetry telemetry) {
    List<McpServerFeatures.SyncPromptSpecification> traced = new ArrayList<>(specs.size());
    for (var s : specs) {
      String name = s.prompt().name(); // the served name, not the client's text: a bounded label
      traced.add(new McpServerFeatures.SyncPromptSpecification(s.prompt(),
          traced(telemetry, "prompts/get", r -> name, r -> null, McpSchema.GetPromptRequest::meta, s.promptHandler())));
    }
    return traced;
  }

  /** The completions with each request traced. */
  public static List<McpServerFeatures.SyncCompletionSpecification> completions(
      List<McpServerFeatures.SyncCompletionSpecification> specs, Telemetry telemetry) {
    List<McpServerFeatures.SyncCompletionSpecification> traced = new ArrayList<>(specs.size());
    for (var s : specs) {
      traced.add(new McpServerFeatures.SyncCompletionSpecification(s.referenceKey(),
          traced(telemetry, "completion/complete", r -> null, r -> null, McpSchema.CompleteRequest::meta,
              s.completionHandler())));
    }
    return traced;
  }

  private static <Q, R> BiFunction<McpSyncServerExchange, Q, R> traced(Telemetry telemetry, String method,
      java.util.function.Function<Q, String> target, java.util.function.Function<Q, String> uri,
      java.util.function.Function<Q, Map<String, Object>> meta, BiFunction<McpSyncServerExchange, Q, R> handler) {
    return (exchange, request) -> {
      CallSpan span = telemetry.startRequest(method, target.apply(request), uri.apply(request), meta.apply(request),
          exchange == null ? null : exchange.transportContext(), exchange == null ? null : exchange.sessionId());
      AuditOutcome outcome = AuditOutcome.ERROR;
      try {
        R result = handler.apply(exchange, request);
        outcome = AuditOutcome.OK;
        return result;
      } finally {
        span.end(outcome, outcome == AuditOutcome.OK ? null : "the handler failed", null, null, null, false);
      }
    };
  }
}
