package dev.toolwarden.runtime;

/** A server listening on the network until it is closed. */
public interface RunningServer extends AutoCloseable {

  /** The port actually bound (useful when port 0 asked for an ephemeral one). */
  int port();

  /** The MCP endpoint, e.g. {@code http://127.0.0.1:8080/mcp}. */
  String url();

  /** Blocks until the server has stopped. */
  void await() throws InterruptedException;

  /** Closes the MCP sessions and stops listening. */
  @Override
  void close();
}
