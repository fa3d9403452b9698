package dev.toolwarden.runtime.internal.http;

import dev.toolwarden.runtime.internal.protocol2026.ModernServer;
import dev.toolwarden.runtime.RunningServer;
import org.eclipse.jetty.server.Server;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A started Jetty serving the MCP endpoint, as the user sees it. */
final class JettyRunningServer implements RunningServer {

  private static final Logger LOG = LoggerFactory.getLogger(JettyRunningServer.class);

  private final Server jetty;
  private final SdkEndpoint sdk;
  private final String scheme;
  private final String host;
  private final int port;
  private boolean closed;

  private final ModernServer modern;

  JettyRunningServer(Server jetty, SdkEndpoint sdk, String scheme, String host, int port, ModernServer modern) {
    this.modern = modern;
    this.jetty = jetty;
    this.sdk = sdk;
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
    sdk.notifyResourceUpdated(uri); // refuses when subscriptions are off, for both eras
    if (modern != null) {
      modern.subscriptions().resourceUpdated(uri);
    }
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
    if (modern != null) {
      // each listen stream gets its completion result and frees its thread before Jetty stops
      modern.subscriptions().closeAll(java.time.Duration.ofSeconds(2));
    }
    try {
      sdk.closer().run();
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
