package dev.toolwarden.processor.secrets;

import com.sun.source.tree.Tree;

/**
 * A {@link SecretFinding} located in a compilation unit: the tree to report it on (the string literal, or the first
 * literal of a folded constant concatenation), its position, and the name the value is given to.
 *
 * @param finding the rule match (masked; never the value)
 * @param tree the literal tree to attach a diagnostic to, e.g. with {@code Trees.printMessage(kind, msg, tree, unit)}
 * @param startPosition character offset of {@code tree} in the source, or -1 if unknown
 * @param line 1-based line of {@code tree}, or -1 if unknown
 * @param column 1-based column of {@code tree} (javac's: tabs expanded to 8), or -1 if unknown
 * @param contextName the variable, field, attribute, map key or method the literal is given to, or null
 */
public record SourceSecretFinding(
    SecretFinding finding, Tree tree, long startPosition, long line, long column, String contextName) {

  /** The rule id, e.g. {@code TW-SECRET-STRIPE}. */
  public String ruleId() {
    return finding.ruleId();
  }

  /**
   * A build-log-safe diagnostic message: the rule id in brackets, what was found (masked), where it is assigned and
   * the fix, e.g. {@code [TW-SECRET-STRIPE] literal secret: Stripe secret or restricted API key sk_l…(32 chars) in
   * 'apiKey'; do not put secrets in source code: read it from the environment, e.g.
   * Secrets.require("STRIPE_API_KEY")}.
   */
  public String message() {
    StringBuilder sb = new StringBuilder()
        .append('[').append(finding.ruleId()).append("] literal secret: ")
        .append(finding.description()).append(' ').append(finding.masked());
    if (contextName != null) {
      sb.append(" in '").append(contextName).append('\'');
    }
    return sb.append("; do not put secrets in source code: read it from the environment, e.g. Secrets.require(\"")
        .append(finding.envVarHint()).append("\")")
        .toString();
  }

  @Override
  public String toString() {
    return line + ":" + column + " [" + finding.ruleId() + "] " + finding.masked();
  }
}
