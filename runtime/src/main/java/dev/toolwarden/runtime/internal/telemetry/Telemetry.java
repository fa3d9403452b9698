package dev.toolwarden.runtime.internal.telemetry;

import dev.toolwarden.runtime.audit.AuditEvent;
import dev.toolwarden.runtime.audit.AuditSink;
import dev.toolwarden.runtime.internal.audit.LogScrubber;
import dev.toolwarden.runtime.internal.config.Config;
import dev.toolwarden.runtime.internal.config.Setting;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.metrics.MeterProvider;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.TracerProvider;
import io.opentelemetry.context.propagation.TextMapPropagator;
import java.io.IOException;
import java.util.Map;
import java.util.Set;

/**
 * Traces and metrics of one server through the OpenTelemetry API: without an SDK (no agent, no autoconfigure, none
 * given in code) every call here is a no-op. Spans and instruments follow the OpenTelemetry semantic conventions for
 * MCP; policy decisions carry the audit trail's reason codes. Argument values reach a span only when
 * {@code toolwarden.telemetry.record-arguments=true}, and then with {@code @Redact} applied.
 */
public final class Telemetry implements AutoCloseable {

  /** The instrumentation scope name of the tracer and the meter. */
  public static final String SCOPE = "dev.toolwarden.runtime";
  private final Tracer tracer;
  private final TextMapPropagator propagator;
  private final CallMetrics metrics;
  private final boolean recordArguments;
  private final McpJsonMapper json;
  private final TelemetrySource source;
  private final boolean recordsNothing;

  private Telemetry(TelemetrySource source, Set<String> tools, boolean recordArguments, McpJsonMapper json) {
    OpenTelemetry otel = source.openTelemetry();
    this.source = source;
    // OpenTelemetry's own no-op providers (no SDK given, none made by a provider, the global one unset)
    this.recordsNothing = otel.getTracerProvider() == TracerProvider.noop()
        && otel.getMeterProvider() == MeterProvider.noop();
    this.tracer = otel.getTracer(SCOPE);
    this.propagator = otel.getPropagators().getTextMapPropagator();
    this.metrics = new CallMetrics(recordsNothing ? null : otel.getMeter(SCOPE), tools); // null: builds no instrument
    this.recordArguments = recordArguments;
    this.json = json;
  }

  /**
   * Telemetry over {@code otel}.
   *
   * @param tools the names of the tools this server serves: the only tool names a metric label takes (a prompt's
   *     label is the name it was registered under, bounded too)
   * @param recordArguments whether spans carry the (redacted) arguments
   * @param json how arguments are written when recorded
   */
  public static Telemetry of(OpenTelemetry otel, Set<String> tools, boolean recordArguments, McpJsonMapper json) {
    return new Telemetry(TelemetrySource.of(otel), tools, recordArguments, json);
  }

  /**
   * Telemetry of a server over {@code source} (the builder's OpenTelemetry, a provider's, or the global one, see
   * {@link TelemetrySource#resolve}), configured from {@code config}; {@link #close} closes the source.
   */
  public static Telemetry of(TelemetrySource source, Config config, Set<String> tools, McpJsonMapper json) {
    return new Telemetry(source, tools, recordArguments(config), json);
  }

  /** Closes the OpenTelemetry a provider made for this server (see {@link TelemetrySource#close}). */
  @Override
  public void close() {
    source.close();
  }

  /**
   * Whether every span and metric of this telemetry is certainly dropped (OpenTelemetry's no-op tracer and meter
   * providers): the pipeline then leaves its telemetry step out, which would start, make current and end a span no
   * one sees on every call.
   */
  public boolean recordsNothing() {
    return recordsNothing;
  }

  /** Telemetry that records nothing. */
  public static Telemetry noop() {
    return of(OpenTelemetry.noop(), Set.of(), false, null);
  }

  /** {@code toolwarden.telemetry.record-arguments}: {@code true} or {@code false}, anything else stops the start-up. */
  static boolean recordArguments(Config config) {
    return config.flag(Setting.TELEMETRY_RECORD_ARGUMENTS).orElse(false);
  }

