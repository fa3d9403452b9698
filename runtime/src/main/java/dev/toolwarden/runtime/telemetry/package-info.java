/**
 * Where a server's traces and metrics go when the application configures nothing in code:
 * {@link dev.toolwarden.runtime.telemetry.OpenTelemetryProvider}, found by {@link java.util.ServiceLoader} (e.g.
 * {@code toolwarden-prometheus}, a Prometheus text endpoint turned on by {@code toolwarden.metrics.prometheus}).
 */
package dev.toolwarden.runtime.telemetry;
