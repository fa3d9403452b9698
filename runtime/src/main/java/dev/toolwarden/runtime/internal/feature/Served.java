package dev.toolwarden.runtime.internal.feature;

import dev.toolwarden.runtime.internal.audit.ArgumentRedactor;
import dev.toolwarden.runtime.internal.pipeline.Feature;
import dev.toolwarden.runtime.spi.ToolDefinition;
import dev.toolwarden.runtime.spi.ToolHints;
import dev.toolwarden.runtime.spi.ToolOutcome;
import dev.toolwarden.runtime.spi.ToolPolicy;

/**
 * One resource, template, prompt or completion as the pipeline sees it: a tool-shaped definition carrying its name,
 * its policy and an invoker that runs the request's {@link FeatureAction}, plus the instance and the redactions.
 *
 * @param feature what kind of request it serves
 * @param definition the tool-shaped definition the pipeline's steps read
 * @param target the bound instance
 * @param redactor the {@code @Redact} input pointers (variables, prompt arguments)
 */
record Served(Feature feature, ToolDefinition definition, Object target, ArgumentRedactor redactor) {

  private static final ToolHints HINTS = new ToolHints(true, false, true, false);

  /** {@code name} (the audit's {@code target}) under {@code policy}, running on {@code target}. */
  static Served of(Feature feature, String name, ToolPolicy policy, Object target) {
    ToolDefinition def = new ToolDefinition(name, null, null, HINTS, "{}", null, policy, (t, args, inv) -> {
      ((FeatureInvocation) inv).perform(t, args);
      return ToolOutcome.empty();
    });
    return new Served(feature, def, target, ArgumentRedactor.of(policy.redacted()));
  }

  /** The served name: template, fixed URI, prompt name or completion reference. */
  String name() {
    return definition.name();
  }
}
