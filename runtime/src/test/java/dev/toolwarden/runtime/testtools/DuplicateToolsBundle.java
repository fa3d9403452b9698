package dev.toolwarden.runtime.testtools;

import dev.toolwarden.runtime.spi.ToolBundle;
import dev.toolwarden.runtime.spi.ToolDefinition;
import dev.toolwarden.runtime.spi.ToolHints;
import dev.toolwarden.runtime.spi.ToolOutcome;
import dev.toolwarden.runtime.spi.ToolPolicy;
import java.util.List;

public final class DuplicateToolsBundle implements ToolBundle {

  @Override
  public Class<?> toolClass() {
    return DuplicateTools.class;
  }

  @Override
  public List<ToolDefinition> tools() {
    return List.of(new ToolDefinition("echo", null, "Same name as EchoTools.echo", new ToolHints(true, false, true, false),
        EchoToolsBundle.EMPTY_SCHEMA, null, new ToolPolicy(List.of(), null, List.of(), List.of()),
        (t, a, i) -> ToolOutcome.text("duplicate")));
  }
}
