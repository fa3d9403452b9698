package dev.toolwarden.benchmarks.servers;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.util.List;

/**
 * The OpenTelemetry SDK as a deployment configures it, minus the network: every span sampled and handed to a batch
 * processor whose exporter discards it, every measurement aggregated by a metric reader. What the runtime's telemetry
 * costs with an SDK is measured against this.
 */
public final class TelemetrySdk {

  private TelemetrySdk() {}

  /** A fresh SDK; close it when done. */
  public static OpenTelemetrySdk create() {
    return OpenTelemetrySdk.builder()
        .setTracerProvider(SdkTracerProvider.builder().setSampler(Sampler.alwaysOn())
            .addSpanProcessor(BatchSpanProcessor.builder(SpanExporter.composite(List.of())).build()).build())
        .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(InMemoryMetricReader.create()).build())
        .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
        .build();
  }
}
