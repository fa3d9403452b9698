package dev.toolwarden.runtime.internal.protocol2026;

import dev.toolwarden.runtime.internal.feature.Features;
import dev.toolwarden.runtime.internal.pipeline.CallerResolver;
import dev.toolwarden.runtime.internal.pipeline.ToolCallHandler;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;

/**
 * What the adapter serves, handed over by the server assembly: the very handlers the SDK is given, so both eras run
 * one pipeline. This record is the adapter's whole contract with the rest of the runtime (SDK 3.x replaces the
 * adapter, not it).
 *
 * @param name the server's name ({@code serverInfo})
 * @param version the server's version
 * @param instructions the server's instructions, or null
 * @param tools the tools, in registration order
 * @param handlers each tool's call handler (the pipeline), by name
 * @param toolScopes each tool's scopes, by name
 * @param filtered whether lists show only what the token's scopes may use (OAuth with filtered lists)
 * @param features the annotated resources, templates, prompts and completions
 * @param json the server's JSON mapper
 * @param callers who calls, from a request's transport context (the pipeline's own resolver)
 * @param states signs and verifies the {@code requestState} of multi round-trip calls
 * @param resourceSubscriptions whether {@code subscriptions/listen} honours {@code resourceSubscriptions}
 */
public record Catalogue(String name, String version, String instructions, List<McpSchema.Tool> tools,
    Map<String, ToolCallHandler> handlers, Map<String, List<String>> toolScopes, boolean filtered,
    Features features, McpJsonMapper json, CallerResolver callers, RequestStates states,
    boolean resourceSubscriptions) {

  /** Copies the collections. */
  public Catalogue {
    tools = List.copyOf(tools);
    handlers = Map.copyOf(handlers);
    toolScopes = Map.copyOf(toolScopes);
  }
}
