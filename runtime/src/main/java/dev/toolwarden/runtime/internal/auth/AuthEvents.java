package dev.toolwarden.runtime.internal.auth;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where authentication and authorization failures go. Until the runtime's audit trail takes
 * these events, {@link #logging()} writes each as one line on the {@value #LOGGER} logger.
 * Implementations must be thread-safe and fast (they run on the request thread).
 */
@FunctionalInterface
public interface AuthEvents {

  /** The logger {@link #logging()} writes to. */
  String LOGGER = "toolwarden.audit.auth";

  void failure(AuthFailure failure);

  /** One WARN line per failure, control characters escaped. */
  static AuthEvents logging() {
    Logger log = LoggerFactory.getLogger(LOGGER);
    return f -> log.warn("auth failure kind={} status={} reason=\"{}\" subject={} client={} remote={} method={} tool={}"
        + " requiredScopes={}", f.kind(), f.status(), escape(f.reason()), escape(f.subject()), escape(f.clientId()),
        escape(f.remoteAddress()), escape(f.httpMethod()), escape(f.tool()), f.requiredScopes());
  }

  /**
   * Each failure as one {@code auth_failed} event of the runtime's audit trail (the same JSON
   * lines, on the same logger, as every other decision); the token is never part of it.
   */
  static AuthEvents audit(dev.toolwarden.runtime.audit.AuditSink sink) {
    return f -> sink.record(dev.toolwarden.runtime.audit.AuditEvent
        .builder(dev.toolwarden.runtime.audit.AuditOutcome.AUTH_FAILED)
        .time(f.at())
        .principal(f.subject())
        .client(f.clientId())
        .tool(f.tool())
        .remote(f.remoteAddress())
        .reason(f.kind().name().toLowerCase(java.util.Locale.ROOT) + " (" + f.status() + "): " + f.reason()
            + (f.requiredScopes() == null || f.requiredScopes().isEmpty() ? "" : "; requires " + f.requiredScopes()))
        .build());
  }

  /** Every event to both. */
  default AuthEvents and(AuthEvents other) {
    return f -> {
      failure(f);
      other.failure(f);
    };
  }

  /** Escapes control characters, quotes and backslashes; cuts long values. */
  static String escape(String s) {
    if (s == null) {
      return "-";
    }
    String cut = s.length() > 200 ? s.substring(0, 200) + "…" : s;
    StringBuilder b = new StringBuilder(cut.length());
    for (char c : cut.toCharArray()) {
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (c < 0x20 || c == 0x7f) {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }
}
