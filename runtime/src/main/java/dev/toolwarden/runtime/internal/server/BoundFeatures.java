package dev.toolwarden.runtime.internal.server;

import dev.toolwarden.runtime.spi.CompletionDefinition;
import dev.toolwarden.runtime.spi.PromptDefinition;
import dev.toolwarden.runtime.spi.ResourceDefinition;
import dev.toolwarden.runtime.spi.ResourceTemplateDefinition;
import java.util.List;

/**
 * Everything the bound bundles serve: tools, and the resources, resource templates, prompts and completions of the
 * same classes, each on its bundle's instance. Templates are in precedence order for ties (bundles by class name,
 * methods in declaration order).
 */
public record BoundFeatures(List<BoundTool> tools, List<Bound<ResourceDefinition>> resources,
    List<Bound<ResourceTemplateDefinition>> templates, List<Bound<PromptDefinition>> prompts,
    List<Bound<CompletionDefinition>> completions) {

  /** Copies the lists. */
  public BoundFeatures {
    tools = List.copyOf(tools);
    resources = List.copyOf(resources);
    templates = List.copyOf(templates);
    prompts = List.copyOf(prompts);
    completions = List.copyOf(completions);
  }

  /** Whether any resource or resource template is served. */
  public boolean hasResources() {
    return !resources.isEmpty() || !templates.isEmpty();
  }
}
