package dev.toolwarden.runtime.internal.http;

import io.modelcontextprotocol.server.McpStatelessSyncServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpStatelessServerTransport;
import io.modelcontextprotocol.spec.McpStreamableServerTransportProvider;

/** Builds the SDK server on whichever HTTP transport the options ask for: with sessions, or stateless. */
public interface SdkServers {

  /** The server on the Streamable HTTP transport with sessions. */
  McpSyncServer streamable(McpStreamableServerTransportProvider transport);

  /** The server on the SDK's stateless transport: every request self-contained, no session. */
  McpStatelessSyncServer stateless(McpStatelessServerTransport transport);

  /** The scopes the annotated resources, templates, prompts and completions need (none by default). */
  default dev.toolwarden.runtime.internal.feature.FeatureScopes featureScopes() {
    return dev.toolwarden.runtime.internal.feature.FeatureScopes.none();
  }

  /** What judges the requests the SDK answers by itself (subscriptions) for a caller without OAuth. */
  default dev.toolwarden.runtime.internal.jsonrpc.RequestGate requestGate() {
    return dev.toolwarden.runtime.internal.jsonrpc.RequestGate.OPEN;
  }

  /** What the resource, template and prompt lists show, or null when nothing is annotated. */
  default dev.toolwarden.runtime.internal.feature.FeatureLists featureLists() {
    return null;
  }

  /** The legacy era's running calls, which {@code notifications/cancelled} of 2025-11-25 cancels. */
  default dev.toolwarden.runtime.internal.pipeline.Cancellations cancellations() {
    return new dev.toolwarden.runtime.internal.pipeline.Cancellations();
  }

  /** The MCP 2026-07-28 adapter over the same handlers, or null when this server speaks the SDK's eras only. */
  default dev.toolwarden.runtime.internal.protocol2026.ModernServer modern() {
    return null;
  }
}
