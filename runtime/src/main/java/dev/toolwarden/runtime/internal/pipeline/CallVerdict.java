package dev.toolwarden.runtime.internal.pipeline;

import dev.toolwarden.runtime.audit.AuditOutcome;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;

/**
 * The final outcome and reason of an answered call: what a step decided in {@link CallRecord}, else {@code ok} or
 * {@code error} from the result. The audit trail and telemetry read it from here, so they never disagree.
 *
 * @param outcome what was decided
 * @param reason why, or null for {@code ok}
 */
record CallVerdict(AuditOutcome outcome, String reason) {

  static CallVerdict of(CallRecord record, CallToolResult result) {
    AuditOutcome outcome = record.outcome();
    String reason = record.reason();
    if (outcome == null) {
      boolean error = result == null || Boolean.TRUE.equals(result.isError());
      outcome = error ? AuditOutcome.ERROR : AuditOutcome.OK;
      if (error && reason == null) {
        reason = result == null ? "call failed" : "the tool returned an error result";
      }
    }
    return new CallVerdict(outcome, reason);
  }
}
