package dev.toolwarden.runtime.internal.pipeline;

import dev.toolwarden.runtime.ToolException;
import dev.toolwarden.runtime.audit.AuditOutcome;
import dev.toolwarden.runtime.internal.audit.LogScrubber;
import dev.toolwarden.runtime.internal.path.PathGuard;
import dev.toolwarden.runtime.spi.ArgumentsRejectedException;
import dev.toolwarden.runtime.spi.Violation;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.security.SecureRandom;
import java.util.Collection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every exception into an {@code isError} result. Only what is meant for the caller is
 * shown (argument violations, {@link ToolException} messages); anything else becomes "internal
 * error (ref …)" with the details logged under that reference. This replaces the SDK's default,
 * a JSON-RPC -32603 error carrying {@code e.getMessage()}. A {@code @Redact} argument value never
 * leaves through here: violations never show it, and a {@code ToolException} message or a logged
 * exception that contains it gets it masked.
 */
public final class ErrorMapping implements CallStep {

  private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final char[] ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz".toCharArray();
  private static final int MAX_REASON_VIOLATIONS = 10;

  @Override
  public CallToolResult apply(ToolCall call, CallChain next) {
    try {
      CallToolResult result = next.proceed(call);
      if (call.context() != null && call.context().isCancelled()) {
        call.record().decide(AuditOutcome.CANCELLED, "cancelled by the client");
      }
      return result;
    } catch (CallSuspended e) {
      // the adapter answers (InputRequiredResult, or a missing capability); this result is never sent
      call.record().decide(e.outcome(), e.getMessage());
      return Results.error("input required");
    } catch (ArgumentsRejectedException e) {
      recordRejection(call.record(), e.violations());
      return Results.error(LogScrubber.scrub(invalidArguments(call.subject(), e), call.record().secrets()));
    } catch (ToolException e) {
      if (call.context() != null && call.context().isCancelled()) {
        call.record().decide(AuditOutcome.CANCELLED, "cancelled by the client");
        return Results.error("cancelled");
      }
      String message = e.getMessage() == null ? "tool failed" : LogScrubber.scrub(e.getMessage(), call.record().secrets());
      call.record().decide(AuditOutcome.ERROR, "tool error: " + message);
      return Results.error(message);
    } catch (Throwable t) { // NOPMD: every failure must become a sanitized result
      if (t instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      return internalError(call.subject(), t, call.record());
    }
  }

  /** Path confinement refusals are their own outcome; any other violation makes it a validation refusal. */
  static void recordRejection(CallRecord record, List<Violation> violations) {
    boolean onlyPaths = !violations.isEmpty();
    StringBuilder reason = new StringBuilder();
    int shown = 0;
    for (Violation v : violations) {
      onlyPaths &= PathGuard.RULE.equals(v.rule());
      if (shown++ < MAX_REASON_VIOLATIONS) {
        if (reason.length() > 0) {
          reason.append("; ");
        }
        // pointer and rule only: messages may carry (non-redacted) values, the audit has those masked
        reason.append(v.pointer().isEmpty() ? "/" : v.pointer()).append(' ').append(v.rule());
        if (PathGuard.RULE.equals(v.rule())) {
          reason.append(": ").append(v.message()); // root-free by construction
        }
      }
    }
    if (shown > MAX_REASON_VIOLATIONS) {
      reason.append("; ").append(shown - MAX_REASON_VIOLATIONS).append(" more");
    }
    record.decide(onlyPaths ? AuditOutcome.PATH_REJECTED : AuditOutcome.VALIDATION_REJECTED, reason.toString());
  }

  /** The text of an invalid-arguments result: a header line and one line per violation. */
  static String invalidArguments(String subject, ArgumentsRejectedException e) {
    StringBuilder b = new StringBuilder("Invalid arguments for ").append(subject).append(':');
    for (Violation v : e.violations()) {
      b.append('\n').append(v);
    }
    return b.toString();
  }

  /** Logs {@code t} under a fresh reference (token shapes scrubbed) and returns the caller-facing result. */
  public static CallToolResult internalError(String tool, Throwable t) {
    return internalError(Feature.TOOL.subject(tool), t, null);
  }

  /** As {@link #internalError(String, Throwable)} for {@code subject}, e.g. {@code prompt 'greet'}. */
  public static CallToolResult internalError(String subject, Throwable t, CallRecord record) {
    String ref = newRef();
    Collection<String> secrets = record == null ? List.of() : record.secrets();
    if (LOG.isWarnEnabled()) {
      LOG.warn("{} failed (ref {}): {}", subject, ref, LogScrubber.describe(t, secrets));
    }
    if (record != null) {
      record.internalError(ref, "internal error: " + t.getClass().getName());
    }
    return Results.error("internal error (ref " + ref + ")");
  }

  static String newRef() {
    char[] c = new char[8];
    for (int i = 0; i < c.length; i++) {
      c[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
    }
    return new String(c);
  }
}
