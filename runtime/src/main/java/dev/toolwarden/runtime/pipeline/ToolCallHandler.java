package dev.toolwarden.runtime.pipeline;

import dev.toolwarden.runtime.path.PathGuard;
import dev.toolwarden.runtime.spi.ToolDefinition;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.Map;
import java.util.function.BiFunction;

/** The SDK call handler of one tool: builds the {@link ToolCall} and runs the pipeline. */
public final class ToolCallHandler implements BiFunction<McpSyncServerExchange, CallToolRequest, CallToolResult> {

  private final ToolDefinition tool;
  private final Object target;
  private final CallChain chain;
  private final CallerResolver callers;
  private final PathGuard paths;

  public ToolCallHandler(ToolDefinition tool, Object target, CallChain chain, CallerResolver callers, PathGuard paths) {
    this.tool = tool;
    this.target = target;
    this.chain = chain;
    this.callers = callers;
    this.paths = paths;
  }

  @Override
  public CallToolResult apply(McpSyncServerExchange exchange, CallToolRequest request) {
    try {
      Caller caller = callers.resolve(exchange);
      Map<String, Object> arguments = request.arguments() == null ? Map.of() : request.arguments();
      ExchangeToolContext context = new ExchangeToolContext(exchange, request, caller);
      ToolCall call = new ToolCall(tool, target, arguments, caller, context, new CallInvocation(context, paths));
      return chain.proceed(call);
    } catch (Throwable t) { // NOPMD: never let the SDK turn an exception into -32603 + message
      if (t instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      return ErrorMapping.internalError(tool.name(), t);
    }
  }
}
