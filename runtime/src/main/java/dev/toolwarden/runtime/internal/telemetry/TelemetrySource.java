package dev.toolwarden.runtime.internal.telemetry;

import dev.toolwarden.runtime.telemetry.OpenTelemetryProvider;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.ServiceLoader;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OpenTelemetry a server reports to: the one given in code, else the first an {@link OpenTelemetryProvider} on the
 * class path makes from the settings (e.g. {@code toolwarden-prometheus}), else the global one (the Java agent's,
 * autoconfigure's, or a no-op). The server owns only what a provider made: {@link #close} closes that, never the
 * application's or the global one.
 */
public final class TelemetrySource implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(TelemetrySource.class);

  private final OpenTelemetry openTelemetry;
  private final AutoCloseable owned;

  private TelemetrySource(OpenTelemetry openTelemetry, AutoCloseable owned) {
    this.openTelemetry = openTelemetry;
    this.owned = owned;
  }

  /**
   * Finds the server's OpenTelemetry.
   *
   * @param given the OpenTelemetry given in code, or null
   * @param settings the server's settings by key (for the providers)
   * @param mcpPort the configured MCP HTTP port, empty over stdio or for an ephemeral port
   * @param loader where providers are looked up
   */
  public static TelemetrySource resolve(OpenTelemetry given, Function<String, Optional<String>> settings,
      OptionalInt mcpPort, ClassLoader loader) {
    if (given != null) {
      return new TelemetrySource(given, null);
    }
    for (OpenTelemetryProvider provider : ServiceLoader.load(OpenTelemetryProvider.class, loader)) {
      Optional<OpenTelemetry> made = provider.create(settings, mcpPort);
      if (made.isPresent()) {
        LOG.info("telemetry reported to the OpenTelemetry made by {}", provider.getClass().getName());
        return new TelemetrySource(made.get(), made.get() instanceof AutoCloseable c ? c : null);
      }
    }
    return new TelemetrySource(GlobalOpenTelemetry.get(), null);
  }

  /** A source of {@code openTelemetry}, which the server does not own. */
  public static TelemetrySource of(OpenTelemetry openTelemetry) {
    return new TelemetrySource(openTelemetry, null);
  }

  /** The OpenTelemetry to report to. */
  public OpenTelemetry openTelemetry() {
    return openTelemetry;
  }

  /** Closes what a provider made (its exporters flush, its endpoint stops); nothing otherwise. Never throws. */
  @Override
  public void close() {
    if (owned == null) {
      return;
    }
    try {
      owned.close();
    } catch (Exception | LinkageError e) {
      LOG.warn("closing the provided OpenTelemetry failed: {}", e.getClass().getName());
    }
  }
}
