package dev.toolwarden.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwarden.spring.app.Greeting;
import dev.toolwarden.spring.app.GreetingApp;
import dev.toolwarden.spring.app.GreetingTools;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With a Micrometer {@code MeterRegistry} bean (what Actuator defines) and no OpenTelemetry bean, real MCP calls over
 * Streamable HTTP land in that registry with the documented names and bounded labels; an OpenTelemetry bean still wins,
 * and without a registry nothing changes.
 */
class MicrometerMetricsTest {

  /** The tag keys a Toolwarden meter may carry: its documented labels plus the bridge's instrumentation scope. */
  private static final Set<String> BOUNDED_TAGS = Set.of("mcp.method.name", "gen_ai.tool.name", "gen_ai.prompt.name",
      "toolwarden.outcome", "error.type", "toolwarden.reason", "toolwarden.auth.cause", "network.transport",
      "network.protocol.name", "mcp.protocol.version", "otel.instrumentation.name", "otel.instrumentation.version");

  /** The tool application plus the registry /actuator/prometheus would scrape. */
  @Configuration(proxyBeanMethods = false)
  @EnableAutoConfiguration
  static class PrometheusRegistryApp {
    @Bean
    Greeting greeting() {
      return new Greeting("Hello");
    }

    @Bean
    GreetingTools greetingTools(Greeting greeting) {
      return new GreetingTools(greeting);
    }

    @Bean
    PrometheusMeterRegistry prometheusMeterRegistry() {
      return new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    }
  }

  /** A registry and an application OpenTelemetry whose metric reader is in memory. */
  @Configuration(proxyBeanMethods = false)
  @EnableAutoConfiguration
  static class RegistryAndOpenTelemetryApp {
    static final InMemoryMetricReader READER = InMemoryMetricReader.create();

    @Bean
    Greeting greeting() {
      return new Greeting("Hello");
    }

    @Bean
    GreetingTools greetingTools(Greeting greeting) {
      return new GreetingTools(greeting);
    }

    @Bean
    SimpleMeterRegistry simpleMeterRegistry() {
      return new SimpleMeterRegistry();
    }

