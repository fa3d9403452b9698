package dev.toolwarden.runtime.internal.pipeline;

import dev.toolwarden.runtime.internal.audit.ArgumentRedactor;
import dev.toolwarden.runtime.internal.path.PathGuard;
import dev.toolwarden.runtime.internal.url.UrlGuard;
import dev.toolwarden.runtime.spi.ToolDefinition;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The SDK call handler of one tool: builds the {@link ToolCall} and runs the pipeline. Callable
 * in-process with a {@code null} exchange (no session, no client info), e.g. from a benchmark.
 */
public final class ToolCallHandler implements BiFunction<McpSyncServerExchange, CallToolRequest, CallToolResult> {

  private final ToolDefinition tool;
  private final Object target;
  private final CallChain chain;
  private final CallerResolver callers;
  private final PathGuard paths;
  private final UrlGuard urls;
  private final ArgumentRedactor redactor;

  public ToolCallHandler(ToolDefinition tool, Object target, CallChain chain, CallerResolver callers, PathGuard paths) {
    this(tool, target, chain, callers, paths, UrlGuard.system());
  }

  /** A handler whose {@code @SafeUrl} arguments are checked by {@code urls}. */
  public ToolCallHandler(ToolDefinition tool, Object target, CallChain chain, CallerResolver callers, PathGuard paths,
      UrlGuard urls) {
    this.urls = urls;
    this.tool = tool;
    this.target = target;
    this.chain = chain;
    this.callers = callers;
    this.paths = paths;
    this.redactor = ArgumentRedactor.of(tool.policy().redacted());
  }

  @Override
  public CallToolResult apply(McpSyncServerExchange exchange, CallToolRequest request) {
    try {
      Caller caller = callers.resolve(exchange);
      Map<String, Object> arguments = request.arguments() == null ? Map.of() : request.arguments();
      ExchangeToolContext context = new ExchangeToolContext(exchange, request, caller);
      CallRecord record = new CallRecord(redactor, arguments, clientInfo(exchange),
          exchange == null ? null : exchange.sessionId());
      ToolCall call = new ToolCall(tool, target, arguments, caller, context, new CallInvocation(context, paths, urls), record);
      return chain.proceed(call);
    } catch (Throwable t) { // NOPMD: never let the SDK turn an exception into -32603 + message
      if (t instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      return ErrorMapping.internalError(tool.name(), t);
    }
  }

  /** {@code name/version} from the client's {@code initialize}, or null. */
  static String clientInfo(McpSyncServerExchange exchange) {
    if (exchange == null) {
      return null;
    }
    McpSchema.Implementation info = exchange.getClientInfo();
    if (info == null || info.name() == null) {
      return null;
    }
    return info.version() == null ? info.name() : info.name() + "/" + info.version();
  }
}
