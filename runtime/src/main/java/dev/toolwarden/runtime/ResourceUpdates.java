package dev.toolwarden.runtime;

/**
 * Tells subscribed clients that a resource changed, over whichever transport the server runs (stdio, or HTTP with
 * sessions). Get it from {@link ServerBuilder#resourceUpdates()} before starting the server; it works once the server
 * serves.
 */
public interface ResourceUpdates {

  /**
   * Sends {@code notifications/resources/updated} for {@code uri} to the sessions subscribed to it
   * ({@code resources/subscribe}); they read it again with {@code resources/read}.
   *
   * @throws IllegalStateException when the server is not serving yet, serves statelessly, or was built without
   *     {@link ServerBuilder#resourceSubscriptions resourceSubscriptions(true)}
   */
  void notifyResourceUpdated(String uri);
}
