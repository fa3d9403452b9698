package dev.toolwarden.examples;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.exporter.prometheus.PrometheusHttpServer;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The example's optional metrics endpoint: with {@code toolwarden.metrics.prometheus=[host:]port} (or
 * {@code TOOLWARDEN_METRICS_PROMETHEUS}) an OpenTelemetry SDK is installed whose metrics a Prometheus text endpoint
 * serves at {@code http://host:port/metrics} — loopback unless a host is named, and never on the MCP port (the
 * endpoint has no authentication). The runtime itself only uses the OpenTelemetry API: the SDK and the exporter are
 * this application's choice, as they are any user's (or leave this unset and run with the OpenTelemetry Java agent).
 */
final class Observability {

  /** The configuration key (system property {@code toolwarden.metrics.prometheus}). */
  static final String PROPERTY = "toolwarden.metrics.prometheus";
  static final String ENVIRONMENT = "TOOLWARDEN_METRICS_PROMETHEUS";

  private Observability() {}

  /**
   * Installs the SDK with the Prometheus endpoint as the global OpenTelemetry when configured; call before the server
   * is built (the runtime reads the global OpenTelemetry then).
   *
   * @param mcpPort the MCP server's port (the endpoint refuses to share it), or -1 for stdio
   * @return the endpoint's URL, or null when not configured
   */
  static String install(int mcpPort) {
    String spec = System.getProperty(PROPERTY, System.getenv(ENVIRONMENT));
    if (spec == null || spec.isBlank()) {
      return null;
    }
    Endpoint at = Endpoint.parse(spec.trim());
    if (at.port() == mcpPort) {
      throw new IllegalArgumentException(PROPERTY + " must not use the MCP port " + mcpPort
          + ": the metrics endpoint has no authentication; pick another port");
    }
    if (!at.loopback()) {
      System.err.println("warning: the Prometheus endpoint on " + at.host() + " is reachable from the network and has"
          + " no authentication; keep it behind a firewall");
    }
    PrometheusHttpServer prometheus = PrometheusHttpServer.builder().setHost(at.host()).setPort(at.port()).build();
    OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
        .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(prometheus).build())
        .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
        .build();
    GlobalOpenTelemetry.set(sdk); // fails when an agent already installed one: then that one is in charge
    Runtime.getRuntime().addShutdownHook(new Thread(sdk::close, "opentelemetry-shutdown"));
    return "http://" + (at.host().contains(":") ? "[" + at.host() + "]" : at.host()) + ":" + at.port() + "/metrics";
  }

  /** Where the endpoint listens. */
  record Endpoint(String host, int port) {

    /** {@code port}, {@code host:port} or {@code [v6]:port}; the host defaults to 127.0.0.1. */
    static Endpoint parse(String spec) {
      int colon = spec.lastIndexOf(':');
      String host = colon < 0 ? "127.0.0.1" : spec.substring(0, colon).replace("[", "").replace("]", "");
      int port;
      try {
        port = Integer.parseInt(spec.substring(colon + 1));
      } catch (NumberFormatException e) {
        port = -1;
      }
      if (port < 1 || port > 65535 || host.isBlank()) {
        throw new IllegalArgumentException(PROPERTY + " / " + ENVIRONMENT + " must be [host:]port, e.g. 127.0.0.1:9464,"
            + " got '" + spec + "'");
      }
      return new Endpoint(host, port);
    }

    boolean loopback() {
      try {
        return InetAddress.getByName(host).isLoopbackAddress();
      } catch (UnknownHostException e) {
        throw new IllegalArgumentException("cannot resolve the metrics host '" + host + "'");
      }
    }
  }
}
