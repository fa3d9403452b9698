package dev.toolwarden.runtime.internal.http;

import dev.toolwarden.runtime.RunningServer;
import io.modelcontextprotocol.server.McpSyncServer;
import org.eclipse.jetty.server.Server;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A started Jetty serving the MCP endpoint, as the user sees it. */
final class JettyRunningServer implements RunningServer {

  private static final Logger LOG = LoggerFactory.getLogger(JettyRunningServer.class);

  private final Server jetty;
  private final McpSyncServer mcp;
  private final String scheme;
  private final String host;
  private final int port;
  private boolean closed;

  JettyRunningServer(Server jetty, McpSyncServer mcp, String scheme, String host, int port) {
    this.jetty = jetty;
    this.mcp = mcp;
    this.scheme = scheme;
    this.host = host;
    this.port = port;
  }

  @Override
  public int port() {
    return port;
  }

  @Override
  public String url() {
    return scheme + "://" + host + ":" + port + HttpTransport.ENDPOINT;
  }

  @Override
  public void notifyResourceUpdated(String uri) {
    java.util.Objects.requireNonNull(uri, "uri");
    var resources = mcp.getServerCapabilities().resources();
    if (resources == null || !Boolean.TRUE.equals(resources.subscribe())) {
      throw new IllegalStateException("resource subscriptions are off: build the server with resourceSubscriptions(true)");
    }
    mcp.notifyResourcesUpdated(new io.modelcontextprotocol.spec.McpSchema.ResourcesUpdatedNotification(uri));
  }

  @Override
  public void await() throws InterruptedException {
    jetty.join();
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      mcp.closeGracefully();
    } catch (RuntimeException e) {
      LOG.debug("closing MCP sessions failed", e);
    }
    try {
      jetty.stop();
    } catch (Exception e) {
      LOG.warn("stopping the HTTP server failed: {}", e.toString());
    }
  }
}
