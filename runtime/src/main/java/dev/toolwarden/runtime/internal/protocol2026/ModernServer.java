package dev.toolwarden.runtime.internal.protocol2026;

import dev.toolwarden.runtime.internal.auth.OAuthCallers;
import dev.toolwarden.runtime.internal.pipeline.Cancellation;
import dev.toolwarden.runtime.internal.pipeline.ToolCallHandler;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers MCP 2026-07-28 requests statelessly, until the Java SDK does (3.x): {@code server/discover}, {@code
 * tools/list}, {@code tools/call}, and the annotated resources, templates, prompts and completions. Every call goes
 * to the handler the SDK's stateless server would call ({@link ToolCallHandler#stateless()}, the features' stateless
 * specifications): one pipeline — caller from the verified token, scope check, rate limit, generated validation,
 * {@code @SafePath}, redaction, audit, telemetry — whatever the era. Transport-agnostic: the HTTP filter and the stdio
 * line filter hand it a parsed request and send back what it answers.
 */
public final class ModernServer {

  private static final Logger LOG = LoggerFactory.getLogger(ModernServer.class);

  private final Catalogue c;
  private final Map<String, Object> serverInfo;
  private final Map<String, Object> capabilities;

  /** A server over {@code catalogue}. */
  public ModernServer(Catalogue catalogue) {
    this.c = catalogue;
    Map<String, Object> info = new LinkedHashMap<>();
    info.put("name", catalogue.name());
    info.put("version", catalogue.version());
    this.serverInfo = Map.copyOf(info);
    Map<String, Object> caps = new LinkedHashMap<>();
    caps.put("tools", Map.of());
    if (catalogue.features().hasResources()) {
      // subscribe: resource updates on subscriptions/listen; no listChanged: the lists never change while serving
      caps.put("resources", catalogue.resourceSubscriptions() ? Map.of("subscribe", true) : Map.of());
    }
    if (!catalogue.features().statelessPrompts().isEmpty()) {
      caps.put("prompts", Map.of());
    }
    if (!catalogue.features().statelessCompletions().isEmpty()) {
      caps.put("completions", Map.of());
    }
    this.capabilities = caps;
  }

  /** The method of a long-lived notification stream. */
  public static final String METHOD_LISTEN = "subscriptions/listen";

  private final Subscriptions subscriptions = new Subscriptions();

  /** The open {@code subscriptions/listen} streams: resource updates go here, and they close with the server. */
  public Subscriptions subscriptions() {
    return subscriptions;
  }

  /**
   * A {@code subscriptions/listen} request: either refused (an error answer, as {@link #answer} gives), or an open
   * stream whose acknowledgment went to {@code sink} already.
   *
   * @param refusal the error answer, or null
   * @param subscription the open stream, or null
   */
  public record Listening(Answer refusal, Subscriptions.Subscription subscription) {}

  /**
   * Opens the stream a {@code subscriptions/listen} asks for. It acknowledges only what this server honours: resource
   * updates (with {@code resourceSubscriptions(true)}) of the URIs the caller may read — an unknown URI and one the
   * caller's scopes do not cover are left out alike — and no list-changed types (the lists never change while the
   * server runs, so {@code listChanged} is not announced).
   */
  @SuppressWarnings("unchecked")
  public Listening listen(McpSchema.JSONRPCRequest request, McpTransportContext context, HeaderSource headers,
      Subscriptions.Sink sink) {
    try {
      if (headers != null) {
        ModernException mismatch = HeaderChecks.check(request, headers);
        if (mismatch != null) {
          throw mismatch;
        }
      }
      ModernRequest r = ModernRequest.of(request.params());
      if (!(r.params().get("notifications") instanceof Map<?, ?> filter)) {
        throw ModernException.invalidParams("Invalid params: notifications must be an object");
      }
      Map<String, Object> acknowledged = new LinkedHashMap<>();
      java.util.Set<String> resources = new java.util.LinkedHashSet<>();
      if (c.resourceSubscriptions() && c.features().hasResources()
          && filter.get("resourceSubscriptions") instanceof List<?> uris) {
        Set<String> granted = c.callers().resolve(context).scopes();
        for (Object uri : uris) {
          List<String> needed = uri instanceof String u ? c.features().scopes().forRead(u) : null;
          if (needed != null && granted.containsAll(needed)) {
            resources.add((String) uri);
          }
        }
        acknowledged.put("resourceSubscriptions", List.copyOf(resources));
      }
      return new Listening(null, subscriptions.open(request.id(), acknowledged, resources, sink));
    } catch (ModernException e) {
      return new Listening(new Answer(e.httpStatus(), error(request.id(), e.code(), e.getMessage(), e.data())), null);
    } catch (RuntimeException e) { // NOPMD: never leaves with its message
      LOG.warn("a {} request failed: {}", request.method(), e.getClass().getName());
      return new Listening(new Answer(200, error(request.id(), McpSchema.ErrorCodes.INTERNAL_ERROR, "Internal error",
          null)), null);
    }
  }

