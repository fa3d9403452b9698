/**
 * The audit trail: every decision of the call pipeline becomes an {@link dev.toolwarden.runtime.audit.AuditEvent}
 * (arguments already redacted) delivered to an {@link dev.toolwarden.runtime.audit.AuditSink}.
 */
package dev.toolwarden.runtime.audit;
