package dev.toolwarden.runtime.internal.pipeline;

import dev.toolwarden.runtime.internal.audit.ArgumentRedactor;
import dev.toolwarden.runtime.audit.AuditOutcome;
import java.util.List;
import java.util.Map;

/**
 * What the pipeline learns about one call, for its audit event: who (client, session), what was
 * decided and why. Steps that refuse or fail a call say so here; {@link AuditStep} writes the
 * event once the call is answered. One instance per call, used by one thread at a time.
 */
public final class CallRecord {

  private static final ArgumentRedactor NONE = ArgumentRedactor.of(List.of());

  private final ArgumentRedactor redactor;
  private final Map<String, Object> arguments;
  private final String clientId;
  private final String sessionId;
  private AuditOutcome outcome;
  private String reason;
  private String ref;
  private List<String> secrets;

  /**
   * @param redactor the tool's input redactions
   * @param arguments the client's arguments
   * @param clientId the client id (OAuth client or MCP clientInfo), or null
   * @param sessionId the raw MCP session id, or null (only its hash leaves this object)
   */
  public CallRecord(ArgumentRedactor redactor, Map<String, Object> arguments, String clientId, String sessionId) {
    this.redactor = redactor == null ? NONE : redactor;
    this.arguments = arguments == null ? Map.of() : arguments;
    this.clientId = clientId;
    this.sessionId = sessionId;
  }

  /** A record with no redactions and no client details (tests, benchmarks). */
  public static CallRecord plain(Map<String, Object> arguments) {
    return new CallRecord(NONE, arguments, null, null);
  }

  /** A step refused or failed the call. The reason must hold no argument value. */
  public void decide(AuditOutcome outcome, String reason) {
    this.outcome = outcome;
    this.reason = reason;
  }

  /** An internal error under this reference. */
  public void internalError(String ref, String reason) {
    decide(AuditOutcome.ERROR, reason);
    this.ref = ref;
  }

  public AuditOutcome outcome() {
    return outcome;
  }

  public String reason() {
    return reason;
  }

  public String ref() {
    return ref;
  }

  public String clientId() {
    return clientId;
  }

  public String sessionId() {
    return sessionId;
  }

  /** The arguments with redacted values masked, bounded: what the audit trail shows. */
  public Object redactedArguments() {
    return redactor.redact(arguments);
  }

  /** The redacted argument values as text, to scrub them from messages and log lines. */
  public List<String> secrets() {
    if (secrets == null) {
      secrets = redactor.secrets(arguments);
    }
    return secrets;
  }
}
