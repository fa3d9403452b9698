package dev.toolwarden.runtime;

/** A server listening on the network until it is closed. */
public interface RunningServer extends AutoCloseable {

  /** The port actually bound (useful when port 0 asked for an ephemeral one). */
  int port();

  /** The MCP endpoint, e.g. {@code http://127.0.0.1:8080/mcp}. */
  String url();

  /**
   * Tells the clients subscribed to {@code uri} that the resource changed
   * ({@code notifications/resources/updated}); they read it again with {@code resources/read}.
   *
   * @throws IllegalStateException unless the server was built with
   *     {@link ServerBuilder#resourceSubscriptions resourceSubscriptions(true)}
   * @throws UnsupportedOperationException from a server that cannot send notifications at all
   */
  default void notifyResourceUpdated(String uri) {
    throw new UnsupportedOperationException("this server does not support resource subscriptions");
  }

  /** Blocks until the server has stopped. */
  void await() throws InterruptedException;

  /** Closes the MCP sessions and stops listening. */
  @Override
  void close();
}