  /**
   * One answer: the HTTP status the Streamable HTTP binding gives it, and the JSON-RPC response.
   *
   * @param status 200, or the status of a refusal ({@link ModernException#httpStatus()})
   * @param response the JSON-RPC response object
   */
  public record Answer(int status, Map<String, Object> response) {}

  /**
   * Answers {@code request}.
   *
   * @param context the transport context (the verified caller on HTTP), or {@link McpTransportContext#EMPTY}
   * @param headers the HTTP headers to check, or null on stdio (which has none)
   */
  public Answer answer(McpSchema.JSONRPCRequest request, McpTransportContext context, HeaderSource headers) {
    return answer(request, context, headers, Cancellation.none(), NotificationSink.NONE);
  }

  /**
   * Answers {@code request}, which the transport cancels through {@code cancellation} (a closed HTTP response stream,
   * {@code notifications/cancelled} on stdio). The request's notifications (a tool's progress, when the client sent a
   * {@code progressToken}) go to {@code notifications} while it runs, and never after this method returned: the
   * transport writes the answer after them.
   */
  public Answer answer(McpSchema.JSONRPCRequest request, McpTransportContext context, HeaderSource headers,
      Cancellation cancellation, NotificationSink notifications) {
    try {
      if (headers != null) {
        ModernException mismatch = HeaderChecks.check(request, headers);
        if (mismatch != null) {
          throw mismatch;
        }
      }
      ModernRequest r = ModernRequest.of(request.params());
      Map<String, Object> result = dispatch(request.method(), r, context, cancellation, notifications);
      result.putIfAbsent("resultType", "complete");
      addServerInfo(result);
      return new Answer(200, response(request.id(), "result", result));
    } catch (ModernException e) {
      return new Answer(e.httpStatus(), error(request.id(), e.code(), e.getMessage(), e.data()));
    } catch (McpError e) {
      ModernException m = ModernErrors.of(e);
      return new Answer(m.httpStatus(), error(request.id(), m.code(), m.getMessage(), m.data()));
    } catch (RuntimeException e) { // NOPMD: a handler's failure never leaves with its message
      LOG.warn("a {} request failed: {}", request.method(), e.getClass().getName());
      return new Answer(200, error(request.id(), McpSchema.ErrorCodes.INTERNAL_ERROR, "Internal error", null));
    }
  }

  private Map<String, Object> dispatch(String method, ModernRequest r, McpTransportContext context,
      Cancellation cancellation, NotificationSink notifications) {
    switch (method) {
      case Revision.METHOD_DISCOVER:
        return discover();
      case McpSchema.METHOD_TOOLS_LIST:
        return list("tools", visibleTools(context), r);
      case McpSchema.METHOD_TOOLS_CALL:
        return callTool(r, context, cancellation, notifications);
      case McpSchema.METHOD_RESOURCES_LIST:
        requireResources();
        return list("resources", ModernFeatures.resources(c, scopes(context)), r);
      case McpSchema.METHOD_RESOURCES_TEMPLATES_LIST:
        requireResources();
        return list("resourceTemplates", ModernFeatures.templates(c, scopes(context)), r);
      case McpSchema.METHOD_RESOURCES_READ: {
        requireResources();
        Map<String, Object> result = ModernFeatures.read(c, r, context);
        CacheHints.add(result, CacheHints.READ_TTL_MS, true);
        return result;
      }
      case McpSchema.METHOD_PROMPT_LIST:
        requirePrompts();
        return list("prompts", ModernFeatures.prompts(c, scopes(context)), r);
      case McpSchema.METHOD_PROMPT_GET:
        requirePrompts();
        return ModernFeatures.getPrompt(c, r, context);
      case McpSchema.METHOD_COMPLETION_COMPLETE:
        if (c.features().statelessCompletions().isEmpty()) {
          throw methodNotFound();
        }
        return ModernFeatures.complete(c, r, context);
      default:
        // subscriptions/listen is not served yet; ping, logging/setLevel, initialize do not exist in this revision
        throw methodNotFound();
    }
  }

  private Map<String, Object> discover() {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("supportedVersions", Revision.SUPPORTED);
    result.put("capabilities", capabilities);
    if (c.instructions() != null) {
      result.put("instructions", c.instructions());
    }
    CacheHints.add(result, CacheHints.LIST_TTL_MS, false); // the same for every caller
    return result;
  }

