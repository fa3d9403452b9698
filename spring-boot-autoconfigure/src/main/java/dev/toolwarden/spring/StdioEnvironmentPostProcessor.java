package dev.toolwarden.spring;

import dev.toolwarden.runtime.internal.config.Setting;
import dev.toolwarden.runtime.internal.server.StartupWarmup;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * With {@code toolwarden.transport=stdio}, stdout belongs to the MCP protocol: before Boot prints its banner or
 * starts logging, this turns the banner off, starts no web server, and sends {@code System.out} (Boot's console
 * log with it) to stderr. Runs after the application's configuration files are read, before logging starts.
 * It also starts the runtime's start-up warm-up ({@link StartupWarmup}: the JSON mapper, the SDK server and
 * Reactor) on a second thread now, so that it runs while Spring creates the beans rather than after them, when the
 * transport starts ({@code toolwarden.startup.json-warmup=false} turns it off).
 */
public final class StdioEnvironmentPostProcessor implements EnvironmentPostProcessor {

  /** Created by Spring Boot from {@code META-INF/spring.factories}. */
  public StdioEnvironmentPostProcessor() {}

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    if (!"stdio".equalsIgnoreCase(String.valueOf(environment.getProperty("toolwarden.transport")).trim())) {
      return;
    }
    StdioStreams.reserveStdout();
    if (EnvironmentConfig.of(environment).flag(Setting.STARTUP_JSON_WARMUP).orElse(true)) {
      StartupWarmup.startOnce();
    }
    environment.getPropertySources().addFirst(new MapPropertySource("toolwarden-stdio", Map.of(
        "spring.main.banner-mode", "off",
        "spring.main.web-application-type", "none")));
  }
}
