package dev.toolwarden.runtime.internal.server;

import dev.toolwarden.runtime.RunningServer;

/**
 * A running server whose {@link #close()} also writes the audit events still queued: the HTTP server
 * stops first (no new calls), then the assembly's audit sink is flushed.
 */
final class AuditClosingServer implements RunningServer {

  private final RunningServer server;
  private final ServerAssembly assembly;

  AuditClosingServer(RunningServer server, ServerAssembly assembly) {
    this.server = server;
    this.assembly = assembly;
  }

  @Override
  public int port() {
    return server.port();
  }

  @Override
  public String url() {
    return server.url();
  }

  @Override
  public void notifyResourceUpdated(String uri) {
    server.notifyResourceUpdated(uri);
  }

  @Override
  public void await() throws InterruptedException {
    server.await();
  }

  @Override
  public void close() {
    try {
      server.close();
    } finally {
      assembly.close();
    }
  }
}
