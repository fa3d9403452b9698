package dev.toolwarden.prometheus;

import dev.toolwarden.runtime.spi.ToolBundle;
import dev.toolwarden.runtime.spi.ToolDefinition;
import dev.toolwarden.runtime.spi.ToolHints;
import dev.toolwarden.runtime.spi.ToolOutcome;
import dev.toolwarden.runtime.spi.ToolPolicy;
import java.util.List;

/** Shaped like generated code for {@link PingTools}: {@code ping}, free, and {@code admin_ping}, which needs scope {@code admin}. */
public final class PingToolsBundle implements ToolBundle {

  private static final String EMPTY = "{\"type\":\"object\",\"properties\":{},\"additionalProperties\":false}";
  private static final ToolHints HINTS = new ToolHints(true, false, true, false);

  @Override
  public Class<?> toolClass() {
    return PingTools.class;
  }

  @Override
  public List<ToolDefinition> tools() {
    return List.of(
        new ToolDefinition("ping", null, "answers pong", HINTS, EMPTY, null,
            new ToolPolicy(List.of(), null, List.of(), List.of()), (t, a, i) -> ToolOutcome.text(((PingTools) t).ping())),
        new ToolDefinition("admin_ping", null, "answers pong to admins", HINTS, EMPTY, null,
            new ToolPolicy(List.of("admin"), null, List.of(), List.of()),
            (t, a, i) -> ToolOutcome.text(((PingTools) t).ping())));
  }
}