    @Bean(destroyMethod = "close")
    OpenTelemetrySdk openTelemetry() {
      return OpenTelemetrySdk.builder()
          .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(READER).build()).build();
    }
  }

  private static ConfigurableApplicationContext start(Class<?> app, String... args) {
    String[] all = new String[args.length + 3];
    all[0] = "--server.port=0";
    all[1] = "--server.address=127.0.0.1";
    all[2] = "--spring.main.banner-mode=off";
    System.arraycopy(args, 0, all, 3, args.length);
    return SpringApplication.run(app, all);
  }

  /** Two answered calls and one validation refusal of {@code greet}, from the MCP Java SDK client. */
  private static void callGreetTwiceAndOnceBlank(ConfigurableApplicationContext context) {
    int port = ((WebServerApplicationContext) context).getWebServer().getPort();
    try (McpSyncClient client = McpClient.sync(HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + port)
        .build()).requestTimeout(Duration.ofSeconds(20)).build()) {
      client.initialize();
      for (String name : new String[] {"Ada", "Grace"}) {
        McpSchema.CallToolResult ok = client.callTool(new McpSchema.CallToolRequest("greet", Map.of("name", name)));
        assertFalse(Boolean.TRUE.equals(ok.isError()), ok.toString());
      }
      McpSchema.CallToolResult blank = client.callTool(new McpSchema.CallToolRequest("greet", Map.of("name", " ")));
      assertTrue(Boolean.TRUE.equals(blank.isError()), blank.toString());
    }
  }

  /** Waits (bounded) for what the server records as it answers; the client may see the answer first. */
  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!condition.getAsBoolean()) {
      assertTrue(System.nanoTime() < deadline, "timed out waiting for " + what);
      Thread.sleep(50);
    }
  }

  private static double calls(MeterRegistry registry, String outcome) {
    Counter c = registry.find("toolwarden.calls").tags("gen_ai.tool.name", "greet", "toolwarden.outcome", outcome)
        .counter();
    return c == null ? -1 : c.count();
  }

  @Test
  void realCallsAndARefusalLandInTheApplicationsMeterRegistry() throws Exception {
    try (ConfigurableApplicationContext context = start(PrometheusRegistryApp.class)) {
      PrometheusMeterRegistry registry = context.getBean(PrometheusMeterRegistry.class);
      ToolwardenServer server = context.getBean(ToolwardenServer.class);
      OpenTelemetry given = server.givenOpenTelemetry();
      assertInstanceOf(MicrometerTelemetry.class, given);
      // traces keep going to the global OpenTelemetry (the agent's or autoconfigure's, here the no-op)
      assertSame(GlobalOpenTelemetry.get().getTracerProvider(), given.getTracerProvider());

      callGreetTwiceAndOnceBlank(context);

      await(() -> calls(registry, "ok") == 2 && calls(registry, "validation_rejected") == 1, "the call counters");
      Counter refusals = registry.find("toolwarden.refusals")
          .tags("gen_ai.tool.name", "greet", "toolwarden.reason", "validation_rejected").counter();
      assertTrue(refusals != null && refusals.count() == 1, "one validation refusal of greet: " + refusals);
      await(() -> registry.find("mcp.server.operation.duration").tags("gen_ai.tool.name", "greet")
          .summaries().stream().mapToLong(DistributionSummary::count).sum() == 3, "three durations of greet");
      DistributionSummary okDurations = registry.find("mcp.server.operation.duration")
          .tags("gen_ai.tool.name", "greet", "toolwarden.outcome", "ok", "mcp.method.name", "tools/call").summary();
      assertEquals(2, okDurations.count());
      assertTrue(okDurations.totalAmount() > 0 && okDurations.max() < 20, "seconds, not millis: " + okDurations.max());
      // the gauges exist before anything read the registry (the bridge makes them as their callbacks first record)
      // (their values are current as of the registry's last read of all its meters: a scrape, a publish)
      assertEquals(1.0, registry.find("toolwarden.ratelimit.backend.up").gauge().value());
      assertTrue(registry.find("toolwarden.sessions.active").gauge() != null, "the sessions gauge");
      // the series of the other tool exist at zero from the start, as on the standalone server
      assertEquals(0.0, registry.find("toolwarden.calls").tags("gen_ai.tool.name", "slow_greet").counter().count());

      // bounded labels only: never the name the client sent, a session or a principal
      Set<String> tagKeys = new TreeSet<>();
      for (Meter m : registry.getMeters()) {
        String name = m.getId().getName();
        if (name.startsWith("toolwarden.") || name.startsWith("mcp.")) {
          m.getId().getTags().stream().map(Tag::getKey).forEach(tagKeys::add);
          assertTrue(m.getId().getTags().stream().noneMatch(t -> t.getValue().contains("Ada")), m.getId().toString());
        }
      }
      assertTrue(BOUNDED_TAGS.containsAll(tagKeys), "tag keys " + tagKeys);

      // what /actuator/prometheus serves: the registry's scrape, in Prometheus's names
      String scrape = registry.scrape();
      assertTrue(scrape.lines().anyMatch(l -> l.startsWith("toolwarden_calls_total{")
          && l.contains("gen_ai_tool_name=\"greet\"") && l.contains("toolwarden_outcome=\"ok\"") && l.endsWith(" 2.0")),
          scrape);
      assertTrue(scrape.lines().anyMatch(l -> l.startsWith("toolwarden_refusals_total{")
          && l.contains("toolwarden_reason=\"validation_rejected\"") && l.endsWith(" 1.0")), scrape);
      // the refused call's series too (it has error.type, the answered ones not: the registry needs one set of keys)
      assertTrue(scrape.lines().anyMatch(l -> l.startsWith("toolwarden_calls_total{")
          && l.contains("toolwarden_outcome=\"validation_rejected\"") && l.contains("error_type=\"tool_error\"")
          && l.endsWith(" 1.0")), scrape);
      assertTrue(scrape.lines().anyMatch(l -> l.startsWith("mcp_server_operation_duration_seconds_count{")
          && l.contains("toolwarden_outcome=\"ok\"") && l.endsWith(" 2")), scrape);
      assertTrue(scrape.lines().anyMatch(l -> l.startsWith("mcp_server_operation_duration_seconds_bucket{")
          && l.contains("toolwarden_outcome=\"validation_rejected\"") && l.contains("le=\"0.01\"")), scrape);
      // the gauges in the first scrape already
      assertTrue(scrape.lines().anyMatch(l -> l.startsWith("toolwarden_ratelimit_backend_up{") && l.endsWith(" 1.0")),
          scrape);
      assertTrue(scrape.lines().anyMatch(l -> l.startsWith("toolwarden_sessions_active{")), scrape);
    }
  }

  @Test
  void anApplicationOpenTelemetryBeanStillGetsTheMetrics() throws Exception {
    try (ConfigurableApplicationContext context = start(RegistryAndOpenTelemetryApp.class)) {
      assertSame(context.getBean(OpenTelemetry.class), context.getBean(ToolwardenServer.class).givenOpenTelemetry());
      callGreetTwiceAndOnceBlank(context);
      await(() -> RegistryAndOpenTelemetryApp.READER.collectAllMetrics().stream().map(MetricData::getName)
          .anyMatch("toolwarden.calls"::equals), "the calls in the application's OpenTelemetry");
      MeterRegistry registry = context.getBean(MeterRegistry.class);
      assertTrue(registry.find("toolwarden.calls").meters().isEmpty(), "nothing in the registry");
    }
  }

  @Test
  void withoutAMeterRegistryNothingChanges() {
    try (ConfigurableApplicationContext context = start(GreetingApp.class)) {
      assertTrue(context.getBeansOfType(MeterRegistry.class).isEmpty());
      // the runtime chooses as on the standalone server: a provider's, else the global OpenTelemetry
      assertNull(context.getBean(ToolwardenServer.class).givenOpenTelemetry());
      callGreetTwiceAndOnceBlank(context);
    }
  }

  @Test
  void aToolwardenPrometheusEndpointAskedForIsNotOverridden() {
    // toolwarden-prometheus (not on this class path) serves its own endpoint when the setting is there
    try (ConfigurableApplicationContext context = start(PrometheusRegistryApp.class,
        "--toolwarden.metrics.prometheus=127.0.0.1:9464")) {
      assertNull(context.getBean(ToolwardenServer.class).givenOpenTelemetry());
    }
  }
}
