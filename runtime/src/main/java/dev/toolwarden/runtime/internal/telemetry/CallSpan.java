package dev.toolwarden.runtime.internal.telemetry;

import dev.toolwarden.runtime.audit.AuditOutcome;
import dev.toolwarden.runtime.internal.audit.LogScrubber;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One request being served: its server span, current on this thread until {@link #end} (so spans the tool starts,
 * e.g. its JDBC or HTTP client calls, become children), and its start time for the duration metric.
 * Used by one thread; {@link #end} must run on the thread that started it.
 */
public final class CallSpan {

  /** Refusals by a policy: the span gets a {@code toolwarden.policy.refused} event with the audit reason code. */
  private static final Set<AuditOutcome> POLICY = EnumSet.of(AuditOutcome.SCOPE_DENIED, AuditOutcome.RATE_LIMITED,
      AuditOutcome.VALIDATION_REJECTED, AuditOutcome.PATH_REJECTED);
  private static final int MAX_ATTRIBUTE = 4096;

  private final Telemetry telemetry;
  private final Span span;
  private final Scope scope;
  private final String method;
  private final String target;
  private final long start;

  CallSpan(Telemetry telemetry, Span span, String method, String target) {
    this.telemetry = telemetry;
    this.span = span;
    this.scope = span.makeCurrent();
    this.method = method;
    this.target = target;
    this.start = System.nanoTime();
  }

  /**
   * Ends the span and records the metrics.
   *
   * @param outcome what the audit trail records for this request
   * @param reason the audit trail's reason, or null (never holds an argument value)
   * @param ref the internal-error reference, or null
   * @param redactedArguments the arguments with {@code @Redact} values masked (read only when recording them is on)
   * @param secrets the redacted values as text, masked out of anything recorded (read only for a recorded span)
   * @param rateLimited whether the tool has a rate limit (for the fallback-decision count)
   */
  public void end(AuditOutcome outcome, String reason, String ref, Supplier<Object> redactedArguments,
      Supplier<? extends Collection<String>> secrets, boolean rateLimited) {
    try {
      long nanos = System.nanoTime() - start;
      if (span.isRecording()) {
        annotate(outcome, reason, ref, redactedArguments, secrets == null ? java.util.List.of() : secrets.get());
      }
      telemetry.metrics().answered(method, target, outcome, rateLimited, nanos);
    } finally {
      scope.close();
      span.end();
    }
  }

  private void annotate(AuditOutcome outcome, String reason, String ref, Supplier<Object> redactedArguments,
      Collection<String> secrets) {
    span.setAttribute(McpAttributes.OUTCOME, outcome.wireName());
    if (telemetry.recordArguments() && redactedArguments != null) {
      String json = telemetry.toJson(redactedArguments.get());
      if (json != null) {
        span.setAttribute(McpAttributes.ARGUMENTS, safe(json, secrets));
      }
    }
    if (outcome == AuditOutcome.OK || outcome == AuditOutcome.INPUT_REQUIRED) {
      return; // asking the client for input is a successful round, not an error
    }
    span.setAttribute(McpAttributes.ERROR_TYPE, McpAttributes.TOOL_ERROR);
    span.setStatus(StatusCode.ERROR, outcome.wireName());
    var event = Attributes.builder().put(McpAttributes.REASON, outcome.wireName());
    if (reason != null) {
      event.put(McpAttributes.REASON_DETAIL, safe(reason, secrets));
    }
    if (ref != null) {
      event.put(McpAttributes.ERROR_REF, ref);
    }
    span.addEvent(POLICY.contains(outcome) ? "toolwarden.policy.refused" : "toolwarden.call.failed", event.build());
  }

  /** Token shapes and redacted values masked, as in the audit trail; bounded. */
  private static String safe(String text, Collection<String> secrets) {
    String s = LogScrubber.scrub(text, secrets);
    return s.length() <= MAX_ATTRIBUTE ? s : s.substring(0, MAX_ATTRIBUTE) + "…";
  }
}
