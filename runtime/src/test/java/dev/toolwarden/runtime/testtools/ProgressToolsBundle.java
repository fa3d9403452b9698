package dev.toolwarden.runtime.testtools;

import dev.toolwarden.runtime.spi.ToolBundle;
import dev.toolwarden.runtime.spi.ToolDefinition;
import dev.toolwarden.runtime.spi.ToolHints;
import dev.toolwarden.runtime.spi.ToolOutcome;
import dev.toolwarden.runtime.spi.ToolPolicy;
import java.util.List;

/** Shaped like generated code for {@link ProgressTools}. */
public final class ProgressToolsBundle implements ToolBundle {

  private static final ToolHints HINTS = new ToolHints(true, false, true, false);

  @Override
  public Class<?> toolClass() {
    return ProgressTools.class;
  }

  @Override
  public List<ToolDefinition> tools() {
    return List.of(
        new ToolDefinition("steps", null, "Reports progress, some of it not increasing", HINTS,
            PolicyToolsBundle.EMPTY, null, new ToolPolicy(List.of(), null, List.of(), List.of()),
            (t, a, i) -> ToolOutcome.text(((ProgressTools) t).steps(i.context()))));
  }
}
