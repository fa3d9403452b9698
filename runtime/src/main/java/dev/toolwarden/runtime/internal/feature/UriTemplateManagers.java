package dev.toolwarden.runtime.internal.feature;

import dev.toolwarden.runtime.internal.resource.UriResolver;
import dev.toolwarden.runtime.internal.resource.UriTemplate;
import io.modelcontextprotocol.util.DefaultMcpUriTemplateManagerFactory;
import io.modelcontextprotocol.util.McpUriTemplateManager;
import io.modelcontextprotocol.util.McpUriTemplateManagerFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes the SDK's template matching agree with ours. The SDK picks the specification of a {@code resources/read} (and
 * checks a {@code completion/complete} reference) by asking each registered URI or template, in the order of a hash
 * map, whether it {@code matches}; the first that says yes wins. Here each of our URIs and templates says yes exactly
 * when our {@link UriResolver} picks it (exact URI, else the most specific template), so the SDK's choice is ours
 * whatever its order; our handler resolves again anyway. A passthrough template ({@code .resourceTemplates(..)})
 * keeps the SDK's matching but never takes a URI one of ours serves: annotated resources win.
 */
final class UriTemplateManagers implements McpUriTemplateManagerFactory {

  private final UriResolver<ResourceReads.Entry> resolver;
  private final Map<String, ResourceReads.Entry> ours;
  private final Map<String, UriTemplate> compiled;
  private final McpUriTemplateManagerFactory sdk = new DefaultMcpUriTemplateManagerFactory();

  UriTemplateManagers(UriResolver<ResourceReads.Entry> resolver, Map<String, ResourceReads.Entry> ours,
      Map<String, UriTemplate> compiled) {
    this.resolver = resolver;
    this.ours = Map.copyOf(ours);
    this.compiled = Map.copyOf(compiled);
  }

  @Override
  public McpUriTemplateManager create(String uriTemplate) {
    ResourceReads.Entry entry = ours.get(uriTemplate);
    if (entry != null) {
      return new Ours(uriTemplate, entry, compiled.get(uriTemplate));
    }
    return new Passthrough(sdk.create(uriTemplate));
  }

  /** One of our fixed URIs or templates. */
  private final class Ours implements McpUriTemplateManager {
    private final String text;
    private final ResourceReads.Entry entry;
    private final UriTemplate template;

    Ours(String text, ResourceReads.Entry entry, UriTemplate template) {
      this.text = text;
      this.entry = entry;
      this.template = template;
    }

    @Override
    public List<String> getVariableNames() {
      return template.variables();
    }

    @Override
    public Map<String, String> extractVariableValues(String uri) {
      Map<String, Object> values = template.match(uri);
      Map<String, String> out = new LinkedHashMap<>();
      if (values != null) {
        values.forEach((k, v) -> out.put(k, String.valueOf(v)));
      }
      return out;
    }

    @Override
    public boolean matches(String uri) {
      if (text.equals(uri)) {
        return true; // a completion reference names the template by its text
      }
      if (uri != null && ours.containsKey(uri)) {
        return false; // another of ours, by its text
      }
      UriResolver.Match<ResourceReads.Entry> m = resolver.resolve(uri);
      return m != null && m.value() == entry;
    }

    @Override
    public boolean isUriTemplate(String uri) {
      UriTemplate t = compiled.get(uri);
      return t != null ? t.hasVariables() : uri != null && uri.contains("{");
    }
  }

  /** A passthrough URI or template: the SDK's matching, except for URIs ours serve. */
  private final class Passthrough implements McpUriTemplateManager {
    private final McpUriTemplateManager delegate;

    Passthrough(McpUriTemplateManager delegate) {
      this.delegate = delegate;
    }

    @Override
    public List<String> getVariableNames() {
      return delegate.getVariableNames();
    }

    @Override
    public Map<String, String> extractVariableValues(String uri) {
      return delegate.extractVariableValues(uri);
    }

    @Override
    public boolean matches(String uri) {
      return !ours.containsKey(uri) && resolver.resolve(uri) == null && delegate.matches(uri);
    }

    @Override
    public boolean isUriTemplate(String uri) {
      return delegate.isUriTemplate(uri);
    }
  }
}
