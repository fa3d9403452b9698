package dev.toolwarden.runtime.internal.telemetry;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The pipeline leaves its telemetry step out only when OpenTelemetry certainly drops everything. */
class TelemetryRecordsNothingTest {

  @Test
  void noOpOpenTelemetryRecordsNothing() {
    assertTrue(Telemetry.noop().recordsNothing());
    assertTrue(Telemetry.of(OpenTelemetry.noop(), Set.of("t"), false, null).recordsNothing());
  }

  @Test
  void anSdkWithTracesOrMetricsRecords() {
    try (OpenTelemetrySdk traces = OpenTelemetrySdk.builder().setTracerProvider(SdkTracerProvider.builder().build()).build();
        OpenTelemetrySdk metrics = OpenTelemetrySdk.builder().setMeterProvider(SdkMeterProvider.builder().build()).build()) {
      assertFalse(Telemetry.of(traces, Set.of("t"), false, null).recordsNothing());
      assertFalse(Telemetry.of(metrics, Set.of("t"), false, null).recordsNothing());
    }
  }
}
