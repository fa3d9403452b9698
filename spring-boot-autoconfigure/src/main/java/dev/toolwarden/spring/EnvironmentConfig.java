package dev.toolwarden.spring;

import dev.toolwarden.runtime.internal.config.Config;
import dev.toolwarden.runtime.internal.config.Setting;
import java.util.Optional;
import org.springframework.core.env.Environment;

/**
 * The runtime's {@link Config} reading the application's {@link Environment}: {@code application.yml} /
 * {@code .properties}, profiles, system properties and environment variables, with Boot's relaxed binding
 * ({@code TOOLWARDEN_HTTP_CLIENT_LIMIT} is {@code toolwarden.http.client-limit}). Keys, formats and error
 * messages are the runtime's own: nothing is declared twice.
 */
final class EnvironmentConfig {

  private EnvironmentConfig() {}

  /** The runtime configuration backed by {@code environment}. */
  static Config of(Environment environment) {
    // both lookups go to the Environment: it holds the system properties and the process environment too
    return new Config(environment::getProperty, environment::getProperty);
  }

  /** The transport: {@code http} unless {@code toolwarden.transport} says {@code stdio} (Boot's default is HTTP). */
  static String transport(Environment environment) {
    String configured = environment.getProperty(Setting.TRANSPORT.propertyName());
    if (configured == null || configured.isBlank()) {
      return "http";
    }
    return of(environment).choice(Setting.TRANSPORT).orElse("http");
  }

  /** A starter-only text setting. */
  static Optional<String> text(Environment environment, StarterSetting setting) {
    String v = environment.getProperty(setting.property());
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
  }
}
