package dev.toolwarden.runtime.internal.protocol2026;

import dev.toolwarden.runtime.internal.feature.FeatureScopes;
import dev.toolwarden.runtime.internal.pipeline.Cancellation;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpStatelessServerFeatures;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The annotated resources, templates, prompts and completions in the modern era: the stateless specifications the
 * SDK's stateless server is given ({@code Features.stateless*()}), called the same way, so their pipeline (scopes,
 * rate limit, validation, {@code @SafePath}, redaction, audit) is the one of every other era. The SDK passthrough
 * features of the builder take a session exchange and are not served here.
 */
final class ModernFeatures {

  private ModernFeatures() {}

  /** The annotated resources {@code granted} may read (all of them when lists are not filtered). */
  static List<McpSchema.Resource> resources(Catalogue c, Set<String> granted) {
    FeatureScopes scopes = c.features().scopes();
    List<McpSchema.Resource> out = new ArrayList<>();
    for (McpStatelessServerFeatures.SyncResourceSpecification s : c.features().statelessResources()) {
      if (!c.filtered() || granted.containsAll(orNone(scopes.forListed(s.resource().uri())))) {
        out.add(s.resource());
      }
    }
    return out;
  }

  /** The annotated resource templates {@code granted} may read. */
  static List<McpSchema.ResourceTemplate> templates(Catalogue c, Set<String> granted) {
    FeatureScopes scopes = c.features().scopes();
    List<McpSchema.ResourceTemplate> out = new ArrayList<>();
    for (McpStatelessServerFeatures.SyncResourceTemplateSpecification s : c.features().statelessTemplates()) {
      if (!c.filtered() || granted.containsAll(orNone(scopes.forListed(s.resourceTemplate().uriTemplate())))) {
        out.add(s.resourceTemplate());
      }
    }
    return out;
  }

  /** The annotated prompts {@code granted} may get. */
  static List<McpSchema.Prompt> prompts(Catalogue c, Set<String> granted) {
    FeatureScopes scopes = c.features().scopes();
    List<McpSchema.Prompt> out = new ArrayList<>();
    for (McpStatelessServerFeatures.SyncPromptSpecification s : c.features().statelessPrompts()) {
      if (!c.filtered() || granted.containsAll(orNone(scopes.forPrompt(s.prompt().name())))) {
        out.add(s.prompt());
      }
    }
    return out;
  }

  /**
   * {@code resources/read}. Every annotated resource and template shares one handler that resolves the URI itself
   * (exact URI first, else the most specific template: {@code ResourceReads}), so any specification's handler serves
   * any URI, and an unknown one is its "Resource not found".
   */
  static Map<String, Object> read(Catalogue c, ModernRequest r, McpTransportContext context) {
    McpSchema.ReadResourceRequest request = convert(c, r, McpSchema.ReadResourceRequest.class);
    if (request.uri() == null) {
      throw ModernException.invalidParams("Invalid params: uri must be a string");
    }
    var resources = c.features().statelessResources();
    McpSchema.ReadResourceResult result = !resources.isEmpty()
        ? resources.get(0).readHandler().apply(context, request)
        : c.features().statelessTemplates().get(0).readHandler().apply(context, request);
    return toMap(c, result);
  }

  /**
   * {@code prompts/get}. An annotated prompt may ask for input through its {@code ToolContext} as a tool does: the
   * round ends with an {@code InputRequiredResult} whose signed state binds {@code prompts/get}, the prompt's name,
   * its arguments and the caller, and the retry carries the answers ({@link InputRound}).
   */
  static Map<String, Object> getPrompt(Catalogue c, ModernRequest r, McpTransportContext context) {
    Map<String, Object> params = new LinkedHashMap<>(r.params());
    Object state = params.remove("requestState");
    Object responses = params.remove("inputResponses");
    McpSchema.GetPromptRequest request = convert(c, new ModernRequest(params, r.meta()),
        McpSchema.GetPromptRequest.class);
    if (request.name() == null || c.features().statelessPrompts().stream()
        .noneMatch(p -> p.prompt().name().equals(request.name()))) {
      throw ModernException.invalidParams("Unknown prompt");
    }
    Map<String, Object> arguments = request.arguments() == null ? Map.of() : new LinkedHashMap<>(request.arguments());
    RequestStates.Binding binding = new RequestStates.Binding(McpSchema.METHOD_PROMPT_GET, request.name(), arguments, c.callers().resolve(context).principal());
    InputRound round = InputRound.open(state, responses, binding, ModernServer.capabilities(r), c.states(), c.json());
    McpSchema.GetPromptResult result;
    try {
      result = c.features().getPrompt(context, request, (shape, caller, forms) -> new ModernToolContext(shape, caller,
          round, forms, Cancellation.none(), ProgressReports.none(), c.json()));
    } catch (McpError e) {
      Map<String, Object> unfinished = round.unfinished(c.states(), binding);
      if (unfinished != null) {
        return unfinished;
      }
      throw e;
    }
    if (result == null) {
      throw ModernException.invalidParams("Unknown prompt");
    }
    Map<String, Object> unfinished = round.unfinished(c.states(), binding);
    return unfinished != null ? unfinished : toMap(c, result);
  }

  /** {@code completion/complete}, dispatched on the reference's type and name or URI. */
  static Map<String, Object> complete(Catalogue c, ModernRequest r, McpTransportContext context) {
    McpSchema.CompleteRequest request = convert(c, r, McpSchema.CompleteRequest.class);
    McpSchema.CompleteReference ref = request.ref();
    if (ref == null || request.argument() == null) {
      throw ModernException.invalidParams("Invalid params: ref and argument are required");
    }
    for (McpStatelessServerFeatures.SyncCompletionSpecification s : c.features().statelessCompletions()) {
      McpSchema.CompleteReference key = s.referenceKey();
      if (key.type().equals(ref.type()) && identifier(key) != null && identifier(key).equals(identifier(ref))) {
        return toMap(c, s.completionHandler().apply(context, request));
      }
    }
    throw ModernException.invalidParams("Unknown reference");
  }

  /** The request's params (with {@code _meta}) as the SDK request type the handlers take. */
  static <T> T convert(Catalogue c, ModernRequest r, Class<T> type) {
    try {
      return c.json().convertValue(r.withMeta(), type);
    } catch (RuntimeException e) {
      throw ModernException.invalidParams("Invalid params");
    }
  }

  /** An SDK result as a mutable JSON object (absent fields omitted, as the SDK writes them). */
  @SuppressWarnings("unchecked")
  static Map<String, Object> toMap(Catalogue c, Object result) {
    return new LinkedHashMap<>(c.json().convertValue(result, Map.class));
  }

  /** A prompt reference's name, a resource reference's URI. */
  private static String identifier(McpSchema.CompleteReference ref) {
    if (ref instanceof McpSchema.PromptReference p) {
      return p.name();
    }
    return ref instanceof McpSchema.ResourceReference r ? r.uri() : null;
  }

  private static List<String> orNone(List<String> scopes) {
    return scopes == null ? List.of() : scopes;
  }
}
