package dev.toolwarden.runtime.internal.pipeline;

import dev.toolwarden.runtime.audit.AuditEvent;
import dev.toolwarden.runtime.audit.AuditSink;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outermost step: one audit event per call, written after the call was answered, with the
 * decision the inner steps recorded in {@link CallRecord} (or {@code ok}/{@code error} from the
 * result), the duration and the redacted arguments. A failing sink never changes the result.
 */
public final class AuditStep implements CallStep {

  private static final Logger LOG = LoggerFactory.getLogger(AuditStep.class);

  private final AuditSink sink;

  public AuditStep(AuditSink sink) {
    this.sink = sink;
  }

  @Override
  public CallToolResult apply(ToolCall call, CallChain next) throws Exception {
    long start = System.nanoTime();
    CallToolResult result = null;
    try {
      result = next.proceed(call);
      return result;
    } finally {
      long took = System.nanoTime() - start;
      try {
        sink.record(event(call, result, took));
      } catch (RuntimeException e) {
        LOG.warn("the audit sink failed: {}", e.getClass().getName());
      }
    }
  }

  static AuditEvent event(ToolCall call, CallToolResult result, long nanos) {
    CallRecord r = call.record();
    CallVerdict verdict = CallVerdict.of(r, result);
    Caller caller = call.caller();
    String client = caller != null && caller.clientId() != null ? caller.clientId() : r.clientId();
    boolean tool = call.feature() == Feature.TOOL;
    return AuditEvent.builder(verdict.outcome())
        .tool(tool ? call.tool().name() : null)
        .action(call.feature().action())
        .target(tool ? null : call.tool().name())
        .principal(caller == null ? null : caller.principal())
        .client(client)
        .session(r.sessionId())
        .reason(verdict.reason())
        .durationNanos(nanos)
        .arguments(r.redactedArguments())
        .ref(r.ref())
        .build();
  }
}
