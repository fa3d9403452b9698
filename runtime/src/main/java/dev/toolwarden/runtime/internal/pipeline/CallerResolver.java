package dev.toolwarden.runtime.internal.pipeline;

import io.modelcontextprotocol.server.McpSyncServerExchange;

/**
 * Determines the caller of one request. Today a fixed grant (stdio, loopback HTTP); the OAuth
 * step will resolve it from the verified token in the exchange's transport context.
 */
@FunctionalInterface
public interface CallerResolver {

  Caller resolve(McpSyncServerExchange exchange);

  /** Every call gets the same caller. */
  static CallerResolver fixed(Caller caller) {
    return exchange -> caller;
  }
}
