package dev.toolwarden.runtime.internal.url;

import dev.toolwarden.runtime.spi.UrlRule;
import dev.toolwarden.runtime.spi.Violations;
import dev.toolwarden.runtime.url.UrlPolicy;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The generated {@code @SafeUrl} check: a rule, a guard and the call's violations. */
public final class UrlArguments {

  /** Each rule is a constant of a generated bundle: its policy is built once. */
  private static final Map<UrlRule, UrlPolicy> POLICIES = new ConcurrentHashMap<>();

  private UrlArguments() {}

  /**
   * Checks {@code raw}; on refusal adds one violation (rule {@value Refusal#RULE_ID}, message
   * {@code url refused: <reason>}) and returns {@code null}.
   */
  public static URI check(UrlGuard guard, UrlRule rule, String pointer, String raw, Violations violations) {
    try {
      return guard.check(policy(rule), raw).url().uri();
    } catch (UrlRefusal r) {
      violations.add(pointer, Refusal.RULE_ID, "url refused: " + r.refusal().reason());
      return null;
    }
  }

  /** The policy of a rule. */
  public static UrlPolicy policy(UrlRule rule) {
    return POLICIES.computeIfAbsent(rule,
        r -> UrlPolicy.of(r.schemes(), r.hosts(), r.ports(), r.allowPrivate()));
  }
}
