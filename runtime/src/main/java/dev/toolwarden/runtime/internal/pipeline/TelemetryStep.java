package dev.toolwarden.runtime.internal.pipeline;

import dev.toolwarden.runtime.internal.telemetry.CallSpan;
import dev.toolwarden.runtime.internal.telemetry.Telemetry;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;

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
    CallSpan span = telemetry.startToolCall(call.tool().name(), request == null ? null : request.meta(),
        exchange == null ? null : exchange.transportContext(), record.sessionId());
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
