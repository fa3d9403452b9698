package dev.toolwarden.test.internal;

import dev.toolwarden.runtime.audit.AuditEvent;
import dev.toolwarden.runtime.audit.AuditSink;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every audit event of the server, in the order the pipeline recorded them (synchronously, per call). */
public final class CapturedAudit implements AuditSink {

  private final List<AuditEvent> events = new CopyOnWriteArrayList<>();

  @Override
  public void record(AuditEvent event) {
    events.add(event);
  }

  /** A snapshot of the events so far. */
  public List<AuditEvent> events() {
    return List.copyOf(events);
  }

  /** Forgets the events so far. */
  public void clear() {
    events.clear();
  }
}
