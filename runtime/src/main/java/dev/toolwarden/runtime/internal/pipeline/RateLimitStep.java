package dev.toolwarden.runtime.internal.pipeline;

import dev.toolwarden.runtime.audit.AuditOutcome;
import dev.toolwarden.runtime.ratelimit.RateLimitDecision;
import dev.toolwarden.runtime.ratelimit.RateLimiterBackend;
import dev.toolwarden.runtime.spi.RateLimitPolicy;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.List;
import java.util.Map;

/**
 * Enforces a tool's {@code @RateLimit}: one token per call from the bucket of (tool, key), where
 * the key is the principal (default), the MCP session or nothing (global). A refused call gets an
 * {@code isError} result saying when to retry, in seconds (also as
 * {@code _meta["dev.toolwarden/retryAfterSeconds"]}), and nothing else runs.
 */
public final class RateLimitStep implements CallStep {

  /** The {@code _meta} key of a refused call's retry-after, in seconds. */
  public static final String RETRY_AFTER_META = "dev.toolwarden/retryAfterSeconds";

  private final RateLimiterBackend backend;

  public RateLimitStep(RateLimiterBackend backend) {
    this.backend = backend;
  }

  @Override
  public CallToolResult apply(ToolCall call, CallChain next) throws Exception {
    RateLimitPolicy limit = call.tool().policy().rateLimit();
    if (limit == null) {
      return next.proceed(call);
    }
    RateLimitDecision d = backend.tryAcquire(bucketOf(call, limit), limit.permits(), limit.windowMillis());
    if (d.allowed()) {
      return next.proceed(call);
    }
    long seconds = d.retryAfterSeconds();
    if (d.backendUnavailable()) {
      call.record().decide(AuditOutcome.RATE_LIMITED, "rate-limit backend unavailable: refused (fail closed); retry after "
          + seconds + " s");
      return CallToolResult.builder()
          .content(List.of(McpSchema.TextContent.builder("Rate limiting is temporarily unavailable for "
              + call.subject() + ": try again in " + seconds + (seconds == 1 ? " second." : " seconds.")).build()))
          .isError(true)
          .meta(Map.of(RETRY_AFTER_META, seconds))
          .build();
    }
    call.record().decide(AuditOutcome.RATE_LIMITED, "rate limit of " + limit.permits() + " per "
        + limit.windowMillis() + " ms (" + keyKind(limit) + ") exceeded; retry after " + seconds + " s");
    return CallToolResult.builder()
        .content(List.of(McpSchema.TextContent.builder("Rate limit exceeded for " + call.subject()
            + ": try again in " + seconds + (seconds == 1 ? " second." : " seconds.")).build()))
        .isError(true)
        .meta(Map.of(RETRY_AFTER_META, seconds))
        .build();
  }

  private static String keyKind(RateLimitPolicy limit) {
    return limit.key() == null ? "PRINCIPAL" : limit.key();
  }

  /**
   * {@code tool:<name>} (or {@code resource:}, {@code prompt:}, {@code completion:}) plus {@code |principal:<p>} or
   * {@code |session:<s>}; global has no suffix.
   */
  static String bucketOf(ToolCall call, RateLimitPolicy limit) {
    String tool = call.feature().label() + ":" + call.tool().name();
    switch (keyKind(limit)) {
      case "GLOBAL":
        return tool;
      case "SESSION": {
        String session = call.record().sessionId();
        if (session != null) {
          return tool + "|session:" + session;
        }
        // a stateless call has no session: its principal's budget is the closest owner
        return tool + "|principal:" + principal(call);
      }
      default:
        return tool + "|principal:" + principal(call);
    }
  }

  private static String principal(ToolCall call) {
    return call.caller() == null ? Caller.ANONYMOUS : call.caller().principal();
  }
}
