/**
 * Toolwarden's Prometheus endpoint: with this module on the class or module path and
 * {@code toolwarden.metrics.prometheus=[host:]port} set, a server's metrics are served in the Prometheus text format.
 * Exports nothing: the runtime finds it through {@link dev.toolwarden.runtime.telemetry.OpenTelemetryProvider}.
 */
module dev.toolwarden.prometheus {
  requires dev.toolwarden.runtime;
  requires io.opentelemetry.sdk.metrics;
  requires io.opentelemetry.exporter.prometheus;
  requires org.slf4j;

  provides dev.toolwarden.runtime.telemetry.OpenTelemetryProvider
      with dev.toolwarden.prometheus.PrometheusEndpointProvider;
}
