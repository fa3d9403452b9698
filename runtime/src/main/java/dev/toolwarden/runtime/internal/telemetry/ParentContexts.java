package dev.toolwarden.runtime.internal.telemetry;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import java.util.Map;

/**
 * The parent of a server span, as the MCP conventions ask: the trace context the client put into the request's
 * {@code params._meta} ({@code traceparent}, {@code tracestate}); without one, the HTTP request's trace headers; without
 * those, the current context. The propagator is the application's (W3C by default with the agent or autoconfigure).
 */
final class ParentContexts {

  /** Reads a text value of {@code _meta} or of the captured headers; anything else is absent. */
  private static final TextMapGetter<Map<String, ?>> MAP = (carrier, key) ->
      carrier != null && carrier.get(key) instanceof String s ? TransportMetadata.bounded(s) : null;

  private ParentContexts() {}

  /** The parent context; {@code link} receives the HTTP context when {@code _meta} won over it. */
  static Context parent(TextMapPropagator propagator, Map<String, Object> meta, Map<String, String> headers,
      java.util.function.Consumer<SpanContext> link) {
    Context root = Context.current();
    Context fromHeaders = headers == null || headers.isEmpty() ? null : propagator.extract(root, headers, MAP);
    if (meta != null && meta.get("traceparent") instanceof String) {
      Context fromMeta = propagator.extract(root, meta, MAP);
      if (Span.fromContext(fromMeta).getSpanContext().isValid()) {
        if (fromHeaders != null) {
          SpanContext http = Span.fromContext(fromHeaders).getSpanContext();
          if (http.isValid()) {
            link.accept(http);
          }
        }
        return fromMeta;
      }
    }
    return fromHeaders != null ? fromHeaders : root;
  }
}
