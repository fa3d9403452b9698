package dev.toolwarden.redis;

import dev.toolwarden.runtime.audit.AuditEvent;
import dev.toolwarden.runtime.audit.AuditOutcome;
import dev.toolwarden.runtime.audit.AuditSink;
import java.util.Locale;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the log and the audit trail about the {@link OutageBreaker}'s changes of state: one event
 * and one log line per change ({@code rate_limit_backend_unavailable}, then
 * {@code rate_limit_backend_recovered} with how long and how many calls the policy decided), never
 * one per call. The endpoint is shown without secrets.
 */
final class OutageReporter implements OutageBreaker.Listener {

  private static final Logger LOG = LoggerFactory.getLogger(RedisRateLimiter.class);

  private final RedisEndpoint endpoint;
  private final FailurePolicy policy;
  private volatile AuditSink audit = AuditSink.slf4j();

  OutageReporter(RedisEndpoint endpoint, FailurePolicy policy) {
    this.endpoint = endpoint;
    this.policy = policy;
  }

  /** Where the audit events go from now on (the server's sink). */
  void auditTo(AuditSink sink) {
    this.audit = Objects.requireNonNull(sink, "sink");
  }

  @Override
  public void unavailable(RedisCallFailure cause) {
    String what = policy == FailurePolicy.DENY
        ? "rate-limited calls are refused (fail closed)"
        : "rate-limited calls are decided by this replica's in-memory limiter";
    String reason = "redis " + endpoint + " unavailable (" + cause.getMessage() + "); on-failure="
        + policy.configName() + ": " + what + " until it answers again";
    LOG.warn("Redis rate limiter: {}", reason);
    record(AuditOutcome.RATE_LIMIT_BACKEND_UNAVAILABLE, reason);
  }

  @Override
  public void singleFailure(RedisCallFailure cause) {
    LOG.debug("Redis rate limiter: one decision failed ({}); on-failure={} decided it", cause.getMessage(),
        policy.configName());
  }

  @Override
  public void stillUnavailable(long downMillis, long decidedByPolicy, RedisCallFailure cause) {
    LOG.warn("Redis rate limiter: redis {} still unavailable after {} s ({}); {} calls decided by on-failure={} so far",
        endpoint, downMillis / 1000, cause.getMessage(), decidedByPolicy, policy.configName());
  }

  @Override
  public void recovered(long downMillis, long decidedByPolicy) {
    String reason = "redis " + endpoint + " available again after "
        + String.format(Locale.ROOT, "%.1f", downMillis / 1000.0) + " s; " + decidedByPolicy
        + (policy == FailurePolicy.DENY ? " calls refused" : " calls decided by the local fallback")
        + " meanwhile (on-failure=" + policy.configName() + ")";
    LOG.info("Redis rate limiter: {}", reason);
    record(AuditOutcome.RATE_LIMIT_BACKEND_RECOVERED, reason);
  }

  private void record(AuditOutcome outcome, String reason) {
    try {
      audit.record(AuditEvent.builder(outcome).reason(reason).build());
    } catch (RuntimeException e) {
      LOG.warn("audit sink failed on {}: {}", outcome.wireName(), e.getClass().getName());
    }
  }
}
