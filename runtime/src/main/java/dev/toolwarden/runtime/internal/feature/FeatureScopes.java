package dev.toolwarden.runtime.internal.feature;

import dev.toolwarden.runtime.internal.resource.UriResolver;
import io.modelcontextprotocol.util.DefaultMcpUriTemplateManagerFactory;
import io.modelcontextprotocol.util.McpUriTemplateManager;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The scopes each annotated resource, template, prompt and completion needs, looked up by what a request names: the
 * URI a {@code resources/read} reads (resolved exactly as the read will be), a prompt name, a completion reference.
 * The HTTP layer's step-up check and the list filters read these; the pipeline's scope check enforces the same.
 */
public final class FeatureScopes {

  private final Map<String, List<String>> resources;
  private final Map<String, List<String>> prompts;
  private final Map<String, List<String>> completions;
  private final UriResolver<ResourceReads.Entry> resolver;
  private final Set<String> all;
  private final Features.Passthrough passthrough;
  private final List<McpUriTemplateManager> passthroughTemplates;

  FeatureScopes(Map<String, List<String>> resources, Map<String, List<String>> prompts,
      Map<String, List<String>> completions, UriResolver<ResourceReads.Entry> resolver,
      Features.Passthrough passthrough) {
    this.passthrough = passthrough;
    var sdk = new DefaultMcpUriTemplateManagerFactory();
    this.passthroughTemplates = passthrough.templates().stream().map(sdk::create).toList();
    this.resources = Map.copyOf(resources);
    this.prompts = Map.copyOf(prompts);
    this.completions = Map.copyOf(completions);
    this.resolver = resolver;
    Set<String> union = new LinkedHashSet<>();
    resources.values().forEach(union::addAll);
    prompts.values().forEach(union::addAll);
    completions.values().forEach(union::addAll);
    this.all = Set.copyOf(union);
  }

  /** No features: nothing needs a scope. */
  public static FeatureScopes none() {
    return new FeatureScopes(Map.of(), Map.of(), Map.of(), UriResolver.<ResourceReads.Entry>builder().build(),
        new Features.Passthrough(Set.of(), Set.of(), Set.of()));
  }

  /** {@code prompt:<name>} or {@code template:<uri template>}: how a completion's reference is keyed. */
  static String completionKey(boolean prompt, String ref) {
    return (prompt ? "prompt:" : "template:") + ref;
  }

  /** The scopes a {@code resources/read} of {@code uri} needs, or null when no annotated resource serves it. */
  public List<String> forRead(String uri) {
    UriResolver.Match<ResourceReads.Entry> m = resolver.resolve(uri);
    return m == null ? null : m.value().served().definition().policy().scopes();
  }

  /** The scopes of the fixed resource or template listed under {@code uriOrTemplate}, or null when not ours. */
  public List<String> forListed(String uriOrTemplate) {
    return resources.get(uriOrTemplate);
  }

  /** The scopes {@code prompts/get} of {@code name} needs, or null when no annotated prompt has that name. */
  public List<String> forPrompt(String name) {
    return prompts.get(name);
  }

  /**
   * The scopes a {@code completion/complete} needs: the completion's own and those of what it completes; for an
   * argument without {@code @McpComplete}, the prompt's or template's; null when the reference is not ours.
   */
  public List<String> forCompletion(boolean prompt, String ref, String argument) {
    String key = completionKey(prompt, ref);
    List<String> own = completions.get(key + "#" + argument);
    if (own != null) {
      return own;
    }
    return prompt ? prompts.get(ref) : resources.get(ref);
  }

  /** The template or fixed URI that serves {@code uri} (what refusals and the audit name), or null. */
  public String servedBy(String uri) {
    UriResolver.Match<ResourceReads.Entry> m = resolver.resolve(uri);
    return m == null ? null : m.value().served().name();
  }

  /** Whether an SDK passthrough resource or template (no policy) serves {@code uri}. */
  public boolean isPassthroughRead(String uri) {
    if (passthrough.resourceUris().contains(uri)) {
      return true;
    }
    for (McpUriTemplateManager t : passthroughTemplates) {
      try {
        if (t.matches(uri)) {
          return true;
        }
      } catch (RuntimeException e) { // NOPMD: the SDK's matcher on a client's URI: no match
        continue;
      }
    }
    return false;
  }

  /** Whether {@code name} is an SDK passthrough prompt (no policy). */
  public boolean isPassthroughPrompt(String name) {
    return passthrough.prompts().contains(name);
  }

  /** Every scope any feature needs. */
  public Set<String> all() {
    return all;
  }

  /** Whether there is no annotated feature at all. */
  public boolean isEmpty() {
    return resources.isEmpty() && prompts.isEmpty() && completions.isEmpty();
  }
}
