package dev.toolwarden.runtime.audit;

import dev.toolwarden.runtime.internal.audit.ArgumentRedactor;
import dev.toolwarden.runtime.internal.audit.AuditJson;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Objects;

/**
 * One decision of the server, as written to the audit trail. The JSON form ({@link #toJson()})
 * is documented in {@code docs/audit.md}; every text field is scrubbed of bearer tokens and
 * JWTs, bounded in length, and escaped so that it cannot forge a log line.
 *
 * @param time when the decision was made
 * @param outcome what was decided
 * @param tool the tool called, or {@code null} (HTTP-level decisions)
 * @param principal the caller's principal, or {@code null} when not known (yet)
 * @param client the client's id: the OAuth client id when known, else MCP {@code clientInfo}
 *     {@code name/version}; {@code null} when unknown
 * @param session the SHA-256 of the MCP session id, hex, first 16 characters; {@code null} without a session
 * @param reason why, for a refusal or an error; {@code null} for {@code ok}
 * @param durationNanos how long the call took, or -1 when nothing ran to completion
 * @param arguments the call's arguments with {@code @Redact} values replaced by {@code "****"}
 *     and bounded in size, or {@code null}
 * @param ref the reference of an internal error (also in the server log and the caller's result), or {@code null}
 * @param remote the client's network address (HTTP), or {@code null}
 * @param action what the client asked for: {@code tool_call}, {@code resource_read}, {@code prompt_get} or
 *     {@code completion} ({@code resource_subscribe}, {@code resource_unsubscribe} for a refused subscription of a
 *     caller without OAuth); {@code null} for HTTP-level decisions
 * @param target what the request named when it is not a tool: the fixed resource's URI or the resource template
 *     (never the URI read, whose variables may be redacted), the prompt name, or the completion's reference
 *     ({@code prompt:<name>#<argument>} or {@code template:<uri template>#<variable>}); {@code null} otherwise
 */
public record AuditEvent(
    Instant time,
    AuditOutcome outcome,
    String tool,
    String principal,
    String client,
    String session,
    String reason,
    long durationNanos,
    Object arguments,
    String ref,
    String remote,
    String action,
    String target) {

  public static final int MAX_TEXT = 512;

  public AuditEvent {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(outcome, "outcome");
  }

  /** An event without {@code action} and {@code target} (as before resources and prompts were audited). */
  public AuditEvent(Instant time, AuditOutcome outcome, String tool, String principal, String client, String session,
      String reason, long durationNanos, Object arguments, String ref, String remote) {
    this(time, outcome, tool, principal, client, session, reason, durationNanos, arguments, ref, remote, null, null);
  }

  /** Starts an event of this outcome, timed now. */
  public static Builder builder(AuditOutcome outcome) {
    return new Builder(outcome);
  }

  /** The event as one line of JSON (no newline inside, control characters escaped). */
  public String toJson() {
    return AuditJson.write(this);
  }

  /** SHA-256 of a session id, hex, truncated to 16 characters; {@code null} stays {@code null}. */
  public static String hashSession(String sessionId) {
    if (sessionId == null || sessionId.isEmpty()) {
      return null;
    }
    byte[] d = SHA_256.get().digest(sessionId.getBytes(StandardCharsets.UTF_8)); // digest() also resets it
    StringBuilder b = new StringBuilder(16);
    for (int i = 0; i < 8; i++) {
      b.append(Character.forDigit((d[i] >> 4) & 0xf, 16)).append(Character.forDigit(d[i] & 0xf, 16));
    }
    return b.toString();
  }

  /** One digest per thread: looking the algorithm up through the providers cost more than hashing a session id. */
  private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  });

  /** Builds an {@link AuditEvent}; unset fields are {@code null} (duration: none). */
  public static final class Builder {
    private final AuditOutcome outcome;
    private Instant time = Instant.now();
    private String tool;
    private String principal;
    private String client;
    private String session;
    private String reason;
    private long durationNanos = -1;
    private Object arguments;
    private String ref;
    private String remote;
    private String action;
    private String target;

    private Builder(AuditOutcome outcome) {
      this.outcome = Objects.requireNonNull(outcome, "outcome");
    }

    /** When the decision was made (default: now). */
    public Builder time(Instant time) {
      this.time = Objects.requireNonNull(time, "time");
      return this;
    }

    /** The tool called, if any. */
    public Builder tool(String tool) {
      this.tool = tool;
      return this;
    }

    /** Who called: the token subject, or the local caller. */
    public Builder principal(String principal) {
      this.principal = principal;
      return this;
    }

    /** The client's name and version from {@code initialize}. */
    public Builder client(String client) {
      this.client = client;
      return this;
    }

    /** The raw MCP session id; only its hash is kept. */
    public Builder session(String sessionId) {
      this.session = hashSession(sessionId);
      return this;
    }

    /** Why the call was refused or failed; never a secret or an argument value. */
    public Builder reason(String reason) {
      this.reason = reason;
      return this;
    }

    /** How long the call took. */
    public Builder durationNanos(long nanos) {
      this.durationNanos = nanos;
      return this;
    }

    /** Arguments already redacted (see {@link ArgumentRedactor}). */
    public Builder arguments(Object redactedArguments) {
      this.arguments = redactedArguments;
      return this;
    }

    /** The reference shown to the caller for an internal error. */
    public Builder ref(String ref) {
      this.ref = ref;
      return this;
    }

    /** The client address. */
    public Builder remote(String remote) {
      this.remote = remote;
      return this;
    }

    /** What the client asked for ({@code tool_call}, {@code resource_read}, {@code prompt_get}, {@code completion}). */
    public Builder action(String action) {
      this.action = action;
      return this;
    }

    /** The resource, template, prompt or completion reference the request named (see {@link AuditEvent#target()}). */
    public Builder target(String target) {
      this.target = target;
      return this;
    }

    /** The event with every value set so far. */
    public AuditEvent build() {
      return new AuditEvent(time, outcome, tool, principal, client, session, reason, durationNanos, arguments, ref,
          remote, action, target);
    }
  }
}
