package dev.toolwarden.runtime.internal.resource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides which resource a URI names: an exact fixed-resource URI first; else, among the templates that match, the one
 * with the most literal characters; on a tie the one registered first (bundles in class-name order, methods in
 * declaration order). One instance per server, immutable, safe for concurrent use.
 *
 * @param <T> what a resource or template resolves to
 */
public final class UriResolver<T> {

  /** A match: what was found and the decoded variables (empty for a fixed resource). */
  public record Match<T>(T value, UriTemplate template, Map<String, Object> variables) {}

  private final Map<String, T> fixed;
  private final List<UriTemplate> templates;
  private final List<T> values;

  private UriResolver(Map<String, T> fixed, List<UriTemplate> templates, List<T> values) {
    this.fixed = Map.copyOf(fixed);
    this.templates = List.copyOf(templates);
    this.values = List.copyOf(values);
  }

  /** Collects the fixed URIs and templates, in precedence order for ties. */
  public static final class Builder<T> {
    private final Map<String, T> fixed = new HashMap<>();
    private final List<UriTemplate> templates = new ArrayList<>();
    private final List<T> values = new ArrayList<>();

    /** Adds a fixed resource; false when the URI is already taken. */
    public boolean fixed(String uri, T value) {
      return fixed.putIfAbsent(uri, value) == null;
    }

    /** Adds a template (already compiled), after every template added before it. */
    public void template(UriTemplate template, T value) {
      templates.add(template);
      values.add(value);
    }

    /** The resolver. */
    public UriResolver<T> build() {
      return new UriResolver<>(fixed, templates, values);
    }
  }

  /** An empty builder. */
  public static <T> Builder<T> builder() {
    return new Builder<>();
  }

  /** Whether nothing was registered. */
  public boolean isEmpty() {
    return fixed.isEmpty() && templates.isEmpty();
  }

  /** What {@code uri} names, or null; never throws. */
  public Match<T> resolve(String uri) {
    if (uri == null) {
      return null;
    }
    T exact = fixed.get(uri);
    if (exact != null) {
      return new Match<>(exact, null, Map.of());
    }
    Match<T> best = null;
    int bestLiterals = -1;
    for (int i = 0; i < templates.size(); i++) {
      UriTemplate t = templates.get(i);
      if (t.literalLength() <= bestLiterals) {
        continue; // cannot win: ties go to the one registered first
      }
      Map<String, Object> vars = t.match(uri);
      if (vars != null) {
        best = new Match<>(values.get(i), t, vars);
        bestLiterals = t.literalLength();
      }
    }
    return best;
  }
}
