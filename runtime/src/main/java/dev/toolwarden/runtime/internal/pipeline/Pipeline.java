package dev.toolwarden.runtime.internal.pipeline;

import dev.toolwarden.runtime.audit.AuditSink;
import dev.toolwarden.runtime.internal.ratelimit.InMemoryRateLimiter;
import dev.toolwarden.runtime.internal.telemetry.Telemetry;
import dev.toolwarden.runtime.ratelimit.RateLimiterBackend;
import io.modelcontextprotocol.json.McpJsonMapper;
import java.util.List;

/** The default pipeline, in the order the design fixes. */
public final class Pipeline {

  private Pipeline() {}

  /** {@link #standard(McpJsonMapper, RateLimiterBackend, AuditSink)} with in-memory limits and the slf4j audit log. */
  public static CallChain standard(McpJsonMapper json) {
    return standard(json, new InMemoryRateLimiter(), AuditSink.slf4j());
  }

  /**
   * Audit (outermost: sees every outcome), error mapping (so every later step is covered), scope
   * check, rate limit, then invoke: bind and validate (generated), {@code @SafePath}
   * confinement (generated calls into the runtime), the method, result mapping with output
   * redaction.
   */
  public static CallChain standard(McpJsonMapper json, RateLimiterBackend limiter, AuditSink audit) {
    return standard(json, limiter, audit, Telemetry.noop());
  }

  /**
   * As {@link #standard(McpJsonMapper, RateLimiterBackend, AuditSink)}, with telemetry outermost: its span is current
   * while every step runs and it ends with the outcome the audit step recorded. {@code audit} should already include
   * {@link Telemetry#auditMetrics()} (the server's audit sink does) for refusals to be counted.
   */
  public static CallChain standard(McpJsonMapper json, RateLimiterBackend limiter, AuditSink audit, Telemetry telemetry) {
    List<CallStep> steps = List.of(new AuditStep(audit), new ErrorMapping(), new ScopeCheck(), new RateLimitStep(limiter),
        new InvokeStep(new ResultMapper(json)));
    if (telemetry.recordsNothing()) {
      return CallChain.of(steps);
    }
    List<CallStep> observed = new java.util.ArrayList<>(steps.size() + 1);
    observed.add(new TelemetryStep(telemetry));
    observed.addAll(steps);
    return CallChain.of(observed);
  }
}
