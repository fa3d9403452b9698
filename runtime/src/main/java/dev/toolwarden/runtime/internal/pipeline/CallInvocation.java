package dev.toolwarden.runtime.internal.pipeline;

import dev.toolwarden.runtime.ToolContext;
import dev.toolwarden.runtime.internal.path.PathGuard;
import dev.toolwarden.runtime.internal.url.UrlArguments;
import dev.toolwarden.runtime.internal.url.UrlGuard;
import dev.toolwarden.runtime.spi.Invocation;
import dev.toolwarden.runtime.spi.PathRule;
import dev.toolwarden.runtime.spi.UrlRule;
import dev.toolwarden.runtime.spi.Violations;
import java.net.URI;
import java.nio.file.Path;

/** The runtime's side of one generated invocation: the context, path confinement and URL checks. */
public final class CallInvocation implements Invocation {

  private final ToolContext context;
  private final PathGuard paths;
  private final UrlGuard urls;

  public CallInvocation(ToolContext context, PathGuard paths) {
    this(context, paths, UrlGuard.system());
  }

  /** An invocation whose {@code @SafeUrl} arguments are checked by {@code urls}. */
  public CallInvocation(ToolContext context, PathGuard paths, UrlGuard urls) {
    this.context = context;
    this.paths = paths;
    this.urls = urls;
  }

  @Override
  public ToolContext context() {
    return context;
  }

  @Override
  public Path resolvePath(PathRule rule, String pointer, String raw, Violations violations) {
    return paths.resolve(rule, pointer, raw, violations);
  }

  @Override
  public URI checkUrl(UrlRule rule, String pointer, String raw, Violations violations) {
    return UrlArguments.check(urls, rule, pointer, raw, violations);
  }
}
