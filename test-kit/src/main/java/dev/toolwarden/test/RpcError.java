package dev.toolwarden.test;

import java.util.Map;
import java.util.OptionalLong;

/**
 * A JSON-RPC error the server answered with instead of a result, as a client receives it. Toolwarden answers
 * refusals of resource reads, prompts and completions this way (they have no {@code isError} result): invalid
 * arguments and path refusals {@code -32602}, a missing scope {@code -32600}, a rate limit {@code -32000} with
 * {@code data.retryAfterSeconds}, an unknown resource {@code -32002}, anything else {@code -32603}. A tool call is
 * refused with an {@code isError} result instead ({@link ToolResult#isError()}), except for an unknown tool.
 *
 * @param code the JSON-RPC error code
 * @param message the message the client sees
 * @param data the error's {@code data}, parsed JSON, or null
 */
public record RpcError(int code, String message, Object data) {

  /** The {@code retryAfterSeconds} of a rate-limit refusal's {@code data}, if present. */
  public OptionalLong retryAfterSeconds() {
    if (data instanceof Map<?, ?> m && m.get("retryAfterSeconds") instanceof Number n) {
      return OptionalLong.of(n.longValue());
    }
    return OptionalLong.empty();
  }
}
