package dev.toolwarden.runtime.internal.pipeline;

import io.modelcontextprotocol.common.McpTransportContext;

/**
 * Determines the caller of one request from its transport context (which the HTTP transport fills
 * with the verified caller): a fixed grant for stdio and loopback HTTP without OAuth.
 */
@FunctionalInterface
public interface CallerResolver {

  /** The caller of a request whose transport context is {@code context} (null in-process). */
  Caller resolve(McpTransportContext context);

  /** Every call gets the same caller. */
  static CallerResolver fixed(Caller caller) {
    return context -> caller;
  }
}
