package dev.toolwarden.runtime.internal.pipeline;

import dev.toolwarden.runtime.internal.telemetry.CallSpan;
import dev.toolwarden.runtime.internal.telemetry.Telemetry;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.Map;

/**
 * The outermost step: one server span per call, current while every later step and the tool run (the tool's own
 * spans become its children), ended with the same outcome and reason the audit trail records; and the call metrics.
 * No-op without an OpenTelemetry SDK.
 */
public final class TelemetryStep implements CallStep {

  private final Telemetry telemetry;

  /** A step reporting to {@code telemetry} (a no-op one records nothing). */
  public TelemetryStep(Telemetry telemetry) {
    this.telemetry = telemetry;
  }

  @Override
  public CallToolResult apply(ToolCall call, CallChain next) throws Exception {
    McpSyncServerExchange exchange = null;
    McpSchema.CallToolRequest request = null;
    if (call.context() instanceof ExchangeToolContext c) {
      exchange = c.exchange();
      request = c.request();
    }
    CallRecord record = call.record();
    Map<String, Object> meta = request == null ? null : request.meta();
    McpTransportContext transport = exchange == null ? null : exchange.transportContext();
    CallSpan span = switch (call.feature()) {
      case TOOL -> telemetry.startToolCall(call.tool().name(), meta, transport, record.sessionId());
      // the served name: a bounded label; for a resource the template (or fixed URI), never the URI read, whose
      // variables may be redacted
      case PROMPT -> telemetry.startRequest(call.feature().method(), call.tool().name(), null, meta, transport,
          record.sessionId());
      case RESOURCE -> telemetry.startRequest(call.feature().method(), null, call.tool().name(), meta, transport,
          record.sessionId());
      case COMPLETION -> telemetry.startRequest(call.feature().method(), null, null, meta, transport,
          record.sessionId());
    };
    CallToolResult result = null;
    try {
      result = next.proceed(call);
      return result;
    } finally {
      CallVerdict verdict = CallVerdict.of(record, result);
      span.end(verdict.outcome(), verdict.reason(), record.ref(), record::redactedArguments, record::secrets,
          call.tool().policy().rateLimit() != null);
    }
  }
}
