package dev.toolwarden.runtime.internal.feature;

import dev.toolwarden.runtime.spi.Invocation;
import java.util.Map;

/** What one admitted resource read, prompt get or completion does: call generated code and map its outcome. */
@FunctionalInterface
interface FeatureAction {

  /** The SDK result, or {@code null} for "nothing there" (a resource's not-found). */
  Object run(Object target, Map<String, Object> arguments, Invocation invocation) throws Exception;
}
