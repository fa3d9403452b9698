package dev.toolwarden.prometheus;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.logs.LoggerProvider;
import io.opentelemetry.api.metrics.MeterProvider;
import io.opentelemetry.api.trace.TracerProvider;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;

/**
 * The OpenTelemetry the server reports to when the endpoint is on: metrics to the SDK whose reader the endpoint is;
 * traces, logs and propagation to the global OpenTelemetry, so that a Java agent or autoconfigure keeps exporting
 * the spans (or nothing does, as before). Closing it shuts the meter provider down, which stops the endpoint.
 */
final class MetricsOnlyTelemetry implements OpenTelemetry, AutoCloseable {

  private final SdkMeterProvider meters;
  private final OpenTelemetry global = GlobalOpenTelemetry.get();

  MetricsOnlyTelemetry(SdkMeterProvider meters) {
    this.meters = meters;
  }

  @Override
  public MeterProvider getMeterProvider() {
    return meters;
  }

  @Override
  public TracerProvider getTracerProvider() {
    return global.getTracerProvider();
  }

  @Override
  public LoggerProvider getLogsBridge() {
    return global.getLogsBridge();
  }

  @Override
  public ContextPropagators getPropagators() {
    return global.getPropagators();
  }

  @Override
  public void close() {
    meters.close();
  }
}
