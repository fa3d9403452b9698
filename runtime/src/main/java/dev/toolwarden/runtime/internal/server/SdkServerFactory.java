package dev.toolwarden.runtime.internal.server;

import dev.toolwarden.runtime.ToolwardenStartupException;
import dev.toolwarden.runtime.internal.auth.OAuthCallers;
import dev.toolwarden.runtime.internal.feature.Features;
import dev.toolwarden.runtime.internal.pipeline.ToolCallHandler;
import dev.toolwarden.runtime.internal.telemetry.SessionCount;
import dev.toolwarden.runtime.internal.telemetry.Telemetry;
import dev.toolwarden.runtime.internal.telemetry.TracedFeatures;
import dev.toolwarden.runtime.spi.RateLimitPolicy;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpStatelessServerFeatures;
import io.modelcontextprotocol.server.McpStatelessSyncServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import io.modelcontextprotocol.spec.McpStatelessServerTransport;
import io.modelcontextprotocol.spec.McpStreamableServerTransportProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Configures the SDK's servers on what {@link ServerAssembly} assembled: the tools (each on its pipeline), the
 * annotated and passthrough features, capabilities, the tool filter, the schema validator — with sessions (stdio,
 * Streamable HTTP) or without ({@link #stateless}). One job: turning an assembly into SDK servers.
 */
final class SdkServerFactory {

  private final ServerSettings settings;
  private final McpJsonMapper json;
  private final List<McpServerFeatures.SyncToolSpecification> specs;
  private final Map<String, ToolCallHandler> handlers;
  private final Map<String, List<String>> toolScopes;
  private final boolean filterTools;
  private final Telemetry telemetry;
  private final PrevalidatedSchemas schemas;
  private final Features features;

  SdkServerFactory(ServerSettings settings, McpJsonMapper json, List<McpServerFeatures.SyncToolSpecification> specs,
      Map<String, ToolCallHandler> handlers, Map<String, List<String>> toolScopes, boolean filterTools,
      Telemetry telemetry, PrevalidatedSchemas schemas, Features features) {
    this.settings = settings;
    this.json = json;
    this.specs = specs;
    this.handlers = handlers;
    this.toolScopes = toolScopes;
    this.filterTools = filterTools;
    this.telemetry = telemetry;
    this.schemas = schemas;
    this.features = features;
  }

  /** The SDK server on a session-per-connection transport (stdio): calls on Reactor's pool, see {@link #streamable}. */
  McpSyncServer sessions(McpServerTransportProvider transport) {
    observe(transport);
    return configure(McpServer.sync(transport));
  }

  /**
   * Builds the SDK server on the Streamable HTTP transport. Its servlet blocks the request thread until the answer
   * is written, so each call runs on that thread ({@code immediateExecution}) instead of being handed to Reactor's
   * bounded-elastic pool and waited for: one thread and two context switches fewer per call. (Not over stdio, where
   * the SDK reads every message on one thread: a running call would hold up the next request and its cancellation.)
   */
  McpSyncServer streamable(McpStreamableServerTransportProvider transport) {
    observe(transport);
    return configure(McpServer.sync(transport).immediateExecution(true));
  }

  private void observe(Object transport) {
    if (transport instanceof SessionCount sessions) {
      telemetry.observeSessions(sessions); // toolwarden.sessions.active, mcp.server.session.duration
    }
  }

  /**
   * Builds the SDK's stateless server: the same tools, each on the same pipeline, called without a
   * session ({@link ToolCallHandler#stateless()}). {@link #checkStateless()} has refused what needs one.
   */
  McpStatelessSyncServer stateless(McpStatelessServerTransport transport) {
    checkStateless();
    List<McpStatelessServerFeatures.SyncToolSpecification> stateless = new ArrayList<>();
    for (McpServerFeatures.SyncToolSpecification spec : specs) {
      stateless.add(new McpStatelessServerFeatures.SyncToolSpecification(spec.tool(),
          handlers.get(spec.tool().name()).stateless()));
    }
    // no logging capability: a stateless answer carries no notification
    McpServer.StatelessSyncSpecification spec = McpServer.sync(transport)
        .immediateExecution(true) // on the request thread the servlet blocks anyway (see the streamable build)
        .serverInfo(settings.name, settings.version)
        .jsonMapper(json)
        .validateToolInputs(settings.keepSdkValidation)
        .tools(stateless);
    if (features.hasResources()) {
      spec.uriTemplateManagerFactory(features.uriTemplates())
          .resources(features.statelessResources())
          .resourceTemplates(features.statelessTemplates());
    }
    if (!features.prompts().isEmpty()) {
      spec.prompts(features.statelessPrompts());
    }
    if (!features.completions().isEmpty()) {
      spec.completions(features.statelessCompletions());
    }
    spec.capabilities(statelessCapabilities());
    if (filterTools) {
      spec.addToolFilter(OAuthCallers.toolFilter(toolScopes));
    }
    if (settings.instructions != null) {
      spec.instructions(settings.instructions);
    }
    try {
      return spec.build();
    } catch (IllegalArgumentException e) {
      throw rejected(e);
    }
  }

  /**
   * Refuses, before anything listens, what cannot work without sessions: a {@code SESSION}-keyed
   * {@code @RateLimit} (there is no session to key it by) and the SDK passthrough features
   * (resources, prompts, completions are served with sessions only).
   *
   * @throws ToolwardenStartupException naming the tool or feature, and the fix
   */
  void checkStateless() {
    for (ToolCallHandler h : handlers.values()) {
      RateLimitPolicy limit = h.definition().policy().rateLimit();
      if (limit != null && "SESSION".equals(limit.key())) {
        throw sessionKeyed("tool '" + h.definition().name() + "'");
      }
    }
    for (String what : features.sessionKeyed()) {
      throw sessionKeyed(what);
    }
    ServerSettings s = settings;
    if (!s.resources.isEmpty() || !s.resourceTemplates.isEmpty() || !s.prompts.isEmpty() || !s.completions.isEmpty()
        || s.resourceSubscriptions) {
      // the annotated features are served statelessly; the SDK passthrough specifications take a session exchange
      throw new ToolwardenStartupException("the SDK passthrough resources, resource templates, prompts and"
          + " completions (.resources(..) etc.) and resource subscriptions are served with sessions only, and the"
          + " HTTP transport is stateless: declare them with @McpResource/@McpResourceTemplate/@McpPrompt/"
          + "@McpComplete instead, remove them from the builder, or drop HttpOptions.stateless() /"
          + " toolwarden.http.stateless");
    }
  }

  private static ToolwardenStartupException sessionKeyed(String what) {
    return new ToolwardenStartupException(what + " has @RateLimit(key = SESSION), but the HTTP transport is stateless"
        + " (no sessions): use key = PRINCIPAL (per caller) or GLOBAL on it, or drop HttpOptions.stateless() /"
        + " toolwarden.http.stateless");
  }

  /** A stateless server's capabilities: tools, and what the annotated features add (no subscriptions, no logging). */
  private McpSchema.ServerCapabilities statelessCapabilities() {
    var capabilities = McpSchema.ServerCapabilities.builder().tools(true);
    if (features.hasResources()) {
      capabilities.resources(false, false);
    }
    if (!features.prompts().isEmpty()) {
      capabilities.prompts(false);
    }
    if (!features.completions().isEmpty()) {
      capabilities.completions();
    }
    return capabilities.build();
  }

  // logging(): SDK 2.2.0 deprecates the capability because MCP 2026-07-28 does (SEP-2577, advisory); clients of
  // 2025-11-25 still use it for ToolContext.log, so it stays announced
  @SuppressWarnings("deprecation")
  private McpSyncServer configure(McpServer.SyncSpecification<?> spec) {
    ServerSettings s = settings;
    var capabilities = McpSchema.ServerCapabilities.builder().tools(true).logging();
    if (!s.resources.isEmpty() || !s.resourceTemplates.isEmpty() || features.hasResources()) {
      capabilities.resources(s.resourceSubscriptions, false); // (subscribe, listChanged)
    }
    if (!s.prompts.isEmpty() || !features.prompts().isEmpty()) {
      capabilities.prompts(false);
    }
    if (!s.completions.isEmpty() || !features.completions().isEmpty()) {
      capabilities.completions();
    }
    spec.serverInfo(s.name, s.version)
        .jsonMapper(json)
        .capabilities(capabilities.build())
        .validateToolInputs(s.keepSdkValidation)
        .jsonSchemaValidator(schemas) // no run-time meta-schema check of what the processor generated
        .tools(specs);
    if (filterTools) {
      spec.addToolFilter(OAuthCallers.toolFilter(toolScopes));
    }
    if (s.instructions != null) {
      spec.instructions(s.instructions);
    }
    // the annotated features run Toolwarden's pipeline (their telemetry is its TelemetryStep); the SDK passthrough is
    // served as it is, only traced. Our template matching decides which resource a URI names (UriTemplateManagers).
    spec.uriTemplateManagerFactory(features.uriTemplates());
    List<McpServerFeatures.SyncResourceSpecification> resources = new ArrayList<>(features.resources());
    resources.addAll(TracedFeatures.resources(s.resources, telemetry));
    List<McpServerFeatures.SyncResourceTemplateSpecification> templates = new ArrayList<>(features.templates());
    templates.addAll(TracedFeatures.resourceTemplates(s.resourceTemplates, telemetry));
    List<McpServerFeatures.SyncPromptSpecification> prompts = new ArrayList<>(features.prompts());
    prompts.addAll(TracedFeatures.prompts(s.prompts, telemetry));
    List<McpServerFeatures.SyncCompletionSpecification> completions = new ArrayList<>(features.completions());
    completions.addAll(TracedFeatures.completions(s.completions, telemetry));
    if (!resources.isEmpty()) {
      spec.resources(resources);
    }
    if (!templates.isEmpty()) {
      spec.resourceTemplates(templates);
    }
    if (!prompts.isEmpty()) {
      spec.prompts(prompts);
    }
    if (!completions.isEmpty()) {
      spec.completions(completions);
    }
    try {
      McpSyncServer server = spec.build();
      settings.notifier.attach(server, s.resourceSubscriptions);
      return server;
    } catch (IllegalArgumentException e) {
      throw rejected(e);
    }
  }

  /** The SDK checks the schemas of hand-written bundles against the 2020-12 meta-schema at {@code build()}. */
  private static ToolwardenStartupException rejected(IllegalArgumentException e) {
    return new ToolwardenStartupException("the MCP SDK rejected the server definition: " + e.getMessage());
  }
}
