package dev.toolwarden.runtime.internal.telemetry;

import java.time.Duration;
import java.util.List;

/**
 * A session that ended, as a transport reports it to telemetry: only what the MCP conventions put on
 * {@code mcp.server.session.duration} may be derived from it — never the session id.
 *
 * @param http Streamable HTTP ({@code network.transport=tcp}) rather than stdio ({@code pipe})
 * @param protocolVersion the MCP protocol version the session negotiated (one of the server's), or null
 * @param lived from the session's start ({@code initialize}) to its end
 * @param cause why it ended
 */
public record EndedSession(boolean http, String protocolVersion, Duration lived, Cause cause) {

  /** Why a session ended. */
  public enum Cause {
    /** The client ended it: an HTTP {@code DELETE}, or the end of stdin. */
    CLOSED,
    /** It outlived its idle time or its absolute lifetime (HTTP). */
    EXPIRED,
    /** The server dropped it to make room for a newer session of the same principal (HTTP). */
    EVICTED
  }

  /** Receives the sessions that end. */
  @FunctionalInterface
  public interface Listener {
    /** {@code session} ended; called on the thread that ended it, so must not block. */
    void ended(EndedSession session);
  }

  /**
   * The version a session of a server supporting {@code supported} negotiates when the client asks for
   * {@code requested}: the requested one when supported, else the server's latest (the last of the list), as the MCP
   * Java SDK answers {@code initialize}. Always one of {@code supported}, the list's own instance: a bounded value for
   * a metric label, and nothing a session keeps a copy of (the requested string is parsed anew for every session).
   */
  public static String negotiated(String requested, List<String> supported) {
    if (supported == null || supported.isEmpty()) {
      return null;
    }
    int index = requested == null ? -1 : supported.indexOf(requested);
    return supported.get(index >= 0 ? index : supported.size() - 1);
  }
}
