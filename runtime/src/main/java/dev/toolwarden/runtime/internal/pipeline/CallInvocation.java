package dev.toolwarden.runtime.internal.pipeline;

import dev.toolwarden.runtime.ToolContext;
import dev.toolwarden.runtime.internal.path.PathGuard;
import dev.toolwarden.runtime.spi.Invocation;
import dev.toolwarden.runtime.spi.PathRule;
import dev.toolwarden.runtime.spi.Violations;
import java.nio.file.Path;

/** The runtime's side of one generated invocation: the context and path confinement. */
public final class CallInvocation implements Invocation {

  private final ToolContext context;
  private final PathGuard paths;

  public CallInvocation(ToolContext context, PathGuard paths) {
    this.context = context;
    this.paths = paths;
  }

  @Override
  public ToolContext context() {
    return context;
  }

  @Override
  public Path resolvePath(PathRule rule, String pointer, String raw, Violations violations) {
    return paths.resolve(rule, pointer, raw, violations);
  }
}