  /** Starts the span of a {@code tools/call} and makes it current. */
  public CallSpan startToolCall(String tool, Map<String, Object> meta, McpTransportContext transport, String sessionId) {
    SpanBuilder b = builder("tools/call", tool, meta, transport);
    b.setAttribute(McpAttributes.TOOL, tool).setAttribute(McpAttributes.OPERATION, "execute_tool");
    return new CallSpan(this, start(b, transport, sessionId, null), "tools/call", metrics.toolLabel(tool));
  }

  /**
   * Starts the span of a request Toolwarden passes to an SDK handler ({@code resources/read}, {@code prompts/get},
   * {@code completion/complete}) and makes it current.
   *
   * @param method the JSON-RPC method
   * @param target the prompt name ({@code prompts/get}), else null
   * @param resourceUri the resource read ({@code resources/read}; on the span only, never a metric label), else null
   */
  public CallSpan startRequest(String method, String target, String resourceUri, Map<String, Object> meta,
      McpTransportContext transport, String sessionId) {
    SpanBuilder b = builder(method, target, meta, transport);
    if (target != null) {
      b.setAttribute(McpAttributes.PROMPT, target);
    }
    return new CallSpan(this, start(b, transport, sessionId, resourceUri), method, target);
  }

  private SpanBuilder builder(String method, String target, Map<String, Object> meta, McpTransportContext transport) {
    Map<String, String> headers = headers(transport);
    SpanBuilder b = tracer.spanBuilder(target == null ? method : method + " " + target).setSpanKind(SpanKind.SERVER);
    b.setParent(ParentContexts.parent(propagator, meta, headers, b::addLink));
    b.setAttribute(McpAttributes.METHOD, method);
    if (transport != null) {
      b.setAttribute(McpAttributes.NETWORK_TRANSPORT, headers != null ? "tcp" : "pipe");
    }
    return b;
  }

  /**
   * Starts the span, then adds what the client sent verbatim (request id, protocol version, resource URI: token
   * shapes scrubbed, as in the audit trail) and the session's hash — work done only for a recorded span.
   */
  private static Span start(SpanBuilder b, McpTransportContext transport, String sessionId, String resourceUri) {
    Span span = b.startSpan();
    if (!span.isRecording()) {
      return span;
    }
    if (sessionId != null) {
      span.setAttribute(McpAttributes.SESSION, AuditEvent.hashSession(sessionId));
    }
    if (resourceUri != null) {
      span.setAttribute(McpAttributes.RESOURCE_URI, clientText(resourceUri));
    }
    if (transport != null) {
      set(span, McpAttributes.REQUEST_ID, transport.get(TransportMetadata.REQUEST_ID_KEY));
      Map<String, String> headers = headers(transport);
      if (headers != null) {
        set(span, McpAttributes.PROTOCOL_VERSION, headers.get(TransportMetadata.PROTOCOL_VERSION_HEADER));
      }
    }
    return span;
  }

  private static void set(Span span, AttributeKey<String> key, Object value) {
    if (value instanceof String s) {
      span.setAttribute(key, clientText(s));
    }
  }

  private static String clientText(String s) {
    return LogScrubber.scrub(TransportMetadata.bounded(s));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> headers(McpTransportContext transport) {
    Object h = transport == null ? null : transport.get(TransportMetadata.HEADERS_KEY);
    return h instanceof Map<?, ?> m ? (Map<String, String>) m : null;
  }

  /**
   * Reports the sessions {@code sessions} holds ({@code toolwarden.sessions.active}) and how long each one lived
   * ({@code mcp.server.session.duration}).
   */
  public void observeSessions(SessionCount sessions) {
    metrics.observeSessions(sessions);
  }

  /** A sink that counts what the audit trail records (refusals, auth failures, the rate-limit backend's state). */
  public AuditSink auditMetrics() {
    return metrics::audited;
  }

  CallMetrics metrics() {
    return metrics;
  }

  boolean recordArguments() {
    return recordArguments;
  }

  String toJson(Object value) {
    if (value == null || json == null) {
      return null;
    }
    try {
      return json.writeValueAsString(value);
    } catch (IOException | RuntimeException e) {
      return null; // nothing recorded rather than a partial value
    }
  }
}
