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
import dev.toolwarden.runtime.internal.jsonrpc.RequestRecordsMapper;
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
import dev.toolwarden.runtime.internal.telemetry.Telemetry;
import dev.toolwarden.runtime.internal.telemetry.TelemetrySource;
import dev.toolwarden.runtime.internal.url.UrlGuard;
import dev.toolwarden.runtime.ratelimit.RateLimiterBackend;
import dev.toolwarden.runtime.ratelimit.RateLimiterBackendProvider;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServerFeatures;
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
  private final SdkServerFactory sdk;
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
    this.features = features;
    this.sdk = new SdkServerFactory(settings, json, specs, handlers, toolScopes, filterTools, telemetry, schemas, features);
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
      StartupWarmup.startOnce(); // Jackson and the SDK on the second core while the bundles and the pipeline load here
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
    // the SDK server converts request params with it: tools/call, resources/read, prompts/get made directly
    McpJsonMapper json = RequestRecordsMapper.wrap(McpJsonDefaults.getMapper());
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
    return sdk.sessions(transport);
  }

  /** Builds the SDK server on the Streamable HTTP transport (see {@link SdkServerFactory#streamable}). */
  public McpSyncServer build(McpStreamableServerTransportProvider transport) {
    return sdk.streamable(transport);
  }

  @Override
  public McpSyncServer streamable(McpStreamableServerTransportProvider transport) {
    return sdk.streamable(transport);
  }

  @Override
  public McpStatelessSyncServer stateless(McpStatelessServerTransport transport) {
    return sdk.stateless(transport);
  }

  /** See {@link SdkServerFactory#checkStateless()}. */
  public void checkStateless() {
    sdk.checkStateless();
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
