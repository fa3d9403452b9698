package dev.toolwarden.runtime;

import dev.toolwarden.runtime.audit.AuditSink;
import dev.toolwarden.runtime.http.HttpOptions;
import dev.toolwarden.runtime.internal.auth.AuthEvents;
import dev.toolwarden.runtime.internal.auth.ResourceServerAccess;
import dev.toolwarden.runtime.internal.config.HttpConfig;
import dev.toolwarden.runtime.internal.config.Setting;
import dev.toolwarden.runtime.internal.http.HttpTransport;
import dev.toolwarden.runtime.internal.server.BuilderAccess;
import dev.toolwarden.runtime.internal.server.ServerAssembly;
import dev.toolwarden.runtime.internal.server.ServerSettings;
import dev.toolwarden.runtime.internal.stdio.StdioServer;
import dev.toolwarden.runtime.ratelimit.RateLimiterBackend;
import dev.toolwarden.runtime.url.Egress;
import io.modelcontextprotocol.server.McpServerFeatures;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Objects;

/**
 * Describes a server, then runs it with a terminal operation: {@link #stdio()},
 * {@link #http(HttpOptions)} or {@link #start()}. Everything that could make the server unsafe
 * or broken is checked before anything is served, and reported as one
 * {@link ToolwardenStartupException}.
 */
public final class ServerBuilder {

  static {
    BuilderAccess.register(builder -> builder.settings);
  }

  private final ServerSettings settings;

  ServerBuilder(String name, String version) {
    this.settings = new ServerSettings(Objects.requireNonNull(name, "name"), Objects.requireNonNull(version, "version"));
  }

  /** Instances of {@code @McpTool} classes to serve; each needs a generated bundle. */
  public ServerBuilder tools(Object... tools) {
    for (Object t : tools) {
      settings.instances.add(Objects.requireNonNull(t, "tool instance"));
    }
    return this;
  }

  /** Supplies instances for generated bundles that were not bound with {@link #tools}. */
  public ServerBuilder toolFactory(ToolFactory factory) {
    settings.factory = Objects.requireNonNull(factory, "factory");
    return this;
  }

  /**
   * Binds a {@code @SafePath} root. Unbound roots are read from {@code toolwarden.root.<name>}
   * or {@code TOOLWARDEN_ROOT_<NAME>}.
   */
  public ServerBuilder root(String rootName, Path dir) {
    settings.roots.put(Objects.requireNonNull(rootName, "root name"), Objects.requireNonNull(dir, "dir"));
    return this;
  }

  /**
   * The scopes granted to stdio (and, until OAuth, loopback HTTP) callers. Without this or
   * {@code toolwarden.grant-scopes}, every scope the served tools declare is granted: a local
   * stdio server is a process the user started for themselves, so the user is the only caller.
   */
  public ServerBuilder grantScopes(String... scopes) {
    settings.grantedScopes = new LinkedHashSet<>(Arrays.asList(scopes));
    return this;
  }

  /** Instructions the server sends to clients at initialisation. */
  public ServerBuilder instructions(String text) {
    settings.instructions = text;
    return this;
  }

  /**
   * Whether the SDK validates tool inputs against the schema as well (default {@code false}:
   * the generated validator already checked them, more strictly).
   */
  public ServerBuilder keepSdkValidation(boolean keep) {
    settings.keepSdkValidation = keep;
    return this;
  }

  /** Where generated bundles are looked up (default: the thread's context class loader). */
  public ServerBuilder classLoader(ClassLoader loader) {
    settings.classLoader = Objects.requireNonNull(loader, "loader");
    return this;
  }

  /**
   * Sets a configuration value ({@code key} as in {@code toolwarden.<key>}, see {@code docs/settings.md}),
   * overriding properties and environment.
   *
   * @throws IllegalArgumentException when {@code key} is not a known setting
   */
  public ServerBuilder config(String key, String value) {
    settings.config.set(key, value);
    return this;
  }

  /**
   * Where {@code @RateLimit} budgets live (default: an in-memory limiter of this
   * process; several replicas share budgets through the Redis backend of {@code toolwarden-redis}).
   */
  public ServerBuilder rateLimiter(RateLimiterBackend backend) {
    settings.rateLimiter = Objects.requireNonNull(backend, "backend");
    return this;
  }

  /**
   * Where audit events go (default: JSON lines on the {@code toolwarden.audit} logger). Combine
   * with {@code AuditSink.slf4j().and(mySink)} to keep the log as well.
   */
  public ServerBuilder auditSink(AuditSink sink) {
    settings.auditSink = Objects.requireNonNull(sink, "sink");
    return this;
  }

  /**
   * How {@code @SafeUrl} arguments are resolved and which private networks the operator trusts
   * (default: the system resolver, none). Give the same {@link Egress} to the tools'
   * {@code SafeHttpClient}s so both judge a URL alike.
   */
  public ServerBuilder egress(Egress egress) {
    settings.egress = Objects.requireNonNull(egress, "egress");
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
    settings.clientLimitRequests = requests;
    settings.clientLimitWindowMillis = window.toMillis();
    return this;
  }

  /** Default per-client HTTP request limit. */
  public static final String DEFAULT_CLIENT_LIMIT = ServerAssembly.DEFAULT_CLIENT_LIMIT;

