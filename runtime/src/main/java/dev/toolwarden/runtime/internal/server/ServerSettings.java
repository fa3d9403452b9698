package dev.toolwarden.runtime.internal.server;

import dev.toolwarden.runtime.ToolFactory;
import dev.toolwarden.runtime.audit.AuditSink;
import dev.toolwarden.runtime.internal.config.Config;
import dev.toolwarden.runtime.ratelimit.RateLimiterBackend;
import dev.toolwarden.runtime.url.Egress;
import io.modelcontextprotocol.server.McpServerFeatures;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything a {@code ServerBuilder} collected, in one mutable holder that the assembly reads. The builder
 * is the public face; this class keeps the state out of the API so that it can change freely.
 */
public final class ServerSettings {

  /** Server name reported to clients. */
  public final String name;
  /** Server version reported to clients. */
  public final String version;
  /** Bound tool instances. */
  public final List<Object> instances = new ArrayList<>();
  /** {@code @SafePath} roots bound in code, by root name. */
  public final Map<String, Path> roots = new LinkedHashMap<>();
  /**
   * Builder overrides, then system properties, then environment; replaced before assembly by a container that
   * has its own configuration sources (the Spring Boot auto-configuration reads its {@code Environment}).
   */
  public Config config = new Config();
  /** Instances for bundles without a bound instance, or null. */
  public ToolFactory factory;
  /** Scopes granted to local callers, or null for "every declared scope" / configuration. */
  public Set<String> grantedScopes;
  /** Instructions sent at initialisation, or null. */
  public String instructions;
  /** Whether the SDK validates tool inputs too. */
  public boolean keepSdkValidation;
  /** Where bundles are looked up, or null for the context class loader. */
  public ClassLoader classLoader;
  /** The rate-limit backend, or null for the default. */
  public RateLimiterBackend rateLimiter;
  /** The audit sink, or null for the default. */
  public AuditSink auditSink;
  /** How {@code @SafeUrl} arguments are resolved and which private networks are trusted. */
  public Egress egress = Egress.system();
  /** Per-client HTTP limit set in code (requests), or null for configuration. */
  public Integer clientLimitRequests;
  /** Per-client HTTP limit window set in code, in milliseconds. */
  public long clientLimitWindowMillis;
  /** SDK passthrough resources (no Toolwarden policy). */
  public final List<McpServerFeatures.SyncResourceSpecification> resources = new ArrayList<>();
  /** SDK passthrough resource templates (no Toolwarden policy). */
  public final List<McpServerFeatures.SyncResourceTemplateSpecification> resourceTemplates = new ArrayList<>();
  /** SDK passthrough prompts (no Toolwarden policy). */
  public final List<McpServerFeatures.SyncPromptSpecification> prompts = new ArrayList<>();
  /** SDK passthrough completions (no Toolwarden policy). */
  public final List<McpServerFeatures.SyncCompletionSpecification> completions = new ArrayList<>();
  /** Whether clients may subscribe to resources. */
  public boolean resourceSubscriptions;
  /** Where {@code notifyResourceUpdated} goes: the SDK server, once a transport built it. */
  public final ResourceNotifier notifier = new ResourceNotifier();
  /** The OpenTelemetry for traces and metrics (e.g. an application's SDK), or null for the global one. */
  public io.opentelemetry.api.OpenTelemetry openTelemetry;
  /**
   * Wraps how each call's caller is resolved (given the transport's own resolution: the fixed grant, or the verified
   * token's caller), or null to keep it. The test kit's in-process client names a principal and scopes per request.
   */
  public java.util.function.UnaryOperator<dev.toolwarden.runtime.internal.pipeline.CallerResolver> callers;

  /** Settings of a server with this name and version. */
  public ServerSettings(String name, String version) {
    this.name = name;
    this.version = version;
  }
}
