package dev.toolwarden.runtime.audit;

import dev.toolwarden.runtime.internal.audit.Slf4jAuditSink;

/**
 * Receives every audit event. The default, {@link Slf4jAuditSink}, writes one JSON line per
 * event on the logger {@code toolwarden.audit}; plug in another with
 * {@code Toolwarden.server(..).auditSink(sink)} to ship events elsewhere (a SIEM, a queue).
 * Events arrive already redacted: {@code @Redact} values masked, tokens scrubbed.
 *
 * <p>Called on the request thread: return quickly, and do not throw (an exception is logged and
 * otherwise ignored; it never changes the caller's result).
 */
@FunctionalInterface
public interface AuditSink {

  /** Records one event; called on the thread that made the decision, so it must not block for long. */
  void record(AuditEvent event);

  /** The default sink: JSON lines on the {@code toolwarden.audit} logger. */
  static AuditSink slf4j() {
    return Slf4jAuditSink.INSTANCE;
  }

  /** Sends every event to both sinks. */
  default AuditSink and(AuditSink other) {
    return event -> {
      try {
        record(event);
      } finally {
        other.record(event);
      }
    };
  }
}
