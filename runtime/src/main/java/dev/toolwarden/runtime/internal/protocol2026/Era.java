package dev.toolwarden.runtime.internal.protocol2026;

import io.modelcontextprotocol.spec.McpSchema;
import java.util.Map;

/**
 * Which protocol era one message belongs to, decided per message on both transports. Modern (2026-07-28): the
 * request carries {@code _meta["io.modelcontextprotocol/protocolVersion"]}, or is {@code server/discover}, or (HTTP)
 * its {@code MCP-Protocol-Version} header names a version that is not a legacy one. Everything else — {@code
 * initialize}, a session's requests, a legacy client's notifications, a response — is legacy and goes to the SDK
 * untouched.
 */
public final class Era {

  private Era() {}

  /**
   * Whether {@code message} is the adapter's.
   *
   * @param versionHeader the {@code MCP-Protocol-Version} header, or null (stdio, or absent)
   */
  public static boolean isModern(McpSchema.JSONRPCMessage message, String versionHeader) {
    if (message instanceof McpSchema.JSONRPCRequest request) {
      if (Revision.METHOD_DISCOVER.equals(request.method()) || hasModernMeta(request.params())) {
        return true;
      }
    } else if (message instanceof McpSchema.JSONRPCNotification notification) {
      if (hasModernMeta(notification.params())) {
        return true;
      }
    } else {
      return false; // a response: clients of neither era send one to a server
    }
    return versionHeader != null && !versionHeader.isEmpty() && !Revision.LEGACY.contains(versionHeader);
  }

  private static boolean hasModernMeta(Object params) {
    return params instanceof Map<?, ?> p && p.get("_meta") instanceof Map<?, ?> meta
        && meta.containsKey(Revision.META_PROTOCOL_VERSION);
  }
}
