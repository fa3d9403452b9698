package dev.toolwarden.prometheus;

import dev.toolwarden.runtime.ToolwardenStartupException;
import dev.toolwarden.runtime.telemetry.OpenTelemetryProvider;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.exporter.prometheus.PrometheusHttpServer;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves a server's metrics to Prometheus without any code: with {@code toolwarden-prometheus} on the class path and
 * {@code toolwarden.metrics.prometheus=[host:]port} (or {@code TOOLWARDEN_METRICS_PROMETHEUS}) set, the server
 * reports its metrics to the OpenTelemetry metrics SDK, whose Prometheus reader (the OpenTelemetry project's
 * exporter) serves them at {@code http://host:port/metrics}. Its traces stay with the global OpenTelemetry (the
 * Java agent's, autoconfigure's, or none). Without the setting it declines and nothing changes. Found by
 * {@link java.util.ServiceLoader}; not meant to be called directly.
 */
public final class PrometheusEndpointProvider implements OpenTelemetryProvider {

  /** The setting, as the runtime's settings function takes it. */
  static final String SETTING = "metrics.prometheus";

  private static final Logger LOG = LoggerFactory.getLogger(PrometheusEndpointProvider.class);

  /** For {@link java.util.ServiceLoader}. */
  public PrometheusEndpointProvider() {}

  /**
   * An OpenTelemetry whose metrics the endpoint serves, listening already, when {@code metrics.prometheus} is set;
   * else empty. Closing it stops the endpoint (the server does when it stops).
   *
   * @throws ToolwardenStartupException when the setting is malformed, names the MCP port, or cannot be listened on
   */
  @Override
  public Optional<OpenTelemetry> create(Function<String, Optional<String>> settings, OptionalInt mcpPort) {
    Optional<String> spec = settings.apply(SETTING);
    if (spec.isEmpty()) {
      return Optional.empty();
    }
    MetricsAddress at = MetricsAddress.parse(spec.get());
    if (mcpPort.isPresent() && mcpPort.getAsInt() == at.port()) {
      throw new ToolwardenStartupException(MetricsAddress.NAMES + " must not be the MCP port " + at.port()
          + ": the metrics endpoint has no authentication; pick another port");
    }
    if (!at.isLoopback()) {
      LOG.warn("the Prometheus endpoint on {} is reachable from the network and has no authentication: keep it"
          + " behind a firewall, or name a loopback host", at.host());
    }
    PrometheusHttpServer endpoint;
    try {
      endpoint = PrometheusHttpServer.builder().setHost(at.host()).setPort(at.port()).build();
    } catch (RuntimeException e) {
      throw new ToolwardenStartupException("cannot serve " + MetricsAddress.NAMES + " on " + at + " ("
          + e.getClass().getSimpleName() + "): is the port taken?");
    }
    SdkMeterProvider meters = SdkMeterProvider.builder().registerMetricReader(endpoint).build();
    // no URL in the line: launchers that take the first URL a server prints (tests, scripts) must find the MCP one
    LOG.info("Prometheus metrics served on {}, path /metrics", at);
    return Optional.of(new MetricsOnlyTelemetry(meters));
  }
}
