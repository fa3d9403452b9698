package dev.toolwarden.runtime.internal.protocol2026;

import java.util.Map;

/**
 * Where the notifications of one MCP 2026-07-28 request go before its answer: the request's own response stream on
 * HTTP, lines before the answer's line on stdio ("request-related notifications followed by the final response").
 * Never the {@code subscriptions/listen} stream: request-scoped notifications flow only with their request.
 */
@FunctionalInterface
public interface NotificationSink {

  /** A request whose client cannot receive notifications: everything is dropped. */
  NotificationSink NONE = notification -> false;

  /** Delivers one JSON-RPC notification; false when it could not (nothing more is sent for the request then). */
  boolean send(Map<String, Object> notification);
}
