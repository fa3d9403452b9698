package dev.toolwarden.runtime.internal.server;

import dev.toolwarden.runtime.RunningServer;
import dev.toolwarden.runtime.ToolwardenStartupException;
import dev.toolwarden.runtime.audit.AuditSink;
import dev.toolwarden.runtime.auth.ResourceServer;
import dev.toolwarden.runtime.internal.audit.AsyncAuditSink;
import dev.toolwarden.runtime.internal.auth.OAuthCallers;
import dev.toolwarden.runtime.internal.config.Rate;
import dev.toolwarden.runtime.internal.feature.FeatureLists;
import dev.toolwarden.runtime.internal.feature.FeatureScopes;
import dev.toolwarden.runtime.internal.feature.Features;
import dev.toolwarden.runtime.internal.feature.SubscriptionGate;
import dev.toolwarden.runtime.internal.jsonrpc.RequestGate;
import dev.toolwarden.runtime.internal.config.Setting;
import dev.toolwarden.runtime.internal.http.ClientRateLimitFilter;
import dev.toolwarden.runtime.internal.http.SdkServers;
import dev.toolwarden.runtime.internal.path.PathGuard;
import dev.toolwarden.runtime.internal.pipeline.CallChain;
import dev.toolwarden.runtime.internal.pipeline.Caller;
import dev.toolwarden.runtime.internal.pipeline.CallerResolver;
import dev.toolwarden.runtime.internal.pipeline.Cancellations;
import dev.toolwarden.runtime.internal.pipeline.ElicitationForms;
import dev.toolwarden.runtime.internal.protocol2026.RequestStates;
import dev.toolwarden.runtime.spi.ElicitationForm;
import dev.toolwarden.runtime.spi.ToolBundle;
import dev.toolwarden.runtime.internal.pipeline.Pipeline;
import dev.toolwarden.runtime.internal.pipeline.ToolCallHandler;
import dev.toolwarden.runtime.internal.protocol2026.Catalogue;
import dev.toolwarden.runtime.internal.protocol2026.ModernServer;
import dev.toolwarden.runtime.internal.ratelimit.InMemoryRateLimiter;
import dev.toolwarden.runtime.internal.telemetry.SessionCount;
import dev.toolwarden.runtime.internal.telemetry.Telemetry;
import dev.toolwarden.runtime.internal.telemetry.TelemetrySource;
import dev.toolwarden.runtime.internal.telemetry.TracedFeatures;
import dev.toolwarden.runtime.internal.url.UrlGuard;
import dev.toolwarden.runtime.ratelimit.RateLimiterBackend;
import dev.toolwarden.runtime.ratelimit.RateLimiterBackendProvider;
import dev.toolwarden.runtime.spi.RateLimitPolicy;
import io.modelcontextprotocol.json.McpJsonDefaults;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.ServiceLoader;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The checked parts of a server, built from its settings before any transport starts, and how to build
 * the SDK server on a transport. Everything that could make the server unsafe or broken fails here.
 */
