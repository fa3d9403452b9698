package dev.toolwarden.spring;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.logs.LoggerProvider;
import io.opentelemetry.api.metrics.MeterProvider;
import io.opentelemetry.api.trace.TracerProvider;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.contrib.metrics.micrometer.MicrometerMeterProvider;
import java.util.List;

/**
 * The OpenTelemetry a server reports to when the application has a Micrometer {@link MeterRegistry} and no
 * OpenTelemetry bean: its instruments become meters of that registry (the OpenTelemetry contrib
 * {@link MicrometerMeterProvider}), so they appear wherever the registry is published ({@code /actuator/metrics},
 * {@code /actuator/prometheus}, an OTLP or other Micrometer export). Traces, logs and propagation stay with the global
 * OpenTelemetry, read on each use, so a Java agent or autoconfigure keeps exporting the spans (or nothing does, as
 * before).
 */
final class MicrometerTelemetry implements OpenTelemetry, AutoCloseable {

  private final MicrometerMeterProvider meters;

  MicrometerTelemetry(MeterRegistry registry) {
    // a registry of Toolwarden's own in front of the application's: its filter shapes Toolwarden's meters only, and
    // every meter it makes is made in the application's registry too. Never closed: closing it would close that one.
    CompositeMeterRegistry toolwarden = new CompositeMeterRegistry(registry.config().clock(), List.of(registry));
    toolwarden.config().meterFilter(new MeterShape());
    this.meters = MicrometerMeterProvider.builder(toolwarden)
        .setCallbackRegistrar(new ReadTimeCallbacks(toolwarden)).build();
  }

  @Override
  public MeterProvider getMeterProvider() {
    return meters;
  }

  @Override
  public TracerProvider getTracerProvider() {
    return GlobalOpenTelemetry.get().getTracerProvider();
  }

  @Override
  public LoggerProvider getLogsBridge() {
    return GlobalOpenTelemetry.get().getLogsBridge();
  }

  @Override
  public ContextPropagators getPropagators() {
    return GlobalOpenTelemetry.get().getPropagators();
  }

  /** Stops the gauges' callbacks; the registry and its meters are the application's. */
  @Override
  public void close() {
    meters.close();
  }
}
