package dev.toolwarden.runtime.internal.telemetry;

/**
 * A transport that knows its MCP sessions: how many it holds, and each one that ends (Streamable HTTP: every session
 * bound to its owner; stdio: the one session of the process). Plain Java, nothing of OpenTelemetry: the transport
 * implements it, telemetry turns it into the gauge {@code toolwarden.sessions.active} and the histogram
 * {@code mcp.server.session.duration}.
 */
public interface SessionCount {

  /** The sessions held now (ended ones are forgotten; idle ones when the next sweep expires them). */
  int activeSessions();

  /** Tells {@code ends} of every session that ends from now on (one listener: a later call replaces it). */
  void reportEnds(EndedSession.Listener ends);
}
