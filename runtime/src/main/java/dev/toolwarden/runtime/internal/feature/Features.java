package dev.toolwarden.runtime.internal.feature;

import dev.toolwarden.runtime.ToolContext;
import dev.toolwarden.runtime.ToolwardenStartupException;
import dev.toolwarden.runtime.internal.path.PathGuard;
import dev.toolwarden.runtime.internal.pipeline.CallChain;
import dev.toolwarden.runtime.internal.pipeline.Caller;
import dev.toolwarden.runtime.internal.pipeline.CallerResolver;
import dev.toolwarden.runtime.internal.pipeline.ElicitationForms;
import dev.toolwarden.runtime.internal.pipeline.Feature;
import dev.toolwarden.runtime.internal.resource.UriResolver;
import dev.toolwarden.runtime.internal.resource.UriTemplate;
import dev.toolwarden.runtime.internal.server.Bound;
import dev.toolwarden.runtime.internal.server.BoundFeatures;
import dev.toolwarden.runtime.internal.url.UrlGuard;
import dev.toolwarden.runtime.spi.CompletionDefinition;
import dev.toolwarden.runtime.spi.PromptArgument;
import dev.toolwarden.runtime.spi.PromptDefinition;
import dev.toolwarden.runtime.spi.ResourceDefinition;
import dev.toolwarden.runtime.spi.ResourceTemplateDefinition;
import dev.toolwarden.runtime.spi.ToolPolicy;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpStatelessServerFeatures;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.util.McpUriTemplateManagerFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The annotated resources, resource templates, prompts and completions of a server, checked and ready to register
 * with the SDK: each one's handler runs the tools' pipeline ({@link FeatureRunner}); {@link #scopes()} is what the
 * HTTP layer's step-up check and the list filters read.
 */
public final class Features {

  private final List<McpServerFeatures.SyncResourceSpecification> resources = new ArrayList<>();
  private final List<McpServerFeatures.SyncResourceTemplateSpecification> templates = new ArrayList<>();
  private final List<McpServerFeatures.SyncPromptSpecification> prompts = new ArrayList<>();
  private final List<McpServerFeatures.SyncCompletionSpecification> completions = new ArrayList<>();
  private final List<McpStatelessServerFeatures.SyncResourceSpecification> statelessResources = new ArrayList<>();
  private final List<McpStatelessServerFeatures.SyncResourceTemplateSpecification> statelessTemplates =
      new ArrayList<>();
  private final List<McpStatelessServerFeatures.SyncPromptSpecification> statelessPrompts = new ArrayList<>();
  private final List<McpStatelessServerFeatures.SyncCompletionSpecification> statelessCompletions =
      new ArrayList<>();
  private final List<String> sessionKeyed = new ArrayList<>();
  private final Map<String, PromptGets> promptGets = new LinkedHashMap<>();
  private FeatureScopes scopes;
  private UriTemplateManagers uriTemplates;

  private Features() {}

  /**
   * Checks and builds the features of {@code bound}.
   *
   * @param passthrough the names and URIs the SDK passthrough ({@code .resources(..)} etc.) already serves
   * @param forms the generated elicitation forms (a prompt may ask the user through its {@code ToolContext})
   * @throws ToolwardenStartupException naming the element and the fix
   */
  public static Features assemble(BoundFeatures bound, Passthrough passthrough, CallChain chain,
      CallerResolver callers, PathGuard paths, UrlGuard urls, McpJsonMapper json, ElicitationForms forms) {
    FeatureChecks.check(bound, passthrough);
    FeatureRunner runner = new FeatureRunner(chain, callers, paths, urls, forms);
    UriResolver.Builder<ResourceReads.Entry> uris = UriResolver.builder();
    Map<String, ResourceReads.Entry> entries = new LinkedHashMap<>();
    Map<String, UriTemplate> compiled = new LinkedHashMap<>();
    Map<String, List<String>> resourceScopes = new LinkedHashMap<>();
    Map<String, List<String>> promptScopes = new LinkedHashMap<>();
    List<String> sessionKeyed = new ArrayList<>();
    for (Bound<ResourceDefinition> b : bound.resources()) {
      ResourceDefinition d = b.definition();
      ResourceReads.Entry e = new ResourceReads.Entry(Served.of(Feature.RESOURCE, d.uri(), d.policy(), b.target()),
          d.reader(), d.mimeType(), ArgumentTypes.of("{}", json));
      uris.fixed(d.uri(), e);
      entries.put(d.uri(), e);
      compiled.put(d.uri(), UriTemplate.compile(d.uri()));
      resourceScopes.put(d.uri(), d.policy().scopes());
      sessionKeyed(d.policy(), "resource '" + d.uri() + "'", sessionKeyed);
    }
    for (Bound<ResourceTemplateDefinition> b : bound.templates()) {
      ResourceTemplateDefinition d = b.definition();
      ResourceReads.Entry e = new ResourceReads.Entry(
          Served.of(Feature.RESOURCE, d.uriTemplate(), d.policy(), b.target()), d.reader(), d.mimeType(),
          ArgumentTypes.of(d.variablesSchema(), json));
      UriTemplate t = UriTemplate.compile(d.uriTemplate());
      uris.template(t, e);
      entries.put(d.uriTemplate(), e);
      compiled.put(d.uriTemplate(), t);
      resourceScopes.put(d.uriTemplate(), d.policy().scopes());
      sessionKeyed(d.policy(), "resource template '" + d.uriTemplate() + "'", sessionKeyed);
    }
    Features f = new Features();
    UriResolver<ResourceReads.Entry> resolver = uris.build();
    ResourceReads reads = new ResourceReads(resolver, runner, json);
    for (Bound<ResourceDefinition> b : bound.resources()) {
      ResourceDefinition d = b.definition();
      McpSchema.Resource r = McpSchema.Resource.builder(d.uri(), d.name()).title(d.title())
          .description(d.description()).mimeType(d.mimeType()).build();
      f.resources.add(new McpServerFeatures.SyncResourceSpecification(r, (ex, req) -> reads.read(ex, null, req)));
      f.statelessResources.add(new McpStatelessServerFeatures.SyncResourceSpecification(r,
          (ctx, req) -> reads.read(null, ctx, req)));
    }
    for (Bound<ResourceTemplateDefinition> b : bound.templates()) {
      ResourceTemplateDefinition d = b.definition();
      McpSchema.ResourceTemplate t = McpSchema.ResourceTemplate.builder(d.uriTemplate(), d.name())
          .title(d.title()).description(d.description()).mimeType(d.mimeType()).build();
      f.templates.add(new McpServerFeatures.SyncResourceTemplateSpecification(t,
          (ex, req) -> reads.read(ex, null, req)));
      f.statelessTemplates.add(new McpStatelessServerFeatures.SyncResourceTemplateSpecification(t,
          (ctx, req) -> reads.read(null, ctx, req)));
    }
    Map<String, PromptDefinition> promptsByName = new LinkedHashMap<>();
    for (Bound<PromptDefinition> b : bound.prompts()) {
      PromptDefinition d = b.definition();
      promptsByName.put(d.name(), d);
      PromptGets gets = new PromptGets(d, Served.of(Feature.PROMPT, d.name(), d.policy(), b.target()),
          ArgumentTypes.of(d.argumentsSchema(), json), runner);
      List<McpSchema.PromptArgument> args = new ArrayList<>();
      for (PromptArgument a : d.arguments()) {
        args.add(McpSchema.PromptArgument.builder(a.name()).title(a.title()).description(a.description())
            .required(a.required()).build());
      }
      McpSchema.Prompt p = McpSchema.Prompt.builder(d.name()).title(d.title()).description(d.description())
          .arguments(args).build();
      f.prompts.add(new McpServerFeatures.SyncPromptSpecification(p, (ex, req) -> gets.get(ex, null, req)));
      f.statelessPrompts.add(new McpStatelessServerFeatures.SyncPromptSpecification(p,
          (ctx, req) -> gets.get(null, ctx, req)));
      f.promptGets.put(d.name(), gets);
      promptScopes.put(d.name(), d.policy().scopes());
      sessionKeyed(d.policy(), "prompt '" + d.name() + "'", sessionKeyed);
    }
    Map<McpSchema.CompleteReference, Map<String, Completions.Entry>> byRef = new LinkedHashMap<>();
    Map<String, List<String>> completionScopes = new LinkedHashMap<>();
    for (Bound<CompletionDefinition> b : bound.completions()) {
      CompletionDefinition d = b.definition();
      boolean prompt = d.refKind() == CompletionDefinition.RefKind.PROMPT;
      ToolPolicy referred = prompt ? promptsByName.get(d.ref()).policy() : entries.get(d.ref()).served().definition()
          .policy();
      ToolPolicy merged = merge(d.policy(), referred);
      String key = FeatureScopes.completionKey(prompt, d.ref());
      Served served = Served.of(Feature.COMPLETION, key + "#" + d.argument(), merged, b.target());
      McpSchema.CompleteReference ref = prompt ? new McpSchema.PromptReference(d.ref())
          : new McpSchema.ResourceReference(d.ref());
      byRef.computeIfAbsent(ref, r -> new LinkedHashMap<>()).put(d.argument(), new Completions.Entry(d, served));
      completionScopes.put(key + "#" + d.argument(), merged.scopes());
      sessionKeyed(d.policy(), "completion " + key + "#" + d.argument(), sessionKeyed);
    }
    Map<McpSchema.CompleteReference, Served> fallbacks = new LinkedHashMap<>();
    if (!byRef.isEmpty()) {
      // completion/complete is served: every annotated prompt and template answers it through its own scope check,
      // also for an argument (or a whole prompt or template) without @McpComplete, never an unchecked empty list
      for (Bound<PromptDefinition> b : bound.prompts()) {
        PromptDefinition d = b.definition();
        McpSchema.CompleteReference ref = new McpSchema.PromptReference(d.name());
        byRef.computeIfAbsent(ref, r -> new LinkedHashMap<>());
        fallbacks.put(ref, unlisted(FeatureScopes.completionKey(true, d.name()), d.policy(), b.target()));
      }
      for (Bound<ResourceTemplateDefinition> b : bound.templates()) {
        ResourceTemplateDefinition d = b.definition();
        McpSchema.CompleteReference ref = new McpSchema.ResourceReference(d.uriTemplate());
        byRef.computeIfAbsent(ref, r -> new LinkedHashMap<>());
        fallbacks.put(ref, unlisted(FeatureScopes.completionKey(false, d.uriTemplate()), d.policy(), b.target()));
      }
    }
    for (Map.Entry<McpSchema.CompleteReference, Map<String, Completions.Entry>> e : byRef.entrySet()) {
      Completions c = new Completions(e.getValue(), fallbacks.get(e.getKey()), runner);
      f.completions.add(new McpServerFeatures.SyncCompletionSpecification(e.getKey(),
          (ex, req) -> c.complete(ex, null, req)));
      f.statelessCompletions.add(new McpStatelessServerFeatures.SyncCompletionSpecification(e.getKey(),
          (ctx, req) -> c.complete(null, ctx, req)));
    }
    f.scopes = new FeatureScopes(resourceScopes, promptScopes, completionScopes, resolver, passthrough);
    f.uriTemplates = new UriTemplateManagers(resolver, entries, compiled);
    f.sessionKeyed.addAll(sessionKeyed);
    return f;
  }

  /** A completion needs its own scopes and those of the prompt or template it completes; its own rate limit. */
  private static ToolPolicy merge(ToolPolicy own, ToolPolicy referred) {
    List<String> scopes = new ArrayList<>(own.scopes());
    referred.scopes().stream().filter(s -> !scopes.contains(s)).forEach(scopes::add);
    List<String> redacted = new ArrayList<>(own.redacted());
    referred.redacted().stream().filter(s -> !redacted.contains(s)).forEach(redacted::add);
    return new ToolPolicy(scopes, own.rateLimit(), own.safePaths(), redacted);
  }

  /**
   * What a completion of an argument without {@code @McpComplete} runs as: the scopes and redactions of the prompt or
   * template it names ({@code referred}), no rate limit, no path rules (nothing runs).
   */
  private static Served unlisted(String key, ToolPolicy referred, Object target) {
    return Served.of(Feature.COMPLETION, key, new ToolPolicy(referred.scopes(), null, List.of(), referred.redacted()),
        target);
  }

  private static void sessionKeyed(ToolPolicy policy, String what, List<String> out) {
    if (policy.rateLimit() != null && "SESSION".equals(policy.rateLimit().key())) {
      out.add(what);
    }
  }

  /** The names of the SDK passthrough features, to refuse an annotated feature that takes the same one. */
  public record Passthrough(Set<String> resourceUris, Set<String> templates, Set<String> prompts) {}

  /** The SDK resource specifications (each pointing at the one dispatching handler). */
  public List<McpServerFeatures.SyncResourceSpecification> resources() {
    return resources;
  }

  /** The SDK resource template specifications. */
  public List<McpServerFeatures.SyncResourceTemplateSpecification> templates() {
    return templates;
  }

  /** The SDK prompt specifications. */
  public List<McpServerFeatures.SyncPromptSpecification> prompts() {
    return prompts;
  }

  /** The SDK completion specifications, one per reference. */
  public List<McpServerFeatures.SyncCompletionSpecification> completions() {
    return completions;
  }

  /** The stateless server's resource specifications. */
  public List<McpStatelessServerFeatures.SyncResourceSpecification> statelessResources() {
    return statelessResources;
  }

  /** The stateless server's resource template specifications. */
  public List<McpStatelessServerFeatures.SyncResourceTemplateSpecification> statelessTemplates() {
    return statelessTemplates;
  }

  /** The stateless server's prompt specifications. */
  public List<McpStatelessServerFeatures.SyncPromptSpecification> statelessPrompts() {
    return statelessPrompts;
  }

  /** The stateless server's completion specifications. */
  public List<McpStatelessServerFeatures.SyncCompletionSpecification> statelessCompletions() {
    return statelessCompletions;
  }

  /**
   * {@code prompts/get} of an annotated prompt with a context the caller makes (MCP 2026-07-28: a prompt that asks for
   * input ends its round with an {@code InputRequiredResult}), through the same pipeline as the stateless handler.
   *
   * @param transport the transport context (the verified caller)
   * @param request the request
   * @param contexts the prompt's {@link ToolContext}: {@code shape} names the prompt, for the caller, with the forms
   * @return the result, or null when no annotated prompt has the request's name
   * @throws io.modelcontextprotocol.spec.McpError the refusal or failure, safe to send
   */
  public McpSchema.GetPromptResult getPrompt(McpTransportContext transport, McpSchema.GetPromptRequest request,
      PromptContexts contexts) {
    PromptGets gets = request.name() == null ? null : promptGets.get(request.name());
    return gets == null ? null : gets.get(transport, request, contexts);
  }

  /** Makes the {@link ToolContext} of one prompt request. */
  @FunctionalInterface
  public interface PromptContexts {
    /**
     * The context of a request for {@code shape.name()} by {@code caller}.
     *
     * @param shape the prompt's name and the request's {@code _meta}, shaped as the call a context describes
     * @param caller who asks
     * @param forms the server's elicitation forms
     * @return the context
     */
    ToolContext make(McpSchema.CallToolRequest shape, Caller caller, ElicitationForms forms);
  }

  /** The scopes each feature needs, by what a request names. */
  public FeatureScopes scopes() {
    return scopes;
  }

  /** The template matching the SDK must use (see {@link UriTemplateManagers}). */
  public McpUriTemplateManagerFactory uriTemplates() {
    return uriTemplates;
  }

  /** The features with a {@code SESSION}-keyed rate limit, as {@code resource 'uri'} etc. (stateless refuses them). */
  public List<String> sessionKeyed() {
    return sessionKeyed;
  }

  /** Whether any resource or template is served. */
  public boolean hasResources() {
    return !resources.isEmpty() || !templates.isEmpty();
  }
}
