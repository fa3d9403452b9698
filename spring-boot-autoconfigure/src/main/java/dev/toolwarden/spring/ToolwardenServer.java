package dev.toolwarden.spring;

import dev.toolwarden.runtime.ServerBuilder;
import dev.toolwarden.runtime.Toolwarden;
import dev.toolwarden.runtime.audit.AuditSink;
import dev.toolwarden.runtime.auth.ResourceServer;
import dev.toolwarden.runtime.http.HttpOptions;
import dev.toolwarden.runtime.internal.audit.AsyncAuditSink;
import dev.toolwarden.runtime.internal.auth.AuthEvents;
import dev.toolwarden.runtime.internal.auth.OAuthCallers;
import dev.toolwarden.runtime.internal.auth.ResourceServerAccess;
import dev.toolwarden.runtime.internal.config.Config;
import dev.toolwarden.runtime.internal.config.HttpConfig;
import dev.toolwarden.runtime.internal.config.Setting;
import dev.toolwarden.runtime.internal.server.BuilderAccess;
import dev.toolwarden.runtime.internal.server.ServerAssembly;
import dev.toolwarden.runtime.internal.server.ServerSettings;
import dev.toolwarden.runtime.ratelimit.RateLimiterBackend;
import dev.toolwarden.runtime.url.Egress;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.env.Environment;

/**
 * The checked server of the application: its settings from the {@link Environment}, its tools from the
 * application's beans ({@link BeanToolFactory}), an audit sink, rate-limit backend, egress and OpenTelemetry
 * taken from beans when the application defines them; without an OpenTelemetry bean, the metrics go to the
 * application's Micrometer {@code MeterRegistry} when it has one ({@link MeterRegistryRoute}). Assembled once, when the transport needs it; every
 * problem is a {@code ToolwardenStartupException} that fails the application's start.
 */
public final class ToolwardenServer implements AutoCloseable {

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ToolwardenServer.class);

  private final Environment environment;
  private final ServerSettings settings;
  private final RateLimitBackendState backendState = new RateLimitBackendState();
  private final AsyncAuditSink defaultTrail;
  private final ObjectProvider<JwtDecoderRoute> jwtDecoder;
  private HttpOptions httpOptions;
  private ServerAssembly assembly;

  ToolwardenServer(Environment environment, ConfigurableListableBeanFactory beans, ObjectProvider<AuditSink> auditSink,
      ObjectProvider<RateLimiterBackend> rateLimiter, ObjectProvider<Egress> egress,
      ObjectProvider<io.opentelemetry.api.OpenTelemetry> openTelemetry, ObjectProvider<MeterRegistryRoute> meterRegistry,
      ObjectProvider<JwtDecoderRoute> jwtDecoder) {
    this.environment = environment;
    this.jwtDecoder = jwtDecoder;
    boolean instantiateMissing = Boolean.parseBoolean(
        EnvironmentConfig.text(environment, StarterSetting.INSTANTIATE_MISSING).orElse("false"));
    ServerBuilder builder = Toolwarden.server(name(environment), version(environment))
        .toolFactory(new BeanToolFactory(beans, beans, instantiateMissing));
    if (beans.getBeanClassLoader() != null) {
      builder.classLoader(beans.getBeanClassLoader());
    }
    EnvironmentConfig.text(environment, StarterSetting.INSTRUCTIONS).ifPresent(builder::instructions);
    rateLimiter.ifAvailable(builder::rateLimiter);
    egress.ifAvailable(builder::egress);
    settings = BuilderAccess.settings(builder);
    settings.config = EnvironmentConfig.of(environment);
    openTelemetry.ifAvailable(otel -> settings.openTelemetry = otel);
    if (settings.openTelemetry == null && settings.config.text(Setting.METRICS_PROMETHEUS).isEmpty()) {
      // no OpenTelemetry bean, no toolwarden-prometheus endpoint asked for: the metrics go to the application's
      // Micrometer registry when it has one (traces to the global OpenTelemetry, as without it)
      meterRegistry.ifAvailable(route -> route.openTelemetry().ifPresent(otel -> {
        settings.openTelemetry = otel;
        LOG.info("toolwarden metrics reported to the application's Micrometer MeterRegistry");
      }));
    }
    AuditSink user = auditSink.getIfAvailable();
    if (user != null) {
      defaultTrail = null;
      builder.auditSink(user.and(backendState));
    } else {
      // the default trail (JSON lines on the toolwarden.audit logger, so through the application's logging),
      // written off the request thread as on the standalone server
      Config config = settings.config;
      int capacity = config.integer(Setting.AUDIT_QUEUE).map(Long::intValue).orElse(AsyncAuditSink.DEFAULT_CAPACITY);
      Duration maxBlock = config.duration(Setting.AUDIT_MAX_BLOCK).orElse(AsyncAuditSink.DEFAULT_MAX_BLOCK);
      defaultTrail = new AsyncAuditSink(AuditSink.slf4j(), capacity, maxBlock);
      builder.auditSink(defaultTrail.and(backendState));
    }
  }

  /** The HTTP options the settings describe, with auth failures going to the audit trail; assembles the server. */
  synchronized HttpOptions httpOptions() {
    if (httpOptions == null) {
      HttpOptions options = SpringJwtDecoderChoice.apply(environment, HttpConfig.read(settings.config), jwtDecoder);
      BindCheck.check(environment, options);
      ResourceServer oauth = options.oauth();
      if (oauth == null) {
        // the user the application's security authenticated names the caller (ApplicationUserFilter)
        settings.callers = OAuthCallers.authenticatedUsers();
      }
      ServerAssembly assembled = ServerAssembly.assemble(settings, oauth);
      if (oauth != null && !ResourceServerAccess.hasEvents(oauth)) {
        options = options.oauth(ResourceServerAccess.withEvents(oauth, AuthEvents.audit(assembled.audit())));
      }
      if (options.isStateless()) {
        assembled.checkStateless();
      }
      assembly = assembled;
      httpOptions = options;
    }
    return httpOptions;
  }

  /** The assembled server (for stdio: assembled without OAuth). */
  synchronized ServerAssembly assembly() {
    if (assembly == null) {
      assembly = ServerAssembly.assemble(settings, null);
    }
    return assembly;
  }

  /** The OpenTelemetry the server was given (a bean or the Micrometer bridge); null: the runtime's own choice. */
  io.opentelemetry.api.OpenTelemetry givenOpenTelemetry() {
    return settings.openTelemetry;
  }

  /** The rate-limit backend's state as its audit events tell it. */
  RateLimitBackendState backendState() {
    return backendState;
  }

  /** The tools served, once assembled (0 before). */
  synchronized int toolCount() {
    return assembly == null ? 0 : assembly.handlers().size();
  }

  /** The resource server, when OAuth is on. */
  synchronized ResourceServer oauth() {
    return httpOptions == null ? null : httpOptions.oauth();
  }

  /** Writes the audit events still queued. */
  @Override
  public synchronized void close() {
    if (assembly != null) {
      assembly.close();
    }
    if (defaultTrail != null) {
      defaultTrail.close();
    }
  }

  private static String name(Environment env) {
    return EnvironmentConfig.text(env, StarterSetting.SERVER_NAME)
        .or(() -> java.util.Optional.ofNullable(env.getProperty("spring.application.name")))
        .orElse("toolwarden");
  }

  private static String version(Environment env) {
    return EnvironmentConfig.text(env, StarterSetting.SERVER_VERSION).orElse("0.0.0");
  }
}
