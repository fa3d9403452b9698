package dev.toolwarden.runtime.internal.audit;

import dev.toolwarden.runtime.audit.AuditEvent;
import dev.toolwarden.runtime.audit.AuditSink;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes each event as one JSON line at INFO on the logger {@value #LOGGER}. */
public final class Slf4jAuditSink implements AuditSink {

  /** The audit logger's name; route it to its own appender in your logging configuration. */
  public static final String LOGGER = "toolwarden.audit";

  public static final Slf4jAuditSink INSTANCE = new Slf4jAuditSink();

  private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

  private Slf4jAuditSink() {}

  @Override
  public void record(AuditEvent event) {
    if (LOG.isInfoEnabled()) {
      LOG.info(event.toJson());
    }
  }
}
