package dev.toolwarden.runtime;

import dev.toolwarden.runtime.audit.AuditSink;
import dev.toolwarden.runtime.auth.AuthEvents;
import dev.toolwarden.runtime.auth.OAuthCallers;
import dev.toolwarden.runtime.auth.ResourceServer;
import dev.toolwarden.runtime.http.ClientRateLimitFilter;
import dev.toolwarden.runtime.http.HttpOptions;
import dev.toolwarden.runtime.http.HttpTransport;
import dev.toolwarden.runtime.internal.url.UrlGuard;
import dev.toolwarden.runtime.path.PathGuard;
import dev.toolwarden.runtime.pipeline.CallChain;
import dev.toolwarden.runtime.pipeline.Caller;
import dev.toolwarden.runtime.pipeline.CallerResolver;
import dev.toolwarden.runtime.pipeline.Pipeline;
import dev.toolwarden.runtime.pipeline.ToolCallHandler;
import dev.toolwarden.runtime.ratelimit.InMemoryRateLimiter;
import dev.toolwarden.runtime.ratelimit.RateLimitKeys;
import dev.toolwarden.runtime.ratelimit.RateLimiterBackend;
import dev.toolwarden.runtime.spi.PathRule;
import dev.toolwarden.runtime.stdio.StdioServer;
import dev.toolwarden.runtime.url.Egress;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpSyncServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Describes a server, then runs it with a terminal operation: {@link #stdio()},
 * {@link #http(HttpOptions)} or {@link #start()}. Everything that could make the server unsafe
 * or broken is checked before anything is served, and reported as one
 * {@link ToolwardenStartupException}.
 */
public final class ServerBuilder {

  private static final Logger LOG = LoggerFactory.getLogger(ServerBuilder.class);

  private final String name;
  private final String version;
  private final List<Object> instances = new ArrayList<>();
  private final Map<String, Path> roots = new LinkedHashMap<>();
  private final Config config = new Config();
  private ToolFactory factory;
  private Set<String> grantedScopes;
  private String instructions;
  private boolean keepSdkValidation;
  private ClassLoader classLoader;
  private RateLimiterBackend rateLimiter;
  private AuditSink auditSink;
  private Egress egress = Egress.system();
  private Integer clientLimitRequests;
  private long clientLimitWindowMillis;
  private final List<McpServerFeatures.SyncResourceSpecification> resources = new ArrayList<>();
  private final List<McpServerFeatures.SyncResourceTemplateSpecification> resourceTemplates = new ArrayList<>();
  private final List<McpServerFeatures.SyncPromptSpecification> prompts = new ArrayList<>();
  private final List<McpServerFeatures.SyncCompletionSpecification> completions = new ArrayList<>();
  private boolean resourceSubscriptions;

  ServerBuilder(String name, String version) {
    this.name = Objects.requireNonNull(name, "name");
    this.version = Objects.requireNonNull(version, "version");
  }

  /** Instances of {@code @McpTool} classes to serve; each needs a generated bundle. */
  public ServerBuilder tools(Object... tools) {
    for (Object t : tools) {
      instances.add(Objects.requireNonNull(t, "tool instance"));
    }
    return this;
  }

  /** Supplies instances for generated bundles that were not bound with {@link #tools}. */
  public ServerBuilder toolFactory(ToolFactory factory) {
    this.factory = Objects.requireNonNull(factory, "factory");
    return this;
  }

  /**
   * Binds a {@code @SafePath} root. Unbound roots are read from {@code toolwarden.root.<name>}
   * or {@code TOOLWARDEN_ROOT_<NAME>}.
   */
  public ServerBuilder root(String rootName, Path dir) {
    roots.put(Objects.requireNonNull(rootName, "root name"), Objects.requireNonNull(dir, "dir"));
    return this;
  }

  /**
   * The scopes granted to stdio (and, until OAuth, loopback HTTP) callers. Without this or
   * {@code toolwarden.grant.scopes}, every scope the served tools declare is granted: a local
   * stdio server is a process the user started for themselves, so the user is the only caller.
   */
  public ServerBuilder grantScopes(String... scopes) {
    this.grantedScopes = new LinkedHashSet<>(Arrays.asList(scopes));
    return this;
  }

  /** Instructions the server sends to clients at initialisation. */
  public ServerBuilder instructions(String text) {
    this.instructions = text;
    return this;
  }

  /**
   * Whether the SDK validates tool inputs against the schema as well (default {@code false}:
   * the generated validator already checked them, more strictly).
   */
  public ServerBuilder keepSdkValidation(boolean keep) {
    this.keepSdkValidation = keep;
    return this;
  }

  /** Where generated bundles are looked up (default: the thread's context class loader). */
  public ServerBuilder classLoader(ClassLoader loader) {
    this.classLoader = Objects.requireNonNull(loader, "loader");
    return this;
  }

  /** Sets a configuration value ({@code key} as in {@code toolwarden.<key>}), overriding properties and environment. */
  public ServerBuilder config(String key, String value) {
    config.set(key, value);
    return this;
  }

  /**
   * Where {@code @RateLimit} budgets live (default: an {@link InMemoryRateLimiter} of this
   * process; several replicas share budgets through the Redis backend of {@code toolwarden-redis}).
   */
  public ServerBuilder rateLimiter(RateLimiterBackend backend) {
    this.rateLimiter = Objects.requireNonNull(backend, "backend");
    return this;
  }

  /**
   * Where audit events go (default: JSON lines on the {@code toolwarden.audit} logger). Combine
   * with {@code AuditSink.slf4j().and(mySink)} to keep the log as well.
   */
  public ServerBuilder auditSink(AuditSink sink) {
    this.auditSink = Objects.requireNonNull(sink, "sink");
    return this;
  }

  /**
   * How {@code @SafeUrl} arguments are resolved and which private networks the operator trusts
   * (default: the system resolver, none). Give the same {@link Egress} to the tools'
   * {@code SafeHttpClient}s so both judge a URL alike.
   */
  public ServerBuilder egress(Egress egress) {
    this.egress = Objects.requireNonNull(egress, "egress");
    return this;
  }

  /**
   * The per-client HTTP request limit: at most {@code requests} HTTP requests per {@code window}
   * from one remote address (token bucket); beyond, {@code 429} with {@code Retry-After}, before
   * any other work. {@code requests = 0} turns it off. Default {@value #DEFAULT_CLIENT_LIMIT}, or
   * {@code toolwarden.http.client-limit} / {@code TOOLWARDEN_HTTP_CLIENT_LIMIT} ({@code "600/1m"}, {@code "off"}).
   */
  public ServerBuilder httpClientLimit(int requests, java.time.Duration window) {
    if (requests < 0 || window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("requests must be >= 0 and the window positive");
    }
    this.clientLimitRequests = requests;
    this.clientLimitWindowMillis = window.toMillis();
    return this;
  }

  /** Default per-client HTTP request limit. */
  public static final String DEFAULT_CLIENT_LIMIT = "1200/1m";

  /** Escape hatch: SDK resource specifications served as they are (no Toolwarden policy applies). */
  public ServerBuilder resources(McpServerFeatures.SyncResourceSpecification... specs) {
    resources.addAll(Arrays.asList(specs));
    return this;
  }

  /** Escape hatch: SDK resource template specifications served as they are. */
  public ServerBuilder resourceTemplates(McpServerFeatures.SyncResourceTemplateSpecification... specs) {
    resourceTemplates.addAll(Arrays.asList(specs));
    return this;
  }

  /**
   * Lets clients subscribe to the resources ({@code resources/subscribe}, {@code resources/unsubscribe}; the
   * {@code resources.subscribe} capability). The SDK keeps each session's subscriptions; tell the subscribers
   * of a changed resource with {@link RunningServer#notifyResourceUpdated}. Off by default: without it those
   * requests get "method not found". Needs at least one resource or resource template.
   */
  public ServerBuilder resourceSubscriptions(boolean enabled) {
    this.resourceSubscriptions = enabled;
    return this;
  }

  /** Escape hatch: SDK prompt specifications served as they are. */
  public ServerBuilder prompts(McpServerFeatures.SyncPromptSpecification... specs) {
    prompts.addAll(Arrays.asList(specs));
    return this;
  }

  /** Escape hatch: SDK completion specifications served as they are. */
  public ServerBuilder completions(McpServerFeatures.SyncCompletionSpecification... specs) {
    completions.addAll(Arrays.asList(specs));
    return this;
  }

  // ---- terminal operations --------------------------------------------------------------------

  /**
   * Serves stdin/stdout until stdin ends, then shuts down and returns. While serving,
   * {@code System.out} points to stderr so that a stray {@code println} in tool code cannot
   * corrupt the protocol stream.
   */
  public void stdio() {
    Assembly assembly = assemble(null);
    PrintStream protocolOut = System.out;
    System.setOut(System.err);
    try {
      StdioServer.serve(System.in, protocolOut, assembly.json, assembly::build);
    } finally {
      System.setOut(protocolOut);
    }
  }

  /** Serves one stdio-style session over the given streams until {@code in} ends. */
  public void stdio(InputStream in, OutputStream out) {
    Assembly assembly = assemble(null);
    StdioServer.serve(in, out, assembly.json, assembly::build);
  }

  /**
   * Starts Streamable HTTP at {@code /mcp}; returns once the server listens. With
   * {@link HttpOptions#oauth OAuth}, each call's principal and scopes come from the verified
   * token, and {@code tools/list} shows only the tools the token may call (unless the resource
   * server turns that off).
   */
  public RunningServer http(HttpOptions options) {
    HttpTransport.check(options);
    Assembly assembly = assemble(options.oauth());
    HttpOptions effective = options;
    if (options.oauth() != null && !options.oauth().hasEvents()) {
      // auth failures join every other decision in the audit trail
      effective = options.oauth(options.oauth().events(AuthEvents.audit(assembly.audit)));
    }
    return HttpTransport.start(effective, assembly.json, assembly::build, assembly.toolScopes,
        clientLimitFilter(assembly.audit));
  }

  /**
   * Runs the transport named by {@code toolwarden.transport} ({@code stdio}, the default, or
   * {@code http} with {@code toolwarden.http.host} / {@code toolwarden.http.port}, OAuth from
   * {@code toolwarden.oauth.*} (see {@link ResourceServer#fromConfig}), TLS from
   * {@code toolwarden.tls.keystore}, {@code toolwarden.http.behind.tls.proxy} and
   * {@code toolwarden.http.allowed.origins}) and blocks until it ends.
   */
  public void start() {
    String transport = config.get("transport").orElse("stdio").toLowerCase(Locale.ROOT);
    switch (transport) {
      case "stdio" -> stdio();
      case "http" -> {
        int port = config.getInt("http.port", 8080);
        Optional<String> host = config.get("http.host");
        HttpOptions options = host.isPresent() ? HttpOptions.bind(host.get(), port) : HttpOptions.loopback(port);
        Optional<ResourceServer> oauth = ResourceServer.fromConfig(config);
        if (oauth.isPresent()) {
          options = options.oauth(oauth.get());
        }
        Optional<String> keystore = config.get("tls.keystore"); // password: the secret TOOLWARDEN_TLS_KEYSTORE_PASSWORD
        if (keystore.isPresent()) {
          options = options.tls(Path.of(keystore.get()));
        }
        if (Boolean.parseBoolean(config.get("http.behind.tls.proxy").orElse("false"))) {
          options = options.behindTlsProxy();
        }
        Optional<String> origins = config.get("http.allowed.origins");
        if (origins.isPresent()) {
          options = options.allowedOrigins(origins.get().split("[,\\s]+"));
        }
        try (RunningServer server = http(options)) {
          server.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      default -> throw new ToolwardenStartupException("unknown transport '" + transport + "' in "
          + Config.propertyName("transport") + " / " + Config.environmentName("transport") + ": use stdio or http");
    }
  }

  // ---- assembly -------------------------------------------------------------------------------

  /** Everything checked and built before a transport starts; {@code oauth} is null without OAuth. */
  private Assembly assemble(ResourceServer oauth) {
    ClassLoader loader = classLoader != null ? classLoader : Thread.currentThread().getContextClassLoader();
    if (loader == null) {
      loader = ServerBuilder.class.getClassLoader();
    }
    if (resourceSubscriptions && resources.isEmpty() && resourceTemplates.isEmpty()) {
      throw new ToolwardenStartupException("resourceSubscriptions(true) without any resource to subscribe to:"
          + " add .resources(..) or .resourceTemplates(..), or drop resourceSubscriptions");
    }
    List<BoundTool> tools = Bootstrap.bind(Bootstrap.loadBundles(loader), instances, factory);
    PathGuard paths = PathGuard.of(resolveRoots(tools));
    UrlGuard urls = new UrlGuard(egress);
    Caller caller = new Caller(Caller.ANONYMOUS, grants(tools));
    McpJsonMapper json = McpJsonDefaults.getMapper();
    AuditSink audit = auditSink != null ? auditSink : AuditSink.slf4j();
    RateLimiterBackend limiter = rateLimiter != null ? rateLimiter : new InMemoryRateLimiter();
    limiter.attach(name, audit);
    CallChain chain = Pipeline.standard(json, limiter, audit);
    CallerResolver callers = oauth != null ? OAuthCallers.resolver() : CallerResolver.fixed(caller);
    List<McpServerFeatures.SyncToolSpecification> specs = new ArrayList<>();
    Map<String, ToolCallHandler> handlers = new LinkedHashMap<>();
    Map<String, List<String>> toolScopes = new LinkedHashMap<>();
    for (BoundTool t : tools) {
      ToolCallHandler handler = new ToolCallHandler(t.definition(), t.target(), chain, callers, paths, urls);
      handlers.put(t.definition().name(), handler);
      specs.add(new McpServerFeatures.SyncToolSpecification(SdkTools.toSdkTool(t.definition(), json), handler));
      toolScopes.put(t.definition().name(), t.definition().policy().scopes());
    }
    Assembly assembly = new Assembly(json, specs, handlers, audit);
    assembly.toolScopes = Map.copyOf(toolScopes);
    assembly.filterTools = oauth != null && oauth.filterToolsList();
    return assembly;
  }

  /**
   * Assembles the server without a transport and returns each tool's call handler, by tool name:
   * exactly the pipeline the transports run (audit, error mapping, scopes, rate limit, bind and
   * validate, path confinement, the method, output redaction). Call {@code handler.apply(null,
   * request)} to run a call in-process, e.g. from a benchmark; a {@code null} exchange means no
   * session and no client info.
   */
  public Map<String, ToolCallHandler> callHandlers() {
    return Map.copyOf(assemble(null).handlers);
  }

  private ClientRateLimitFilter clientLimitFilter(AuditSink audit) {
    int requests;
    long window;
    if (clientLimitRequests != null) {
      requests = clientLimitRequests;
      window = clientLimitWindowMillis;
    } else {
      String spec = config.get("http.client-limit").orElse(DEFAULT_CLIENT_LIMIT).trim();
      if (spec.equalsIgnoreCase("off") || spec.equals("0")) {
        return null;
      }
      int slash = spec.indexOf('/');
      long parsedWindow = slash < 0 ? -1 : RateLimitKeys.parseWindowMillis(spec.substring(slash + 1));
      int parsed = -1;
      try {
        parsed = slash < 0 ? -1 : Integer.parseInt(spec.substring(0, slash).trim());
      } catch (NumberFormatException e) {
        // reported below
      }
      if (parsed <= 0 || parsedWindow <= 0) {
        throw new ToolwardenStartupException("invalid " + Config.propertyName("http.client-limit") + " / "
            + Config.environmentName("http.client-limit") + " '" + spec + "': use e.g. 600/1m, or off");
      }
      requests = parsed;
      window = parsedWindow;
    }
    return requests == 0 ? null : new ClientRateLimitFilter(requests, window, audit);
  }

  private Map<String, Path> resolveRoots(List<BoundTool> tools) {
    Map<String, Path> resolved = new LinkedHashMap<>(roots);
    for (BoundTool t : tools) {
      for (PathRule rule : t.definition().policy().safePaths()) {
        if (resolved.containsKey(rule.root())) {
          continue;
        }
        Optional<String> configured = config.get("root." + rule.root());
        if (configured.isEmpty()) {
          throw new ToolwardenStartupException("tool '" + t.definition().name() + "' needs the root '" + rule.root()
              + "' (@SafePath) but it is not bound: call .root(\"" + rule.root() + "\", dir) or set "
              + Config.propertyName("root." + rule.root()) + " / " + Config.environmentName("root." + rule.root()));
        }
        resolved.put(rule.root(), Path.of(configured.get()));
      }
    }
    return resolved;
  }

  private Set<String> grants(List<BoundTool> tools) {
    if (grantedScopes != null) {
      return grantedScopes;
    }
    Optional<String> configured = config.get("grant.scopes");
    if (configured.isPresent()) {
      Set<String> s = new LinkedHashSet<>();
      for (String part : configured.get().split("[,\\s]+")) {
        if (!part.isEmpty()) {
          s.add(part);
        }
      }
      return s;
    }
    Set<String> all = new LinkedHashSet<>();
    for (BoundTool t : tools) {
      all.addAll(t.definition().policy().scopes());
    }
    if (!all.isEmpty()) {
      LOG.info("no scopes configured: granting every declared scope {} to the local caller", all);
    }
    return all;
  }

  /** The checked parts, and how to build the SDK server on a transport. */
  private final class Assembly {
    final McpJsonMapper json;
    final List<McpServerFeatures.SyncToolSpecification> specs;
    final Map<String, ToolCallHandler> handlers;
    final AuditSink audit;
    Map<String, List<String>> toolScopes = Map.of();
    boolean filterTools;

    Assembly(McpJsonMapper json, List<McpServerFeatures.SyncToolSpecification> specs,
        Map<String, ToolCallHandler> handlers, AuditSink audit) {
      this.json = json;
      this.specs = specs;
      this.handlers = handlers;
      this.audit = audit;
    }

    McpSyncServer build(io.modelcontextprotocol.spec.McpServerTransportProvider transport) {
      return configure(McpServer.sync(transport));
    }

    McpSyncServer build(io.modelcontextprotocol.spec.McpStreamableServerTransportProvider transport) {
      return configure(McpServer.sync(transport));
    }

    private McpSyncServer configure(McpServer.SyncSpecification<?> spec) {
      var capabilities = io.modelcontextprotocol.spec.McpSchema.ServerCapabilities.builder().tools(true).logging();
      if (!resources.isEmpty() || !resourceTemplates.isEmpty()) {
        capabilities.resources(resourceSubscriptions, false); // (subscribe, listChanged)
      }
      if (!prompts.isEmpty()) {
        capabilities.prompts(false);
      }
      if (!completions.isEmpty()) {
        capabilities.completions();
      }
      spec.serverInfo(name, version)
          .jsonMapper(json)
          .capabilities(capabilities.build())
          .validateToolInputs(keepSdkValidation)
          .tools(specs);
      if (filterTools) {
        spec.addToolFilter(OAuthCallers.toolFilter(toolScopes));
      }
      if (instructions != null) {
        spec.instructions(instructions);
      }
      if (!resources.isEmpty()) {
        spec.resources(resources);
      }
      if (!resourceTemplates.isEmpty()) {
        spec.resourceTemplates(resourceTemplates);
      }
      if (!prompts.isEmpty()) {
        spec.prompts(prompts);
      }
      if (!completions.isEmpty()) {
        spec.completions(completions);
      }
      try {
        return spec.build();
      } catch (IllegalArgumentException e) {
        // the SDK checks every schema against the 2020-12 meta-schema here
        throw new ToolwardenStartupException("the MCP SDK rejected the server definition: " + e.getMessage());
      }
    }
  }
}
