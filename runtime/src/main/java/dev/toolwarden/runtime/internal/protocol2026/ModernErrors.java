package dev.toolwarden.runtime.internal.protocol2026;

import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;

/**
 * The features' JSON-RPC errors (already safe: the pipeline's messages) in the modern era's codes: resource not found
 * is -32602, not the legacy -32002, which 2026-07-28 forbids emitting.
 */
final class ModernErrors {

  private ModernErrors() {}

  static ModernException of(McpError e) {
    McpSchema.JSONRPCResponse.JSONRPCError error = e.getJsonRpcError();
    if (error == null || error.code() == null) {
      return new ModernException(McpSchema.ErrorCodes.INTERNAL_ERROR, "Internal error", null);
    }
    if (error.code() == McpSchema.ErrorCodes.RESOURCE_NOT_FOUND) {
      return ModernException.invalidParams("Resource not found");
    }
    return new ModernException(error.code(), error.message(), error.data());
  }
}
