package dev.toolwarden.runtime.internal.jsonrpc;

import io.modelcontextprotocol.spec.McpSchema;

/**
 * A judge of requests the SDK answers by itself, with no handler of ours to run a policy in (e.g.
 * {@code resources/subscribe}): the transport asks it before the SDK sees the request and answers its error instead.
 */
@FunctionalInterface
public interface RequestGate {

  /** Lets every request through. */
  RequestGate OPEN = request -> null;

  /** Null when {@code request} may go on to the SDK; else the JSON-RPC error to answer, safe to send. */
  McpSchema.JSONRPCResponse.JSONRPCError judge(McpSchema.JSONRPCRequest request);
}
