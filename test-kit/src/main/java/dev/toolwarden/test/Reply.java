package dev.toolwarden.test;

import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;

/**
 * What the server answered to one request: a result, or a JSON-RPC error ({@link #isRpcError()}). Reading the
 * result of an answer that was an error (or the error of one that was a result) fails with an
 * {@link AssertionError} that says what came instead, so a test's failure message shows the server's answer.
 *
 * @param <R> the SDK result type
 */
public abstract sealed class Reply<R> permits ToolResult, ResourceResult, PromptResult, CompletionResult {

  private final R result;
  private final RpcError error;

  Reply(R result, McpError error) {
    this.result = result;
    this.error = error == null ? null : toRpcError(error);
  }

  /** Whether the server answered with a JSON-RPC error instead of a result. */
  public final boolean isRpcError() {
    return error != null;
  }

  /**
   * The JSON-RPC error the server answered with.
   *
   * @throws AssertionError when the server answered with a result
   */
  public final RpcError rpcError() {
    if (error == null) {
      throw new AssertionError("expected a JSON-RPC error, but the server answered with a result: " + result);
    }
    return error;
  }

  /**
   * The result as the SDK client decoded it, for what this class does not expose.
   *
   * @throws AssertionError when the server answered with a JSON-RPC error
   */
  public final R sdkResult() {
    if (error != null) {
      throw new AssertionError("expected a result, but the server answered with the JSON-RPC error " + error);
    }
    return result;
  }

  @Override
  public String toString() {
    return error != null ? "JSON-RPC error " + error : String.valueOf(result);
  }

  private static RpcError toRpcError(McpError e) {
    McpSchema.JSONRPCResponse.JSONRPCError rpc = e.getJsonRpcError();
    if (rpc == null) {
      return new RpcError(McpSchema.ErrorCodes.INTERNAL_ERROR, e.getMessage(), null);
    }
    return new RpcError(rpc.code() == null ? 0 : rpc.code(), rpc.message(), rpc.data());
  }
}
