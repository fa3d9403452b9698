package dev.toolwarden.runtime.testtools;

import dev.toolwarden.runtime.spi.RateLimitPolicy;
import dev.toolwarden.runtime.spi.ToolBundle;
import dev.toolwarden.runtime.spi.ToolDefinition;
import dev.toolwarden.runtime.spi.ToolHints;
import dev.toolwarden.runtime.spi.ToolOutcome;
import dev.toolwarden.runtime.spi.ToolPolicy;
import java.util.List;

/** Shaped like generated code for {@link LimitedTools}. */
public final class LimitedToolsBundle implements ToolBundle {

  private static final ToolHints HINTS = new ToolHints(true, false, true, false);

  @Override
  public Class<?> toolClass() {
    return LimitedTools.class;
  }

  @Override
  public List<ToolDefinition> tools() {
    return List.of(
        new ToolDefinition("per_caller", null, "3 calls a minute per principal", HINTS, PolicyToolsBundle.EMPTY, null,
            new ToolPolicy(List.of(), new RateLimitPolicy(3, 60_000, "PRINCIPAL"), List.of(), List.of()),
            (t, a, i) -> ToolOutcome.text(((LimitedTools) t).limited())),
        new ToolDefinition("for_everyone", null, "2 calls a minute for everyone", HINTS, PolicyToolsBundle.EMPTY, null,
            new ToolPolicy(List.of(), new RateLimitPolicy(2, 60_000, "GLOBAL"), List.of(), List.of()),
            (t, a, i) -> ToolOutcome.text(((LimitedTools) t).limited())));
  }
}
