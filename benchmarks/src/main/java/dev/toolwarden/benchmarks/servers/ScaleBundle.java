package dev.toolwarden.benchmarks.servers;

import dev.toolwarden.runtime.spi.ToolBundle;
import dev.toolwarden.runtime.spi.ToolDefinition;
import dev.toolwarden.runtime.spi.ToolHints;
import dev.toolwarden.runtime.spi.ToolOutcome;
import dev.toolwarden.runtime.spi.ToolPolicy;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link #count} tools shaped exactly as a generated bundle's (constant schema text, a policy, an
 * invoker), without compiling thousands of methods: what tools/list serves does not depend on the
 * invoker's code. Tool names, descriptions and schemas match {@link BareSdk#manyTools}.
 */
public final class ScaleBundle implements ToolBundle {

  /** How many tools the next instance serves. */
  public static volatile int count = 1;

  /** The tool class; its instance is bound like any tool class. */
  public static final class Target {}

  private final int tools = count;

  @Override
  public Class<?> toolClass() {
    return Target.class;
  }

  @Override
  public List<ToolDefinition> tools() {
    List<ToolDefinition> list = new ArrayList<>(tools);
    for (int i = 0; i < tools; i++) {
      String name = "tool_" + i;
      list.add(new ToolDefinition(name, null, "Finds things, variant " + i + ".", new ToolHints(false, false, false, true),
          BareSdk.STARTUP_SCHEMA, null, new ToolPolicy(List.of("bench:scale"), null, List.of(), List.of()),
          (target, args, inv) -> ToolOutcome.text(name)));
    }
    return list;
  }
}
