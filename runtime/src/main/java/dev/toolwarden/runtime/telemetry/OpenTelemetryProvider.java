package dev.toolwarden.runtime.telemetry;

import io.opentelemetry.api.OpenTelemetry;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * Supplies the {@link OpenTelemetry} a server reports its spans and metrics to, from configuration alone, so that
 * adding a module to the class path and setting one value is enough (e.g. {@code toolwarden-prometheus} with
 * {@code TOOLWARDEN_METRICS_PROMETHEUS=9464}). The runtime itself depends on the OpenTelemetry API only: a provider
 * brings the SDK and its exporters.
 *
 * <p>The runtime finds providers with {@link java.util.ServiceLoader} (declare the implementation in
 * {@code META-INF/services/dev.toolwarden.runtime.telemetry.OpenTelemetryProvider}, or {@code provides} on the
 * module path) and asks them only when the server was given no OpenTelemetry in code. The first provider that
 * returns one wins; when none does, the server uses the global OpenTelemetry (the Java agent's, autoconfigure's, or
 * a no-op). A provider on the class path without its settings changes nothing.
 *
 * <p>The server owns what a provider returns: when it is {@link AutoCloseable} (as {@code OpenTelemetrySdk} is), the
 * server closes it when it stops, after its last call was answered, or when its start-up fails.
 */
public interface OpenTelemetryProvider {

  /**
   * The OpenTelemetry configured from {@code settings}, or empty when the settings this provider needs are absent.
   *
   * @param settings the server's configuration by key without the {@code toolwarden.} prefix (e.g.
   *     {@code metrics.prometheus}), resolved as everywhere else: builder value, then system property
   *     {@code toolwarden.<key>}, then environment variable {@code TOOLWARDEN_<KEY>}
   * @param mcpPort the port the server's MCP endpoint is configured to listen on over HTTP; empty over stdio or for
   *     an ephemeral port (which the system never hands out while another socket holds it)
   * @return the OpenTelemetry the server reports to
   * @throws dev.toolwarden.runtime.ToolwardenStartupException when the settings are present but malformed or
   *     unusable (e.g. a port that is the MCP port, or already taken)
   */
  Optional<OpenTelemetry> create(Function<String, Optional<String>> settings, OptionalInt mcpPort);
}
