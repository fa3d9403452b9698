package dev.toolwarden.runtime.testtools;

import dev.toolwarden.runtime.spi.ToolBundle;
import dev.toolwarden.runtime.spi.ToolDefinition;
import dev.toolwarden.runtime.spi.ToolHints;
import dev.toolwarden.runtime.spi.ToolOutcome;
import dev.toolwarden.runtime.spi.ToolPolicy;
import java.util.List;

public final class BadSchemaToolsBundle implements ToolBundle {

  @Override
  public Class<?> toolClass() {
    return BadSchemaTools.class;
  }

  @Override
  public List<ToolDefinition> tools() {
    return List.of(new ToolDefinition("bad_schema", null, "Schema with an unknown type",
        new ToolHints(true, false, true, false),
        "{\"type\":\"object\",\"properties\":{\"x\":{\"type\":\"strange\"}}}", null,
        new ToolPolicy(List.of(), null, List.of(), List.of()), (t, a, i) -> ToolOutcome.empty()));
  }
}
