package dev.toolwarden.runtime.internal.jsonrpc;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks a request's {@code params} against the shape its method expects before the SDK sees
 * it. The SDK 2.1.0 answers a params object it cannot bind with -32603 carrying the Jackson
 * exception text (class and field names of the server) over stdio, and with an empty event
 * stream over HTTP; we answer -32602 "Invalid params" instead, naming only what the client sent
 * wrong.
 */
public final class ParamsCheck {

  /** JSON-RPC's code for invalid method parameters. */
  public static final int INVALID_PARAMS = -32602;

  private static final Map<String, Class<?>> PARAMS = Map.of(
      McpSchema.METHOD_INITIALIZE, McpSchema.InitializeRequest.class,
      McpSchema.METHOD_TOOLS_CALL, McpSchema.CallToolRequest.class,
      McpSchema.METHOD_RESOURCES_READ, McpSchema.ReadResourceRequest.class,
      McpSchema.METHOD_PROMPT_GET, McpSchema.GetPromptRequest.class,
      McpSchema.METHOD_COMPLETION_COMPLETE, McpSchema.CompleteRequest.class,
      McpSchema.METHOD_LOGGING_SET_LEVEL, McpSchema.SetLevelRequest.class);

  /** The levels of {@code logging/setLevel} (RFC 5424's, as MCP names them). */
  private static final List<String> LOG_LEVELS_IN_ORDER = Arrays.stream(McpSchema.LoggingLevel.values())
      .map(l -> l.name().toLowerCase(Locale.ROOT)).toList();
  private static final Set<String> LOG_LEVELS = Set.copyOf(LOG_LEVELS_IN_ORDER);

  private ParamsCheck() {}

  /** Null when the params fit the method; else the message for the caller. */
  public static String problem(McpJsonMapper json, McpSchema.JSONRPCRequest request) {
    Object params = request.params();
    Class<?> type = PARAMS.get(request.method());
    if (type == null) {
      return params == null || params instanceof Map ? null : "Invalid params: params must be an object";
    }
    if (!(params instanceof Map<?, ?> map)) {
      return "Invalid params: params must be an object";
    }
    if (request.method().equals(McpSchema.METHOD_TOOLS_CALL)) {
      if (!(map.get("name") instanceof String)) {
        return "Invalid params: name must be a string";
      }
      Object arguments = map.get("arguments");
      if (arguments != null && !(arguments instanceof Map)) {
        return "Invalid params: arguments must be an object";
      }
    }
    if (bindsSurely(request.method(), map)) {
      return null;
    }
    try {
      json.convertValue(params, type);
      return null;
    } catch (RuntimeException e) {
      return "Invalid params for " + request.method();
    }
  }

  /**
   * Null when the SDK would handle this (already shape-checked) request as the client meant; else the message for the
   * caller. Only for the requests the SDK answers (MCP 2025-11-25 and before: 2026-07-28 has no {@code logging/setLevel},
   * its adapter answers that method as unknown): the SDK binds a missing or unknown {@code logging/setLevel} level to
   * "info" and answers success, so the client believes a level it never set.
   */
  public static String sdkProblem(McpSchema.JSONRPCRequest request) {
    if (request.method().equals(McpSchema.METHOD_LOGGING_SET_LEVEL) && request.params() instanceof Map<?, ?> map
        && !(map.get("level") instanceof String level && LOG_LEVELS.contains(level))) {
      return "Invalid params: level must be one of " + String.join(", ", LOG_LEVELS_IN_ORDER);
    }
    return null;
  }

  /**
   * Whether the SDK's binding of these params to its request record cannot fail, so the trial conversion may be
   * skipped (it cost a whole Jackson conversion per call): the records of {@code tools/call} and
   * {@code resources/read} ignore unknown members, bind any string to their name or URI and any object (or null) to
   * their maps. Anything else is left to the trial conversion, which stays the judge.
   */
  private static boolean bindsSurely(String method, Map<?, ?> params) {
    Object meta = params.get("_meta");
    if (meta != null && !(meta instanceof Map)) {
      return false;
    }
    return switch (method) {
      case McpSchema.METHOD_TOOLS_CALL -> true; // name and arguments were checked above
      case McpSchema.METHOD_RESOURCES_READ -> params.get("uri") instanceof String;
      default -> false;
    };
  }
}
