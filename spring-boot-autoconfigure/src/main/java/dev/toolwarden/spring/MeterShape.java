package dev.toolwarden.spring;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Gives Toolwarden's meters, as the OpenTelemetry bridge hands them to Micrometer, the shape its Prometheus registry
 * (what {@code /actuator/prometheus} serves) needs and the names the OpenTelemetry Prometheus exporter gives them:
 *
 * <ul>
 *   <li>every meter of one name carries the same tag keys: Micrometer's Prometheus registry drops a meter whose keys
 *       differ from the first one of its name, and a call's series has {@code error.type} only when it failed. A
 *       missing key gets the empty value, which Prometheus reads as no label;
 *   <li>units as Prometheus names them: {@code s} becomes {@code seconds}, an annotation such as {@code {call}} or the
 *       unit {@code 1} none, so that {@code toolwarden.calls} is {@code toolwarden_calls_total} and not
 *       {@code toolwarden_calls__call__total}.
 * </ul>
 *
 * Applied only to the registry that carries Toolwarden's meters ({@link MicrometerTelemetry}), never to the
 * application's own. The label keys are the instruments' of the runtime's {@code CallMetrics}.
 */
final class MeterShape implements MeterFilter {

  private static final List<String> CALL = List.of("mcp.method.name", "gen_ai.tool.name", "gen_ai.prompt.name",
      "toolwarden.outcome", "error.type");
  private static final Map<String, List<String>> TAG_KEYS = Map.of(
      "toolwarden.calls", CALL,
      "mcp.server.operation.duration", CALL,
      "toolwarden.refusals", List.of("toolwarden.reason", "gen_ai.tool.name"),
      "mcp.server.session.duration", List.of("network.transport", "network.protocol.name", "mcp.protocol.version",
          "error.type"));

  @Override
  public Meter.Id map(Meter.Id id) {
    Meter.Id shaped = id.withBaseUnit(unit(id.getBaseUnit()));
    List<String> keys = TAG_KEYS.get(id.getName());
    if (keys == null) {
      return shaped;
    }
    List<Tag> missing = new ArrayList<>();
    for (String key : keys) {
      if (id.getTag(key) == null) {
        missing.add(Tag.of(key, ""));
      }
    }
    return missing.isEmpty() ? shaped : shaped.withTags(missing);
  }

  private static String unit(String unit) {
    if (unit == null || "1".equals(unit) || unit.startsWith("{")) {
      return null;
    }
    return "s".equals(unit) ? "seconds" : unit;
  }
}
