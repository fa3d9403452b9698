package dev.toolwarden.runtime.internal.pipeline;

import dev.toolwarden.runtime.audit.AuditOutcome;

/**
 * Thrown by a tool's context to end the call's current round without an answer from the tool: MCP 2026-07-28's
 * elicitation needs the client to answer first ({@code InputRequiredResult}), or the client cannot answer at all.
 * {@link ErrorMapping} records it and lets the adapter, which knows the pending question, shape the response. The
 * adapter never trusts that this exception arrives (a tool may catch it): it reads the question from its own round.
 */
public final class CallSuspended extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient AuditOutcome outcome;

  /** A suspension the audit trail records as {@code outcome}, with {@code reason} (no argument values). */
  public CallSuspended(AuditOutcome outcome, String reason) {
    super(reason, null, false, false);
    this.outcome = outcome;
  }

  /** What the audit trail records. */
  public AuditOutcome outcome() {
    return outcome;
  }
}
