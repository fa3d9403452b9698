package dev.toolwarden.spring;

import dev.toolwarden.runtime.audit.AuditSink;
import dev.toolwarden.runtime.ratelimit.RateLimiterBackend;
import dev.toolwarden.runtime.url.Egress;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnNotWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Serves the application's {@code @McpTool} beans: over Streamable HTTP in the application's servlet container at
 * {@code toolwarden.http.path} (default {@code /mcp}), or over stdio with {@code toolwarden.transport=stdio}.
 * Configured under {@code toolwarden.*} with the standalone server's names and formats; {@code toolwarden.enabled=false}
 * turns it off.
 */
@AutoConfiguration
@ConditionalOnBooleanProperty(name = "toolwarden.enabled", matchIfMissing = true)
public class ToolwardenAutoConfiguration {

  /** Created by Spring Boot. */
  public ToolwardenAutoConfiguration() {}

  /** The checked server: settings from the Environment, tools from the application's beans. */
  @Bean
  @ConditionalOnMissingBean
  ToolwardenServer toolwardenServer(Environment environment, ConfigurableListableBeanFactory beans,
      ObjectProvider<AuditSink> auditSink, ObjectProvider<RateLimiterBackend> rateLimiter, ObjectProvider<Egress> egress,
      ObjectProvider<io.opentelemetry.api.OpenTelemetry> openTelemetry, ObjectProvider<MeterRegistryRoute> meterRegistry,
      ObjectProvider<JwtDecoderRoute> jwtDecoder) {
    return new ToolwardenServer(environment, beans, auditSink, rateLimiter, egress, openTelemetry, meterRegistry,
        jwtDecoder);
  }

  /**
   * The application's Spring Security {@code JwtDecoder} (spring-boot-starter-oauth2-resource-server defines one), for
   * {@code toolwarden.oauth.jwt-decoder=spring}. Looked up when the server is built, like the meter registry: Boot
   * defines the decoder in an auto-configuration of its own.
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.security.oauth2.jwt.JwtDecoder")
  static class SpringSecurityJwt {

    @Bean
    @ConditionalOnMissingBean
    JwtDecoderRoute toolwardenJwtDecoderRoute(
        ObjectProvider<org.springframework.security.oauth2.jwt.JwtDecoder> decoders) {
      return new JwtDecoderRoute(oauth -> {
        org.springframework.security.oauth2.jwt.JwtDecoder decoder = decoders.getIfUnique();
        return decoder == null ? null : new SpringJwtDecoderVerifier(decoder, oauth.issuer(), oauth.resource(),
            oauth.clockSkew(), java.time.Clock.systemUTC());
      });
    }
  }

  /**
   * The metrics into the application's Micrometer registry (Actuator's), when Micrometer and the bridge are on the class
   * path. The registry is looked up when the server is built, not by a bean condition here: that would depend on the
   * order of the auto-configurations, and Actuator defines its registry in one of its own.
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = {"io.micrometer.core.instrument.MeterRegistry",
      "io.opentelemetry.contrib.metrics.micrometer.MicrometerMeterProvider"})
  static class Micrometer {

    @Bean
    @ConditionalOnMissingBean
    MeterRegistryRoute toolwardenMeterRegistryRoute(
        ObjectProvider<io.micrometer.core.instrument.MeterRegistry> registries) {
      // the primary one when there are several (Actuator's composite)
      return new MeterRegistryRoute(() -> {
        io.micrometer.core.instrument.MeterRegistry registry = registries.getIfUnique();
        return registry == null ? null : new MicrometerTelemetry(registry);
      });
    }
  }

  /** Streamable HTTP in the application's servlet container. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
  @ConditionalOnClass(name = "org.springframework.boot.web.server.context.WebServerInitializedEvent")
  @ConditionalOnProperty(name = "toolwarden.transport", havingValue = "http", matchIfMissing = true)
  static class Http {

    @Bean
    McpEndpointRegistration toolwardenMcpEndpoint(ToolwardenServer server, Environment environment) {
      Duration drain = environment.getProperty("spring.lifecycle.timeout-per-shutdown-phase", Duration.class,
          Duration.ofSeconds(30));
      return new McpEndpointRegistration(server, endpointPath(environment), drain.toMillis());
    }

    /**
     * With Spring Security's filter chains in the application: the endpoint and its metadata are Toolwarden's when it
     * is the resource server ({@link ToolwardenPathsIgnoredBySpringSecurity}).
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = {"org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer",
        "org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher"})
    static class SpringSecurity {

      @Bean
      ToolwardenPathsIgnoredBySpringSecurity toolwardenPathsIgnoredBySpringSecurity(ToolwardenServer server,
          Environment environment) {
        return new ToolwardenPathsIgnoredBySpringSecurity(server, endpointPath(environment));
      }
    }
  }

  /**
   * Neither transport: HTTP chosen (the default) in an application that is no web application, e.g. a stdio-only build
   * started without {@code toolwarden.transport=stdio}. A warning rather than a failed start: a non-web context with
   * the tools (a test of the beans) is legitimate.
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnNotWebApplication
  @ConditionalOnProperty(name = "toolwarden.transport", havingValue = "http", matchIfMissing = true)
  static class NoTransport {

    @Bean
    NoTransportWarning toolwardenNoTransportWarning() {
      return new NoTransportWarning();
    }
  }

  /**
   * A path the servlet container can route to exactly as written, and Spring Security's ignoring (with Toolwarden's
   * OAuth) matches exactly: segments of letters, digits and {@code - . _ ~}. Why so strict: {@code {x}} or {@code ?}
   * are path-pattern syntax, so Spring Security would ignore far more than the endpoint ({@code /{x}} is every
   * one-segment path: the application's own pages left without its security); {@code ;}, {@code %}, {@code ..} or
   * {@code //} never match a request the container decodes and normalises (an endpoint nobody reaches); and the
   * error page's path would put the MCP servlet behind every error dispatch of the application.
   */
  private static final java.util.regex.Pattern ENDPOINT_PATH = java.util.regex.Pattern.compile("(/[A-Za-z0-9._~-]+)+");

