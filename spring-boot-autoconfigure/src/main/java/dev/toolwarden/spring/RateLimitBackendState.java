package dev.toolwarden.spring;

import dev.toolwarden.runtime.audit.AuditEvent;
import dev.toolwarden.runtime.audit.AuditOutcome;
import dev.toolwarden.runtime.audit.AuditSink;

/**
 * Follows the rate-limit backend's state through the audit trail: a shared backend (toolwarden-redis) records
 * one event when it becomes unavailable and one when it recovers, never one per call.
 */
final class RateLimitBackendState implements AuditSink {

  private volatile String outage;

  @Override
  public void record(AuditEvent event) {
    if (event.outcome() == AuditOutcome.RATE_LIMIT_BACKEND_UNAVAILABLE) {
      outage = event.reason();
    } else if (event.outcome() == AuditOutcome.RATE_LIMIT_BACKEND_RECOVERED) {
      outage = null;
    }
  }

  /** The reason of the outage in progress, or null when the backend answers. */
  String outage() {
    return outage;
  }
}
