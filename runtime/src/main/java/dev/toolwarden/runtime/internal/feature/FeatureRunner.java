package dev.toolwarden.runtime.internal.feature;

import dev.toolwarden.runtime.ToolContext;
import dev.toolwarden.runtime.audit.AuditOutcome;
import dev.toolwarden.runtime.internal.path.PathGuard;
import dev.toolwarden.runtime.internal.pipeline.CallChain;
import dev.toolwarden.runtime.internal.pipeline.CallInvocation;
import dev.toolwarden.runtime.internal.pipeline.CallRecord;
import dev.toolwarden.runtime.internal.pipeline.Caller;
import dev.toolwarden.runtime.internal.pipeline.Cancellation;
import dev.toolwarden.runtime.internal.pipeline.ElicitationForms;
import dev.toolwarden.runtime.internal.pipeline.CallerResolver;
import dev.toolwarden.runtime.internal.pipeline.ErrorMapping;
import dev.toolwarden.runtime.internal.pipeline.ExchangeToolContext;
import dev.toolwarden.runtime.internal.pipeline.RateLimitStep;
import dev.toolwarden.runtime.internal.pipeline.StatelessToolContext;
import dev.toolwarden.runtime.internal.pipeline.ToolCall;
import dev.toolwarden.runtime.internal.url.UrlGuard;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.Map;

/**
 * Runs one resource read, prompt get or completion through the tools' pipeline (telemetry, audit, error mapping, scope
 * check, rate limit, then the action) and turns a refusal into the JSON-RPC error these methods answer with (they have
 * no {@code isError} result): invalid arguments and path refusals -32602, a missing scope -32600 (the code our HTTP
 * 403 carries), a rate limit -32000 with {@code data.retryAfterSeconds}, a resource's not-found -32002, anything else
 * -32603. Messages are the pipeline's: safe, {@code @Redact} values masked, never a stack trace or a path.
 */
final class FeatureRunner {

  /** The JSON-RPC code of a scope refusal: what the HTTP layer's 403 carries too. */
  static final int FORBIDDEN = McpSchema.ErrorCodes.INVALID_REQUEST;
  /** The JSON-RPC code of a rate-limit refusal: what the HTTP per-client limit carries too. */
  static final int RATE_LIMITED = -32000;

  private final CallChain chain;
  private final CallerResolver callers;
  private final PathGuard paths;
  private final UrlGuard urls;
  private final ElicitationForms forms;

  FeatureRunner(CallChain chain, CallerResolver callers, PathGuard paths, UrlGuard urls, ElicitationForms forms) {
    this.forms = forms;
    this.chain = chain;
    this.callers = callers;
    this.paths = paths;
    this.urls = urls;
  }

  /**
   * Runs {@code action} for {@code served} with {@code arguments} (already converted to their JSON types).
   *
   * @param exchange the session's exchange, or null (stateless, or in-process)
   * @param transport the transport context when there is no exchange (stateless), else ignored
   * @param meta the request's {@code _meta}
   * @return the SDK result the action built
   * @throws McpError the refusal or failure, safe to send
   */
  Object run(Served served, Map<String, Object> arguments, McpSyncServerExchange exchange,
      McpTransportContext transport, Map<String, Object> meta, FeatureAction action) {
    return run(served, arguments, exchange, transport, meta, action, null);
  }

  /**
   * {@link #run(Served, Map, McpSyncServerExchange, McpTransportContext, Map, FeatureAction)} whose
   * {@link ToolContext} {@code contexts} makes (MCP 2026-07-28), or the era's own when it is null.
   */
  Object run(Served served, Map<String, Object> arguments, McpSyncServerExchange exchange,
      McpTransportContext transport, Map<String, Object> meta, FeatureAction action,
      Features.PromptContexts contexts) {
    CallRecord record = null;
    FeatureInvocation invocation;
    CallToolResult result;
    try {
      McpTransportContext context = exchange != null ? exchange.transportContext() : transport;
      Caller caller = callers.resolve(context);
      // the context generated code may inject (ToolContext): log and progress go to this request's session
      McpSchema.CallToolRequest shape = new McpSchema.CallToolRequest(served.name(), Map.of(), meta);
      ToolContext toolContext = contexts != null ? contexts.make(shape, caller, forms)
          : exchange != null || transport == null
              ? new ExchangeToolContext(exchange, shape, caller, forms, Cancellation.none())
              : new StatelessToolContext(shape, caller);
      record = new CallRecord(served.redactor(), arguments, clientInfo(exchange),
          exchange == null ? null : exchange.sessionId());
      invocation = new FeatureInvocation(new CallInvocation(toolContext, paths, urls), action);
      ToolCall call = new ToolCall(served.definition(), served.target(), arguments, caller, toolContext, invocation,
          record, served.feature());
      result = chain.proceed(call);
    } catch (Throwable t) { // NOPMD: never let the SDK turn an exception into -32603 + its message
      if (t instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw error(McpSchema.ErrorCodes.INTERNAL_ERROR,
          text(ErrorMapping.internalError(served.feature().subject(served.name()), t, record)), null);
    }
    if (Boolean.TRUE.equals(result.isError())) {
      throw refusal(record.outcome(), result);
    }
    if (invocation.notFound()) {
      throw error(McpSchema.ErrorCodes.RESOURCE_NOT_FOUND, "Resource not found", null);
    }
    return invocation.result();
  }

  private static McpError refusal(AuditOutcome outcome, CallToolResult result) {
    String message = text(result);
    if (outcome == null) {
      return error(McpSchema.ErrorCodes.INTERNAL_ERROR, message, null);
    }
    switch (outcome) {
      case VALIDATION_REJECTED:
      case PATH_REJECTED:
        return error(McpSchema.ErrorCodes.INVALID_PARAMS, message, null);
      case SCOPE_DENIED:
        return error(FORBIDDEN, message, null);
      case RATE_LIMITED: {
        Object retry = result.meta() == null ? null : result.meta().get(RateLimitStep.RETRY_AFTER_META);
        return error(RATE_LIMITED, message, retry == null ? null : Map.of("retryAfterSeconds", retry));
      }
      default:
        return error(McpSchema.ErrorCodes.INTERNAL_ERROR, message, null);
    }
  }

  static McpError error(int code, String message, Object data) {
    McpError.Builder b = McpError.builder(code).message(message);
    if (data != null) {
      b.data(data);
    }
    return b.build();
  }

  private static String text(CallToolResult result) {
    if (result.content() != null) {
      for (McpSchema.Content c : result.content()) {
        if (c instanceof McpSchema.TextContent t) {
          return t.text();
        }
      }
    }
    return "request failed";
  }

  private static String clientInfo(McpSyncServerExchange exchange) {
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
