package dev.toolwarden.spring;

import io.opentelemetry.api.OpenTelemetry;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The way to the application's Micrometer {@code MeterRegistry}, defined only when Micrometer and the bridge are on the
 * class path. It names no Micrometer type, so {@link ToolwardenServer} can ask for it in an application without
 * Micrometer; the bridge ({@link MicrometerTelemetry}) is made on first use, only when the application has a registry.
 * Spring closes it with the context.
 */
final class MeterRegistryRoute implements AutoCloseable {

  private final Supplier<OpenTelemetry> bridge;
  private OpenTelemetry made;

  /** @param bridge makes the bridge over the application's registry, or returns null when it has none */
  MeterRegistryRoute(Supplier<OpenTelemetry> bridge) {
    this.bridge = bridge;
  }

  /** The OpenTelemetry whose metrics go to the application's registry; empty when the application has none. */
  synchronized Optional<OpenTelemetry> openTelemetry() {
    if (made == null) {
      made = bridge.get();
    }
    return Optional.ofNullable(made);
  }

  @Override
  public synchronized void close() throws Exception {
    if (made instanceof AutoCloseable closeable) {
      closeable.close();
    }
  }
}
