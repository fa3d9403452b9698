package dev.toolwarden.runtime.internal.telemetry;

/**
 * A transport that knows how many MCP sessions it holds (Streamable HTTP: every session bound to its owner).
 * Plain Java, nothing of OpenTelemetry: the transport implements it, telemetry turns it into a gauge.
 */
public interface SessionCount {

  /** The sessions held now (ended ones are forgotten; idle ones when the next sweep expires them). */
  int activeSessions();
}