  /** A whole list in one page, with hints: private when it was filtered by the caller's scopes. */
  private Map<String, Object> list(String field, List<?> items, ModernRequest r) {
    if (r.params().get("cursor") != null) {
      // this server never hands out a cursor: any cursor is one it did not issue
      throw ModernException.invalidParams("Invalid params: unknown cursor");
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put(field, c.json().convertValue(items, List.class));
    CacheHints.add(result, CacheHints.LIST_TTL_MS, c.filtered());
    return result;
  }

  private List<McpSchema.Tool> visibleTools(McpTransportContext context) {
    if (!c.filtered()) {
      return c.tools();
    }
    Set<String> granted = scopes(context);
    return c.tools().stream().filter(t -> granted.containsAll(c.toolScopes().getOrDefault(t.name(), List.of())))
        .toList();
  }

  /**
   * A call through the tool's pipeline with a context of this era. A tool that asks for input ends the round: the
   * answer is an {@code InputRequiredResult} with the questions and a signed {@code requestState}, and the retry
   * carries the answers back ({@link InputRound}). The state is verified before anything runs. The tool's progress
   * reaches {@code notifications} while it runs, and stops when it returns.
   */
  @SuppressWarnings("unchecked")
  private Map<String, Object> callTool(ModernRequest r, McpTransportContext context, Cancellation cancellation,
      NotificationSink notifications) {
    Map<String, Object> params = new LinkedHashMap<>(r.params());
    Object state = params.remove("requestState");
    Object responses = params.remove("inputResponses");
    McpSchema.CallToolRequest call = ModernFeatures.convert(c, new ModernRequest(params, r.meta()),
        McpSchema.CallToolRequest.class);
    ToolCallHandler handler = call.name() == null ? null : c.handlers().get(call.name());
    if (handler == null) {
      throw ModernException.invalidParams("Unknown tool");
    }
    Map<String, Object> arguments = call.arguments() == null ? Map.of() : call.arguments();
    RequestStates.Binding binding = new RequestStates.Binding(McpSchema.METHOD_TOOLS_CALL, call.name(), arguments,
        c.callers().resolve(context).principal());
    InputRound round = InputRound.open(state, responses, binding, capabilities(r), c.states(), c.json());
    ProgressReports progress = ProgressReports.of(r.meta(), notifications, cancellation);
    McpSchema.CallToolResult result;
    try {
      result = handler.modern(context, call, (caller, forms) -> new ModernToolContext(call, caller, round, forms,
          cancellation, progress, c.json()), clientInfo(r));
    } finally {
      progress.close(); // "Progress notifications MUST stop after completion": a tool's late report is dropped
    }
    Map<String, Object> unfinished = round.unfinished(c.states(), binding);
    if (unfinished != null) {
      return unfinished;
    }
    return ModernFeatures.toMap(c, result);
  }

  /** The request's declared client capabilities ({@link ModernRequest} checked that they are an object). */
  @SuppressWarnings("unchecked")
  static Map<String, Object> capabilities(ModernRequest r) {
    return (Map<String, Object>) r.meta().get(Revision.META_CLIENT_CAPABILITIES);
  }

  /** {@code name/version} of the request's self-reported {@code clientInfo}, for the audit trail, or null. */
  private static String clientInfo(ModernRequest r) {
    if (!(r.meta().get(Revision.META_CLIENT_INFO) instanceof Map<?, ?> info)
        || !(info.get("name") instanceof String name)) {
      return null;
    }
    return info.get("version") instanceof String version ? name + "/" + version : name;
  }

  /** The caller's scopes, for filtered lists (the OAuth filter put the verified caller into the context). */
  private static Set<String> scopes(McpTransportContext context) {
    return OAuthCallers.from(context).scopes();
  }

  private void requireResources() {
    if (!c.features().hasResources()) {
      throw methodNotFound();
    }
  }

  private void requirePrompts() {
    if (c.features().statelessPrompts().isEmpty()) {
      throw methodNotFound();
    }
  }

  private static ModernException methodNotFound() {
    return new ModernException(McpSchema.ErrorCodes.METHOD_NOT_FOUND, "Method not found", null);
  }

  /** Puts {@code serverInfo} into the result's {@code _meta}, next to what the pipeline put there (retry-after). */
  @SuppressWarnings("unchecked")
  private void addServerInfo(Map<String, Object> result) {
    Map<String, Object> meta = result.get("_meta") instanceof Map<?, ?> m
        ? new LinkedHashMap<>((Map<String, Object>) m) : new LinkedHashMap<>();
    meta.put(Revision.META_SERVER_INFO, serverInfo);
    result.put("_meta", meta);
  }

  private static Map<String, Object> response(Object id, String field, Object value) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("jsonrpc", McpSchema.JSONRPC_VERSION);
    out.put("id", id);
    out.put(field, value);
    return out;
  }

  private static Map<String, Object> error(Object id, int code, String message, Object data) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("code", code);
    e.put("message", message);
    if (data != null) {
      e.put("data", data);
    }
    return response(id, "error", e);
  }
}
