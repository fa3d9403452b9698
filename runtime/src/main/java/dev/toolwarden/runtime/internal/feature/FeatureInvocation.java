package dev.toolwarden.runtime.internal.feature;

import dev.toolwarden.runtime.ToolContext;
import dev.toolwarden.runtime.internal.pipeline.CallInvocation;
import dev.toolwarden.runtime.spi.Invocation;
import dev.toolwarden.runtime.spi.PathRule;
import dev.toolwarden.runtime.spi.UrlRule;
import dev.toolwarden.runtime.spi.Violations;
import java.net.URI;
import java.nio.file.Path;

/**
 * The invocation of one resource read, prompt get or completion: what generated code gets ({@link CallInvocation}'s
 * context, path confinement and URL checks), plus the slot where the pipeline's last step leaves the SDK result, so
 * the tools' pipeline carries these requests unchanged.
 */
final class FeatureInvocation implements Invocation {

  private final CallInvocation delegate;
  private final FeatureAction action;
  private Object result;
  private boolean notFound;

  FeatureInvocation(CallInvocation delegate, FeatureAction action) {
    this.delegate = delegate;
    this.action = action;
  }

  /** Runs the action (called by the pipeline's invoke step, after every policy admitted the request). */
  void perform(Object target, java.util.Map<String, Object> arguments) throws Exception {
    result = action.run(target, arguments, this);
    notFound = result == null;
  }

  Object result() {
    return result;
  }

  boolean notFound() {
    return notFound;
  }

  @Override
  public ToolContext context() {
    return delegate.context();
  }

  @Override
  public Path resolvePath(PathRule rule, String pointer, String raw, Violations violations) {
    return delegate.resolvePath(rule, pointer, raw, violations);
  }

  @Override
  public URI checkUrl(UrlRule rule, String pointer, String raw, Violations violations) {
    return delegate.checkUrl(rule, pointer, raw, violations);
  }
}