public final class ServerAssembly implements SdkServers, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ServerAssembly.class);

  /** Default per-client HTTP request limit. */
  public static final String DEFAULT_CLIENT_LIMIT = "1200/1m";

  private final ServerSettings settings;
  private final McpJsonMapper json;
  private final List<McpServerFeatures.SyncToolSpecification> specs;
  private final Map<String, ToolCallHandler> handlers;
  private final Map<String, List<String>> toolScopes;
  private final AuditSink audit;
  private final boolean filterTools;
  private final Telemetry telemetry;
  private final PrevalidatedSchemas schemas;
  private final Features features;
  /** The audit trail without the telemetry counters: the sink to flush when the transport ends. */
  private final AuditSink trail;
  private final CallerResolver callers;
  /** The legacy era's running calls, for notifications/cancelled. */
  private final Cancellations cancellations;
  /** The MCP 2026-07-28 adapter, made on first use. */
  private volatile ModernServer modern;
  /** The caller of every request when there is no OAuth (stdio, plain HTTP); null with OAuth. */
  private final Caller fixedCaller;

  private ServerAssembly(ServerSettings settings, McpJsonMapper json, List<McpServerFeatures.SyncToolSpecification> specs,
      Map<String, ToolCallHandler> handlers, Map<String, List<String>> toolScopes, AuditSink trail, AuditSink audit,
      boolean filterTools, Telemetry telemetry, PrevalidatedSchemas schemas, Features features, Caller fixedCaller,
      CallerResolver callers, Cancellations cancellations) {
    this.callers = callers;
    this.cancellations = cancellations;
    this.settings = settings;
    this.fixedCaller = fixedCaller;
    this.json = json;
    this.specs = specs;
    this.handlers = handlers;
    this.toolScopes = toolScopes;
    this.audit = audit;
    this.filterTools = filterTools;
    this.trail = trail;
    this.telemetry = telemetry;
    this.schemas = schemas;
    this.features = features;
  }

  /** Checks and assembles the server; {@code oauth} is null without OAuth. */
  public static ServerAssembly assemble(ServerSettings s, ResourceServer oauth) {
    return assemble(s, oauth, OptionalInt.empty());
  }

  /**
   * Checks and assembles the server; {@code oauth} is null without OAuth, {@code mcpPort} the configured HTTP port
   * (empty over stdio or for an ephemeral port: a telemetry provider's endpoint must not take it).
   */
  public static ServerAssembly assemble(ServerSettings s, ResourceServer oauth, OptionalInt mcpPort) {
    if (s.config.flag(Setting.STARTUP_JSON_WARMUP).orElse(true)) {
      JsonWarmup.startOnce(); // Jackson on the second core while the bundles and the pipeline load here
    }
    ClassLoader loader = s.classLoader != null ? s.classLoader : Thread.currentThread().getContextClassLoader();
    if (loader == null) {
      loader = ServerAssembly.class.getClassLoader();
    }
    List<ToolBundle> bundles = Bootstrap.loadBundles(loader);
    BoundFeatures bound = Bootstrap.bindAll(bundles, s.instances, s.factory);
    List<ElicitationForm<?>> forms = new ArrayList<>();
    bundles.forEach(b -> forms.addAll(b.elicitationForms()));
    List<BoundTool> tools = bound.tools();
    if (s.resourceSubscriptions && s.resources.isEmpty() && s.resourceTemplates.isEmpty() && !bound.hasResources()) {
      throw new ToolwardenStartupException("resourceSubscriptions(true) without any resource to subscribe to:"
          + " add an @McpResource or @McpResourceTemplate method, or .resources(..) or .resourceTemplates(..),"
          + " or drop resourceSubscriptions");
    }
    DeclaredPolicies policies = DeclaredPolicies.of(bound);
    PathGuard paths = PathGuard.of(policies.roots(s));
    UrlGuard urls = new UrlGuard(s.egress);
    Caller caller = new Caller(Caller.ANONYMOUS, policies.grants(s));
    McpJsonMapper json = McpJsonDefaults.getMapper();
    // the builder's OpenTelemetry, else a provider's (e.g. toolwarden-prometheus), else the global one; what a
    // provider made (its endpoint listening already) is closed when the start-up fails from here on
    TelemetrySource source = TelemetrySource.resolve(s.openTelemetry, s.config::get, mcpPort, loader);
    try {
      return assemble(s, oauth, loader, bound, paths, urls, caller, json,
          Telemetry.of(source, s.config, toolNames(tools), json), new ElicitationForms(forms, json));
    } catch (RuntimeException | Error e) {
      source.close();
      throw e;
    }
  }

  private static ServerAssembly assemble(ServerSettings s, ResourceServer oauth, ClassLoader loader,
      BoundFeatures bound, PathGuard paths, UrlGuard urls, Caller caller, McpJsonMapper json, Telemetry telemetry,
      ElicitationForms forms) {
    AuditSink trail = s.auditSink != null ? s.auditSink : defaultAudit(s);
    // every decision the audit trail records is counted too (refusals, auth failures, the backend's state)
    AuditSink audit = trail.and(telemetry.auditMetrics());
    RateLimiterBackend limiter = s.rateLimiter != null ? s.rateLimiter : configuredRateLimiter(s, loader);
    limiter.attach(s.name, audit);
    CallChain chain = Pipeline.standard(json, limiter, audit, telemetry);
    CallerResolver callers = oauth != null ? OAuthCallers.resolver() : CallerResolver.fixed(caller);
    if (s.callers != null) {
      callers = s.callers.apply(callers);
    }
    List<McpServerFeatures.SyncToolSpecification> specs = new ArrayList<>();
    Map<String, ToolCallHandler> handlers = new LinkedHashMap<>();
    Map<String, List<String>> toolScopes = new LinkedHashMap<>();
    PrevalidatedSchemas schemas = new PrevalidatedSchemas();
    Cancellations cancellations = new Cancellations();
    for (BoundTool t : bound.tools()) {
      ToolCallHandler handler = new ToolCallHandler(t.definition(), t.target(), chain, callers, paths, urls, forms,
          cancellations);
      handlers.put(t.definition().name(), handler);
      McpSchema.Tool tool = SdkTools.toSdkTool(t.definition(), json);
      if (t.generated()) {
        schemas.trust(tool.inputSchema());
        schemas.trust(tool.outputSchema());
      }
      specs.add(new McpServerFeatures.SyncToolSpecification(tool, handler));
      toolScopes.put(t.definition().name(), t.definition().policy().scopes());
    }
    Features features = Features.assemble(bound, passthrough(s), chain, callers, paths, urls, json, forms);
    return new ServerAssembly(s, json, specs, Map.copyOf(handlers), Map.copyOf(toolScopes), trail, audit,
        oauth != null && oauth.filterToolsList(), telemetry, schemas, features, oauth != null ? null : caller, callers,
        cancellations);
  }

  /**
   * Writes the audit events still queued (the default sink writes asynchronously); a user's sink is left
   * as it is. Called when the transport ends.
   */
  @Override
  public void close() {
    try {
      if (trail instanceof AsyncAuditSink async) {
        async.close();
      }
    } finally {
      telemetry.close(); // a provider's exporter or endpoint (toolwarden-prometheus) stops with the server
    }
  }

  /** {@code server}, whose {@code close()} also closes this assembly (flushing the audit trail). */
  public RunningServer closingWith(RunningServer server) {
    return new AuditClosingServer(server, this);
  }

  /**
   * The default audit trail: JSON lines on the {@code toolwarden.audit} logger, written off the request
   * thread (the line's formatting and write were the HTTP layer's main sequential cost).
   */
  private static AuditSink defaultAudit(ServerSettings s) {
    int capacity = s.config.integer(Setting.AUDIT_QUEUE).map(Long::intValue).orElse(AsyncAuditSink.DEFAULT_CAPACITY);
    Duration maxBlock = s.config.duration(Setting.AUDIT_MAX_BLOCK).orElse(AsyncAuditSink.DEFAULT_MAX_BLOCK);
    return new AsyncAuditSink(AuditSink.slf4j(), capacity, maxBlock);
  }

  /** The JSON mapper every part of this server shares. */
  public McpJsonMapper json() {
    return json;
  }

  /** The audit sink every decision of this server goes to. */
  public AuditSink audit() {
    return audit;
  }

  /** The scopes each tool needs, by tool name. */
  public Map<String, List<String>> toolScopes() {
    return toolScopes;
  }

  /** The scopes the annotated resources, templates, prompts and completions need. */
  public FeatureScopes featureScopes() {
    return features.scopes();
  }

  /** What {@code resources/list}, {@code resources/templates/list} and {@code prompts/list} show, with scopes. */
  public FeatureLists featureLists() {
    return new FeatureLists(features, settings.resources, settings.resourceTemplates, settings.prompts);
  }

  /**
   * The MCP 2026-07-28 adapter: the same tool handlers and annotated features, answered without the SDK
   * ({@code internal/protocol2026}).
   */
  @Override
  public ModernServer modern() {
    ModernServer m = modern;
    if (m == null) {
      synchronized (this) {
        if (modern == null) {
          modern = new ModernServer(new Catalogue(settings.name, settings.version, settings.instructions,
              specs.stream().map(McpServerFeatures.SyncToolSpecification::tool).toList(), handlers, toolScopes,
              filterTools, features, json, callers, RequestStates.configured(json), settings.resourceSubscriptions));
          settings.notifier.attachModern(modern.subscriptions());
        }
        m = modern;
      }
    }
    return m;
  }

  /**
   * The scope check of {@code resources/subscribe} and {@code unsubscribe} for the fixed caller (stdio, HTTP without
   * OAuth), which the SDK would otherwise accept for any URI; open with OAuth (the HTTP layer judges the token) or
   * without annotated resources.
   */
  @Override
  public RequestGate requestGate() {
    if (fixedCaller == null || !features.hasResources()) {
      return RequestGate.OPEN;
    }
    return new SubscriptionGate(features.scopes(), fixedCaller, audit);
  }

  /** The legacy era's running calls: what {@code notifications/cancelled} of 2025-11-25 cancels. */
  @Override
  public Cancellations cancellations() {
    return cancellations;
  }

  /** Each tool's full call pipeline, by tool name. */
  public Map<String, ToolCallHandler> handlers() {
    return handlers;
  }

  /** Builds the SDK server on a session-per-connection transport (stdio). */
  public McpSyncServer build(McpServerTransportProvider transport) {
    if (transport instanceof SessionCount sessions) {
      telemetry.observeSessions(sessions); // toolwarden.sessions.active, mcp.server.session.duration
    }
    return configure(McpServer.sync(transport));
  }

  /**
   * Builds the SDK server on the Streamable HTTP transport. Its servlet blocks the request thread until the answer
   * is written, so each call runs on that thread ({@code immediateExecution}) instead of being handed to Reactor's
   * bounded-elastic pool and waited for: one thread and two context switches fewer per call. (Not over stdio, where
   * the SDK reads every message on one thread: a running call would hold up the next request and its cancellation.)
   */
  public McpSyncServer build(McpStreamableServerTransportProvider transport) {
    if (transport instanceof SessionCount sessions) {
      telemetry.observeSessions(sessions); // toolwarden.sessions.active, mcp.server.session.duration
    }
    return configure(McpServer.sync(transport).immediateExecution(true));
  }

  @Override
  public McpSyncServer streamable(McpStreamableServerTransportProvider transport) {
    return build(transport);
  }

  /**
   * Builds the SDK's stateless server: the same tools, each on the same pipeline, called without a
   * session ({@link ToolCallHandler#stateless()}). {@link #checkStateless()} has refused what needs one.
   */
  @Override
  public McpStatelessSyncServer stateless(McpStatelessServerTransport transport) {
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
      throw new ToolwardenStartupException("the MCP SDK rejected the server definition: " + e.getMessage());
    }
  }

  /**
   * Refuses, before anything listens, what cannot work without sessions: a {@code SESSION}-keyed
   * {@code @RateLimit} (there is no session to key it by) and the SDK passthrough features
   * (resources, prompts, completions are served with sessions only).
   *
   * @throws ToolwardenStartupException naming the tool or feature, and the fix
   */
  public void checkStateless() {
    for (ToolCallHandler h : handlers.values()) {
      RateLimitPolicy limit = h.definition().policy().rateLimit();
      if (limit != null && "SESSION".equals(limit.key())) {
        throw new ToolwardenStartupException("tool '" + h.definition().name() + "' has @RateLimit(key = SESSION), but"
            + " the HTTP transport is stateless (no sessions): use key = PRINCIPAL (per caller) or GLOBAL on it, or"
            + " drop HttpOptions.stateless() / toolwarden.http.stateless");
      }
    }
    for (String what : features.sessionKeyed()) {
      throw new ToolwardenStartupException(what + " has @RateLimit(key = SESSION), but the HTTP transport is"
          + " stateless (no sessions): use key = PRINCIPAL (per caller) or GLOBAL on it, or drop"
          + " HttpOptions.stateless() / toolwarden.http.stateless");
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

  /** The per-client HTTP request limit, or null when it is off. */
  public ClientRateLimitFilter clientLimitFilter() {
    int requests;
    long window;
    if (settings.clientLimitRequests != null) {
      requests = settings.clientLimitRequests;
      window = settings.clientLimitWindowMillis;
    } else {
      Rate rate = settings.config.rate(Setting.HTTP_CLIENT_LIMIT).orElse(Rate.parse(DEFAULT_CLIENT_LIMIT));
      requests = rate.permits();
      window = rate.windowMillis();
    }
    return requests == 0 ? null : new ClientRateLimitFilter(requests, window, audit);
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
      // the SDK checks the schemas of hand-written bundles against the 2020-12 meta-schema here
      throw new ToolwardenStartupException("the MCP SDK rejected the server definition: " + e.getMessage());
    }
  }

  /** The tool names this server serves: the only tool names telemetry puts into a metric label. */
  private static Set<String> toolNames(List<BoundTool> tools) {
    Set<String> names = new LinkedHashSet<>();
    tools.forEach(t -> names.add(t.definition().name()));
    return names;
  }

  /**
   * The backend found by {@code ServiceLoader} when one is configured (e.g. {@code toolwarden-redis} on the class
   * path and {@code TOOLWARDEN_REDIS_URL} set), else this process's own buckets: shared limits need no code.
   */
  private static RateLimiterBackend configuredRateLimiter(ServerSettings s, ClassLoader loader) {
    for (RateLimiterBackendProvider provider : ServiceLoader.load(RateLimiterBackendProvider.class, loader)) {
      Optional<RateLimiterBackend> backend = provider.create(s.config::get);
      if (backend.isPresent()) {
        LOG.info("@RateLimit budgets live in {} (found by {})", backend.get(), provider.getClass().getName());
        return backend.get();
      }
    }
    return new InMemoryRateLimiter();
  }

  private static Features.Passthrough passthrough(ServerSettings s) {
    Set<String> uris = new LinkedHashSet<>();
    s.resources.forEach(r -> uris.add(r.resource().uri()));
    Set<String> templates = new LinkedHashSet<>();
    s.resourceTemplates.forEach(t -> templates.add(t.resourceTemplate().uriTemplate()));
    Set<String> prompts = new LinkedHashSet<>();
    s.prompts.forEach(p -> prompts.add(p.prompt().name()));
    return new Features.Passthrough(uris, templates, prompts);
  }
}
