package dev.toolwarden.runtime.internal.pipeline;

import io.modelcontextprotocol.spec.McpSchema.CallToolResult;

/**
 * One step of the call pipeline (scope check, rate limit, audit, invoke, …). A step either
 * answers the call itself (refusal) or hands it on with {@code next.proceed(call)}, so later
 * policies are added as steps without touching the others.
 */
@FunctionalInterface
public interface CallStep {

  CallToolResult apply(ToolCall call, CallChain next) throws Exception;
}
