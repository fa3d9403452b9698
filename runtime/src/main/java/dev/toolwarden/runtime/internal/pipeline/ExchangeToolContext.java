package dev.toolwarden.runtime.internal.pipeline;

import dev.toolwarden.runtime.Elicited;
import dev.toolwarden.runtime.ToolContext;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@link ToolContext} over the SDK's exchange and the {@code tools/call} request. */
public final class ExchangeToolContext implements ToolContext {

  private static final String LOGGER_NAME = "tool";

  private final McpSyncServerExchange exchange;
  private final McpSchema.CallToolRequest request;
  private final Caller caller;
  private final ElicitationForms forms;
  private final Cancellation cancellation;

  public ExchangeToolContext(McpSyncServerExchange exchange, McpSchema.CallToolRequest request, Caller caller) {
    this(exchange, request, caller, ElicitationForms.none(), Cancellation.none());
  }

  /** A context whose typed elicitation finds its forms in {@code forms}, cancelled through {@code cancellation}. */
  public ExchangeToolContext(McpSyncServerExchange exchange, McpSchema.CallToolRequest request, Caller caller,
      ElicitationForms forms, Cancellation cancellation) {
    this.exchange = exchange;
    this.request = request;
    this.caller = caller;
    this.forms = forms;
    this.cancellation = cancellation;
  }

  /** The SDK's exchange, or null in-process (telemetry reads its transport context). */
  McpSyncServerExchange exchange() {
    return exchange;
  }

  /** The {@code tools/call} request (telemetry reads its {@code _meta}). */
  McpSchema.CallToolRequest request() {
    return request;
  }

  @Override
  public String principal() {
    return caller.principal();
  }

  @Override
  public Set<String> scopes() {
    return caller.scopes();
  }

  @Override
  public String sessionId() {
    return exchange == null ? null : exchange.sessionId();
  }

  @Override
  public String toolName() {
    return request.name();
  }

  // SDK 2.2.0 deprecates logging, sampling and roots because MCP 2026-07-28 does (SEP-2577, advisory, no wire
  // change): clients of 2025-11-25 and older still ask for them, so ToolContext keeps offering them
  @Override
  @SuppressWarnings("deprecation")
  public void log(McpSchema.LoggingLevel level, String message) {
    // the SDK drops messages below the level the client set with logging/setLevel
    exchange.loggingNotification(McpSchema.LoggingMessageNotification.builder(level, message)
        .logger(LOGGER_NAME + "/" + request.name())
        .build());
  }

  @Override
  public void progress(double progress, Double total, String message) {
    Object token = progressToken();
    if (token == null) {
      return; // the client did not ask for progress
    }
    exchange.progressNotification(
        McpSchema.ProgressNotification.builder(token, progress).total(total).message(message).build());
  }

  private Object progressToken() {
    Map<String, Object> meta = request.meta();
    return meta == null ? null : meta.get("progressToken");
  }

  @Override
  @SuppressWarnings("deprecation") // see log(..)
  public McpSchema.CreateMessageResult sample(McpSchema.CreateMessageRequest req) {
    return exchange.createMessage(req);
  }

  @Override
  public McpSchema.ElicitResult elicit(McpSchema.ElicitRequest req) {
    return exchange.createElicitation(req);
  }

  @Override
  public <T extends Record> Elicited<T> elicit(Class<T> form, String message) {
    return forms.ask(this, form, message); // the classic server request: elicitation/create, blocking
  }

  @Override
  public boolean isCancelled() {
    return cancellation.isCancelled();
  }

  @Override
  public void onCancel(Runnable action) {
    cancellation.onCancel(action);
  }

  @Override
  public boolean canSample() {
    McpSchema.ClientCapabilities c = exchange.getClientCapabilities();
    return c != null && c.sampling() != null;
  }

  @Override
  public boolean canElicit() {
    McpSchema.ClientCapabilities c = exchange.getClientCapabilities();
    return c != null && c.elicitation() != null;
  }

  @Override
  public boolean canListRoots() {
    McpSchema.ClientCapabilities c = exchange == null ? null : exchange.getClientCapabilities();
    return c != null && c.roots() != null;
  }

  @Override
  @SuppressWarnings("deprecation") // see log(..)
  public List<McpSchema.Root> roots() {
    if (exchange == null) {
      return ToolContext.super.roots(); // in-process: nobody to ask
    }
    List<McpSchema.Root> roots = exchange.listRoots().roots(); // the classic roots/list request
    return roots == null ? List.of() : roots;
  }
}