  /** {@code toolwarden.http.path}, checked. */
  static String endpointPath(Environment environment) {
    String path = EnvironmentConfig.text(environment, StarterSetting.HTTP_PATH).orElse("/mcp");
    boolean dotSegment = java.util.Arrays.stream(path.split("/")).anyMatch(s -> s.equals(".") || s.equals(".."));
    if (!ENDPOINT_PATH.matcher(path).matches() || dotSegment) {
      throw new dev.toolwarden.runtime.ToolwardenStartupException("invalid toolwarden.http.path = '" + path
          + "': accepted: an absolute path of segments of letters, digits and - . _ ~ (no wildcard, pattern variable,"
          + " path parameter, percent-encoding, . or .. segment, or trailing /), e.g. /mcp");
    }
    String errorPath = environment.getProperty("server.error.path", "/error");
    if (path.equals(errorPath)) {
      throw new dev.toolwarden.runtime.ToolwardenStartupException("invalid toolwarden.http.path = '" + path
          + "': it is the application's error page (server.error.path); choose another path, e.g. /mcp");
    }
    return path;
  }

  /** stdio: the web server, banner and console are already off stdout ({@link StdioEnvironmentPostProcessor}). */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnProperty(name = "toolwarden.transport", havingValue = "stdio")
  static class Stdio {

    @Bean
    StdioTransport toolwardenStdio(ToolwardenServer server, ConfigurableApplicationContext context) {
      return new StdioTransport(server, context);
    }
  }

  /** The health contributor, when the application has Actuator. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
  static class Health {

    @Bean
    @ConditionalOnMissingBean(name = "toolwardenHealthIndicator")
    ToolwardenHealthIndicator toolwardenHealthIndicator(ToolwardenServer server) {
      return new ToolwardenHealthIndicator(server);
    }
  }
}