  /**
   * Escape hatch, unguarded: SDK resource specifications served as they are. No Toolwarden policy applies to them
   * (no scope check, rate limit, path confinement, redaction or audit; only a telemetry span). Prefer
   * {@code @McpResource} methods, which get every policy; an annotated resource with the same URI is a start-up error.
   */
  public ServerBuilder resources(McpServerFeatures.SyncResourceSpecification... specs) {
    settings.resources.addAll(Arrays.asList(specs));
    return this;
  }

  /**
   * Escape hatch, unguarded: SDK resource template specifications served as they are (no Toolwarden policy, see
   * {@link #resources}). Prefer {@code @McpResourceTemplate}; an annotated template with the same text is a start-up
   * error, and a URI an annotated resource or template serves never reaches a passthrough template.
   */
  public ServerBuilder resourceTemplates(McpServerFeatures.SyncResourceTemplateSpecification... specs) {
    settings.resourceTemplates.addAll(Arrays.asList(specs));
    return this;
  }

  /**
   * Lets clients subscribe to the resources ({@code resources/subscribe}, {@code resources/unsubscribe}; the
   * {@code settings.resources.subscribe} capability). The SDK keeps each session's subscriptions; tell the subscribers
   * of a changed resource with {@link #resourceUpdates()} (any transport with sessions) or
   * {@link RunningServer#notifyResourceUpdated} (HTTP). Off by default: without it those requests get "method not
   * found". Needs at least one resource or resource template (annotated or passthrough).
   */
  public ServerBuilder resourceSubscriptions(boolean enabled) {
    settings.resourceSubscriptions = enabled;
    return this;
  }

  /**
   * Escape hatch, unguarded: SDK prompt specifications served as they are (no Toolwarden policy, see
   * {@link #resources}). Prefer {@code @McpPrompt}; an annotated prompt with the same name is a start-up error.
   */
  public ServerBuilder prompts(McpServerFeatures.SyncPromptSpecification... specs) {
    settings.prompts.addAll(Arrays.asList(specs));
    return this;
  }

  /**
   * Escape hatch, unguarded: SDK completion specifications served as they are (no Toolwarden policy, see
   * {@link #resources}). Prefer {@code @McpComplete}.
   */
  public ServerBuilder completions(McpServerFeatures.SyncCompletionSpecification... specs) {
    settings.completions.addAll(Arrays.asList(specs));
    return this;
  }

  /**
   * Where to tell subscribed clients that a resource changed, over stdio or HTTP alike: keep it and call
   * {@link ResourceUpdates#notifyResourceUpdated} once the server serves (e.g. from the thread that watches the
   * files). Needs {@link #resourceSubscriptions resourceSubscriptions(true)}.
   */
  public ResourceUpdates resourceUpdates() {
    return settings.notifier;
  }

  // ---- terminal operations --------------------------------------------------------------------

  /**
   * Serves stdin/stdout until stdin ends, then shuts down and returns. While serving,
   * {@code System.out} points to stderr so that a stray {@code println} in tool code cannot
   * corrupt the protocol stream.
   */
  public void stdio() {
    ServerAssembly assembly = ServerAssembly.assemble(settings, null);
    PrintStream protocolOut = System.out;
    System.setOut(System.err);
    try (assembly) { // closing it flushes the audit trail
      StdioServer.serve(System.in, protocolOut, assembly);
    } finally {
      System.setOut(protocolOut);
    }
  }

  /** Serves one stdio-style session over the given streams until {@code in} ends. */
  public void stdio(InputStream in, OutputStream out) {
    try (ServerAssembly assembly = ServerAssembly.assemble(settings, null)) { // closing it flushes the audit trail
      StdioServer.serve(in, out, assembly);
    }
  }

  /**
   * Starts Streamable HTTP at {@code /mcp}; returns once the server listens. With
   * {@link HttpOptions#oauth OAuth}, each call's principal and scopes come from the verified
   * token, and {@code tools/list} shows only the tools the token may call (unless the resource
   * server turns that off).
   */
  public RunningServer http(HttpOptions options) {
    HttpTransport.check(options);
    // the configured MCP port, which a telemetry provider's endpoint must not take (0: ephemeral, never a clash)
    ServerAssembly assembly = ServerAssembly.assemble(settings, options.oauth(),
        options.port() == 0 ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(options.port()));
    HttpOptions effective = options;
    if (options.oauth() != null && !ResourceServerAccess.hasEvents(options.oauth())) {
      // auth failures join every other decision in the audit trail
      effective = options.oauth(ResourceServerAccess.withEvents(options.oauth(), AuthEvents.audit(assembly.audit())));
    }
    try {
      if (options.isStateless()) {
        assembly.checkStateless(); // before anything listens
      }
      return assembly.closingWith(HttpTransport.start(effective, assembly.json(), assembly,
          assembly.toolScopes(), assembly.clientLimitFilter()));
    } catch (RuntimeException e) {
      assembly.close();
      throw e;
    }
  }

  /**
   * Runs the transport named by {@code toolwarden.transport} ({@code stdio}, the default, or
   * {@code http}, configured by the {@code toolwarden.http.*}, {@code toolwarden.tls.*} and
   * {@code toolwarden.oauth.*} settings listed in {@code docs/settings.md}) and blocks until it ends.
   *
   * @throws ToolwardenStartupException naming the key when a setting is malformed or unusable
   */
  public void start() {
    if (!"http".equals(settings.config.choice(Setting.TRANSPORT).orElse("stdio"))) {
      stdio();
      return;
    }
    try (RunningServer server = http(HttpConfig.read(settings.config))) {
      server.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
