package dev.toolwarden.runtime.internal.server;

import dev.toolwarden.runtime.ToolwardenStartupException;
import dev.toolwarden.runtime.internal.config.Setting;
import dev.toolwarden.runtime.spi.PathRule;
import dev.toolwarden.runtime.spi.ToolPolicy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The policies every served tool, resource, template, prompt and completion declares, and what they need from the
 * settings at start-up: the {@code @SafePath} roots bound, and the scopes of the local caller.
 */
final class DeclaredPolicies {

  // the start-up messages keep the logger they always had
  private static final Logger LOG = LoggerFactory.getLogger(ServerAssembly.class);

  private final List<Named> policies;

  private DeclaredPolicies(List<Named> policies) {
    this.policies = List.copyOf(policies);
  }

  /** A policy and how start-up messages name its owner ({@code tool 'x'}, {@code prompt 'y'}, …). */
  private record Named(String what, ToolPolicy policy) {}

  /** Every declared policy of {@code bound}, each named for start-up messages. */
  static DeclaredPolicies of(BoundFeatures bound) {
    List<Named> all = new ArrayList<>();
    bound.tools().forEach(t -> all.add(new Named("tool '" + t.definition().name() + "'", t.definition().policy())));
    bound.resources().forEach(r -> all.add(new Named("resource '" + r.definition().uri() + "'",
        r.definition().policy())));
    bound.templates().forEach(r -> all.add(new Named("resource template '" + r.definition().uriTemplate() + "'",
        r.definition().policy())));
    bound.prompts().forEach(p -> all.add(new Named("prompt '" + p.definition().name() + "'", p.definition().policy())));
    bound.completions().forEach(c -> all.add(new Named("completion of '" + c.definition().ref() + "'",
        c.definition().policy())));
    return new DeclaredPolicies(all);
  }

  /**
   * The directory of every {@code @SafePath} root a policy names: bound with {@code .root(..)}, else from the
   * {@code root.<name>} setting.
   *
   * @throws ToolwardenStartupException naming the first owner of an unbound root and both ways to bind it
   */
  Map<String, Path> roots(ServerSettings s) {
    Map<String, Path> resolved = new LinkedHashMap<>(s.roots);
    for (Named t : policies) {
      for (PathRule rule : t.policy().safePaths()) {
        if (resolved.containsKey(rule.root())) {
          continue;
        }
        Optional<Path> configured = s.config.path(Setting.ROOT, rule.root());
        if (configured.isEmpty()) {
          String key = Setting.ROOT.member(rule.root());
          throw new ToolwardenStartupException(t.what() + " needs the root '" + rule.root()
              + "' (@SafePath) but it is not bound: call .root(\"" + rule.root() + "\", dir) or set "
              + Setting.propertyName(key) + " / " + Setting.environmentName(key));
        }
        resolved.put(rule.root(), configured.get());
      }
    }
    return resolved;
  }

  /** The scopes of the local caller (stdio, loopback HTTP without OAuth): configured, else every declared one. */
  Set<String> grants(ServerSettings s) {
    if (s.grantedScopes != null) {
      return s.grantedScopes;
    }
    Optional<List<String>> configured = s.config.list(Setting.GRANT_SCOPES);
    if (configured.isPresent()) {
      return new LinkedHashSet<>(configured.get());
    }
    Set<String> all = new LinkedHashSet<>();
    for (Named t : policies) {
      all.addAll(t.policy().scopes());
    }
    if (!all.isEmpty()) {
      LOG.info("no scopes configured: granting every declared scope {} to the local caller", all);
    }
    return all;
  }
}
