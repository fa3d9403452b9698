package dev.toolwarden.runtime.audit;

/** What was decided; the {@code outcome} field of an audit event carries {@link #wireName()}. */
public enum AuditOutcome {
  /** The tool ran and returned a result. */
  OK("ok"),
  /** The tool ran and failed (a {@code ToolException}, or an internal error with its {@code ref}). */
  ERROR("error"),
  /**
   * The tool asked the client for input (MCP 2026-07-28 elicitation): the call was answered with an
   * {@code InputRequiredResult} and ends when the client retries it with the answer.
   */
  INPUT_REQUIRED("input_required"),
  /** The client cancelled the call while it ran; its answer was not sent. */
  CANCELLED("cancelled"),
  /** The arguments broke the tool's schema; nothing ran. */
  VALIDATION_REJECTED("validation_rejected"),
  /** A {@code @SafePath} argument left its root (or broke its kind, existence or extension rule); nothing ran. */
  PATH_REJECTED("path_rejected"),
  /** The tool's {@code @RateLimit} budget was spent; nothing ran. */
  RATE_LIMITED("rate_limited"),
  /** The caller lacks a scope the tool requires; nothing ran. */
  SCOPE_DENIED("scope_denied"),
  /** The HTTP per-client request limit answered 429 before any MCP work. */
  CLIENT_RATE_LIMITED("client_rate_limited"),
  /** Authentication failed (no, invalid or expired token; wrong audience; …). */
  AUTH_FAILED("auth_failed"),
  /** The shared rate-limit backend (Redis) stopped answering; its failure policy decides meanwhile. Once per outage. */
  RATE_LIMIT_BACKEND_UNAVAILABLE("rate_limit_backend_unavailable"),
  /** The shared rate-limit backend answers again; the reason counts the calls decided by the failure policy. */
  RATE_LIMIT_BACKEND_RECOVERED("rate_limit_backend_recovered"),
  /**
   * Audit events were dropped because the audit queue stayed full for longer than its bound (the sink is
   * slower than the calls); the reason carries how many. Written as soon as the queue has room again.
   */
  AUDIT_EVENTS_DROPPED("audit_events_dropped");

  private final String wireName;

  AuditOutcome(String wireName) {
    this.wireName = wireName;
  }

  /** The outcome as it appears in the audit JSON, e.g. {@code scope_denied}. */
  public String wireName() {
    return wireName;
  }
}
