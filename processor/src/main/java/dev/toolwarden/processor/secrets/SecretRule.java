package dev.toolwarden.processor.secrets;

import java.util.List;

/**
 * One literal-secret rule of the catalogue ({@link SecretRules}). A rule has a stable id ({@code TW-SECRET-…}), a
 * description, a cheap pre-filter ({@link #keywords()}, checked with {@code String.contains} before any matching) and
 * a bounded matcher ({@link #find}). Rules are stateless and thread-safe.
 *
 * <p>Implementations must be linear in the length of the text (up to a small constant window per pre-filter hit):
 * either a hand-written matcher or a regex without nested quantifiers run inside a bounded region.
 */
public abstract class SecretRule {
  private final String id;
  private final String description;
  private final String envVarHint;

  protected SecretRule(String id, String description, String envVarHint) {
    this.id = id;
    this.description = description;
    this.envVarHint = envVarHint;
  }

  /** Stable id, shown in brackets in diagnostics and usable in waivers, e.g. {@code TW-SECRET-GITHUB}. */
  public final String id() {
    return id;
  }

  /** What this rule recognises, for diagnostics and documentation. */
  public final String description() {
    return description;
  }

  /** A suggested environment variable name for the fix message, e.g. {@code GITHUB_TOKEN}. */
  public final String envVarHint() {
    return envVarHint;
  }

  /**
   * Pre-filter strings: the rule only runs when the text contains at least one of them (case-sensitive). An empty
   * list means the rule decides in {@link #mightMatch} (context rules do).
   */
  public abstract List<String> keywords();

  /**
   * The rule's whole name context dependency: {@code true} if the rule only fires for a credential-like variable name
   * (and so can never fire on an anonymous literal).
   */
  public boolean needsContext() {
    return false;
  }

  /** Cheap pre-filter, run before {@link #find}: by default "contains one of the {@link #keywords()}". */
  public boolean mightMatch(String text, String contextName) {
    for (String k : keywords()) {
      if (text.contains(k)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Adds a finding to {@code out} for every match in {@code text} (the literal's value).
   *
   * @param contextName the variable, field, parameter, attribute or map key the literal is assigned to, or null
   */
  public abstract void find(String text, String contextName, List<SecretFinding> out);

  /** Adds a finding for {@code text[start, end)}. */
  protected final void report(String text, int start, int end, List<SecretFinding> out) {
    out.add(SecretFinding.of(this, text, start, end));
  }

  @Override
  public String toString() {
    return id;
  }
}
