package dev.toolwarden.redis;

import dev.toolwarden.runtime.spi.RateLimitPolicy;
import dev.toolwarden.runtime.spi.ToolBundle;
import dev.toolwarden.runtime.spi.ToolDefinition;
import dev.toolwarden.runtime.spi.ToolHints;
import dev.toolwarden.runtime.spi.ToolOutcome;
import dev.toolwarden.runtime.spi.ToolPolicy;
import java.util.List;

/** Shaped like generated code for {@link LimitedTools}: {@code @RateLimit(permits = 20, per = "1h", key = GLOBAL)} and 5/h per principal. */
public final class LimitedToolsBundle implements ToolBundle {

  static final String EMPTY = "{\"type\":\"object\",\"properties\":{},\"additionalProperties\":false}";
  static final int GLOBAL_PERMITS = 20;
  static final int PRINCIPAL_PERMITS = 5;
  private static final ToolHints HINTS = new ToolHints(true, false, true, false);

  @Override
  public Class<?> toolClass() {
    return LimitedTools.class;
  }

  @Override
  public List<ToolDefinition> tools() {
    return List.of(
        new ToolDefinition("limited_global", null, GLOBAL_PERMITS + " calls an hour for everyone", HINTS, EMPTY, null,
            new ToolPolicy(List.of(), new RateLimitPolicy(GLOBAL_PERMITS, 3_600_000, "GLOBAL"), List.of(), List.of()),
            (t, a, i) -> ToolOutcome.text(((LimitedTools) t).work())),
        new ToolDefinition("limited", null, PRINCIPAL_PERMITS + " calls an hour per principal", HINTS, EMPTY, null,
            new ToolPolicy(List.of(), new RateLimitPolicy(PRINCIPAL_PERMITS, 3_600_000, "PRINCIPAL"), List.of(), List.of()),
            (t, a, i) -> ToolOutcome.text(((LimitedTools) t).work())),
        new ToolDefinition("unlimited", null, "no limit", HINTS, EMPTY, null,
            new ToolPolicy(List.of(), null, List.of(), List.of()),
            (t, a, i) -> ToolOutcome.text(((LimitedTools) t).work())));
  }
}
