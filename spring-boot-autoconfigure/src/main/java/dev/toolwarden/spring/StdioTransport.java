package dev.toolwarden.spring;

import dev.toolwarden.runtime.internal.server.ServerAssembly;
import dev.toolwarden.runtime.internal.stdio.StdioServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.SmartLifecycle;

/**
 * Serves the MCP protocol on stdin and the reserved stdout ({@link StdioStreams}) once the context has started;
 * when stdin ends (the client went away), the application context closes and the process exits.
 */
final class StdioTransport implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(StdioTransport.class);

  private final ToolwardenServer server;
  private final ConfigurableApplicationContext context;
  private volatile boolean running;

  StdioTransport(ToolwardenServer server, ConfigurableApplicationContext context) {
    this.server = server;
    this.context = context;
  }

  @Override
  public void start() {
    ServerAssembly assembly = server.assembly(); // fails the start, not the thread, when something is wrong
    running = true;
    Thread serving = new Thread(() -> {
      try {
        // the standalone server's own entry: both eras, the request gate and legacy cancellation
        StdioServer.serve(System.in, StdioStreams.protocolOut(), assembly);
      } catch (RuntimeException e) {
        LOG.error("the stdio transport failed: {}", e.toString());
      } finally {
        LOG.info("stdin ended: closing the application");
        new Thread(context::close, "toolwarden-stdio-close").start();
      }
    }, "toolwarden-stdio");
    serving.setDaemon(false); // keeps a web-less application alive while the client is connected
    serving.start();
  }

  @Override
  public void stop() {
    if (running) {
      running = false;
      server.close();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
