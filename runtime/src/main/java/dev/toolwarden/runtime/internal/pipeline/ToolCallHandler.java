package dev.toolwarden.runtime.internal.pipeline;

import dev.toolwarden.runtime.internal.audit.ArgumentRedactor;
import dev.toolwarden.runtime.internal.path.PathGuard;
import dev.toolwarden.runtime.internal.url.UrlGuard;
import dev.toolwarden.runtime.spi.ToolDefinition;
import dev.toolwarden.runtime.ToolContext;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

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
  private final ElicitationForms forms;
  private final Cancellations cancellations;

  public ToolCallHandler(ToolDefinition tool, Object target, CallChain chain, CallerResolver callers, PathGuard paths) {
    this(tool, target, chain, callers, paths, UrlGuard.system());
  }

  /** A handler whose {@code @SafeUrl} arguments are checked by {@code urls}. */
  public ToolCallHandler(ToolDefinition tool, Object target, CallChain chain, CallerResolver callers, PathGuard paths,
      UrlGuard urls) {
    this(tool, target, chain, callers, paths, urls, ElicitationForms.none(), new Cancellations());
  }

  /**
   * A handler whose tools find their elicitation forms in {@code forms} and whose legacy calls are registered in
   * {@code cancellations} while they run.
   */
  public ToolCallHandler(ToolDefinition tool, Object target, CallChain chain, CallerResolver callers, PathGuard paths,
      UrlGuard urls, ElicitationForms forms, Cancellations cancellations) {
    this.forms = forms;
    this.cancellations = cancellations;
    this.urls = urls;
    this.tool = tool;
    this.target = target;
    this.chain = chain;
    this.callers = callers;
    this.paths = paths;
    this.redactor = ArgumentRedactor.of(tool.policy().redacted());
  }

  /** The tool this handler calls. */
  public ToolDefinition definition() {
    return tool;
  }

  @Override
  public CallToolResult apply(McpSyncServerExchange exchange, CallToolRequest request) {
    McpTransportContext transport = exchange == null ? null : exchange.transportContext();
    String session = exchange == null ? null : exchange.sessionId();
    String key = Cancellations.key(session, transport);
    Cancellation cancellation = cancellations.start(key);
    try {
      return run(request, transport,
          caller -> new ExchangeToolContext(exchange, request, caller, forms, cancellation), clientInfo(exchange),
          session);
    } finally {
      cancellations.finish(key, cancellation);
    }
  }

  /**
   * The handler for MCP 2026-07-28 (the adapter): no session, the caller from the transport context, and a context
   * the adapter makes for the caller, given this server's elicitation forms.
   */
  public CallToolResult modern(McpTransportContext transport, CallToolRequest request,
      BiFunction<Caller, ElicitationForms, ToolContext> contexts, String clientInfo) {
    return run(request, transport, caller -> contexts.apply(caller, forms), clientInfo, null);
  }

  /**
   * The handler for the SDK's stateless server: no session, so no exchange — the caller comes from
   * the request's transport context and the tool gets a {@link StatelessToolContext}.
   */
  public BiFunction<McpTransportContext, CallToolRequest, CallToolResult> stateless() {
    return (context, request) -> run(request, context, caller -> new StatelessToolContext(request, caller), null, null);
  }

  private CallToolResult run(CallToolRequest request, McpTransportContext transport,
      Function<Caller, ToolContext> contexts, String clientInfo, String sessionId) {
    try {
      Caller caller = callers.resolve(transport);
      Map<String, Object> arguments = request.arguments() == null ? Map.of() : request.arguments();
      ToolContext context = contexts.apply(caller);
      CallRecord record = new CallRecord(redactor, arguments, clientInfo, sessionId);
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
