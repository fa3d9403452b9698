package dev.toolwarden.runtime.internal.feature;

import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What {@code resources/list}, {@code resources/templates/list} and {@code prompts/list} show a caller: the annotated
 * ones whose scopes it holds (as {@code tools/list} shows only the tools it may call), then the SDK passthrough ones
 * (no policy, always listed). A view only: the scope checks before the SDK and in the pipeline are the access control.
 */
public final class FeatureLists {

  private final Features features;
  private final List<McpSchema.Resource> passthroughResources = new ArrayList<>();
  private final List<McpSchema.ResourceTemplate> passthroughTemplates = new ArrayList<>();
  private final List<McpSchema.Prompt> passthroughPrompts = new ArrayList<>();

  /** The lists of {@code features} and the passthrough specifications. */
  public FeatureLists(Features features, List<McpServerFeatures.SyncResourceSpecification> resources,
      List<McpServerFeatures.SyncResourceTemplateSpecification> templates,
      List<McpServerFeatures.SyncPromptSpecification> prompts) {
    this.features = features;
    resources.forEach(r -> passthroughResources.add(r.resource()));
    templates.forEach(t -> passthroughTemplates.add(t.resourceTemplate()));
    prompts.forEach(p -> passthroughPrompts.add(p.prompt()));
  }

  /** Whether there are annotated features whose listing depends on scopes. */
  public boolean hasAnnotated() {
    return !features.scopes().isEmpty();
  }

  /** The resources {@code granted} may read. */
  public List<McpSchema.Resource> resources(Set<String> granted) {
    List<McpSchema.Resource> out = new ArrayList<>();
    for (var spec : features.resources()) {
      if (granted.containsAll(features.scopes().forListed(spec.resource().uri()))) {
        out.add(spec.resource());
      }
    }
    out.addAll(passthroughResources);
    return out;
  }

  /** The resource templates {@code granted} may read. */
  public List<McpSchema.ResourceTemplate> templates(Set<String> granted) {
    List<McpSchema.ResourceTemplate> out = new ArrayList<>();
    for (var spec : features.templates()) {
      if (granted.containsAll(features.scopes().forListed(spec.resourceTemplate().uriTemplate()))) {
        out.add(spec.resourceTemplate());
      }
    }
    out.addAll(passthroughTemplates);
    return out;
  }

  /** The prompts {@code granted} may get. */
  public List<McpSchema.Prompt> prompts(Set<String> granted) {
    List<McpSchema.Prompt> out = new ArrayList<>();
    for (var spec : features.prompts()) {
      if (granted.containsAll(features.scopes().forPrompt(spec.prompt().name()))) {
        out.add(spec.prompt());
      }
    }
    out.addAll(passthroughPrompts);
    return out;
  }
}
