package dev.toolwarden.runtime.internal.server;

import dev.toolwarden.runtime.internal.protocol2026.Subscriptions;
import dev.toolwarden.runtime.ResourceUpdates;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpSchema;

/**
 * Sends {@code notifications/resources/updated} through whichever SDK server the builder's transport built (stdio or
 * HTTP with sessions): the SDK sends it to the sessions subscribed to that URI.
 */
public final class ResourceNotifier implements ResourceUpdates {

  private volatile McpSyncServer server;
  private volatile boolean subscriptions;
  private volatile Subscriptions modern;

  /** Called when the SDK server is built. */
  void attach(McpSyncServer built, boolean subscriptionsOn) {
    this.subscriptions = subscriptionsOn;
    this.server = built;
  }

  @Override
  public void notifyResourceUpdated(String uri) {
    McpSyncServer s = server;
    if (s == null) {
      throw new IllegalStateException("the server is not serving yet (or serves statelessly): start it with"
          + " stdio() or http(..) with sessions first");
    }
    if (!subscriptions) {
      throw new IllegalStateException("resource subscriptions are off: build the server with resourceSubscriptions(true)");
    }
    s.notifyResourcesUpdated(new McpSchema.ResourcesUpdatedNotification(uri));
    Subscriptions streams = modern;
    if (streams != null) {
      streams.resourceUpdated(uri); // MCP 2026-07-28 clients listening on subscriptions/listen
    }
  }

  /** The MCP 2026-07-28 listen streams, which hear of every update too. */
  void attachModern(Subscriptions streams) {
    this.modern = streams;
  }
}
