package dev.toolwarden.processor.secrets;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Scans one literal value (with the name it is assigned to, if any) against a list of rules.
 *
 * <pre>{@code
 * List<SecretFinding> findings = SecretScanner.scan(literalValue, "apiKey");
 * }</pre>
 *
 * <p>Inputs are bounded: a literal longer than {@link #MAX_LITERAL_LENGTH} characters is scanned in its first {@link
 * #MAX_LITERAL_LENGTH} characters only (no Java class file can hold a longer constant anyway), and literals shorter
 * than {@link #MIN_LITERAL_LENGTH} are skipped (no rule matches anything that short). Every rule is linear in the
 * length of what it scans. Thread-safe.
 */
public final class SecretScanner {
  /** The largest prefix of a literal that is scanned. */
  public static final int MAX_LITERAL_LENGTH = 1 << 20;
  /** Literals shorter than this cannot hold any secret the rules recognise. */
  public static final int MIN_LITERAL_LENGTH = 10;

  private static final SecretScanner DEFAULT = new SecretScanner(SecretRules.all());

  private final List<SecretRule> rules;

  public SecretScanner(List<SecretRule> rules) {
    this.rules = List.copyOf(rules);
  }

  /** The scanner with every rule of {@link SecretRules#all()}. */
  public static SecretScanner defaultScanner() {
    return DEFAULT;
  }

  /**
   * Scans {@code literalText} with every rule.
   *
   * @param literalText the literal's value (escapes already resolved)
   * @param contextName the variable, field, parameter, annotation attribute or map key the value is given to, or null
   * @return findings ordered by offset; empty if none
   */
  public static List<SecretFinding> scan(String literalText, String contextName) {
    return DEFAULT.scanText(literalText, contextName);
  }

  /** The rules of this scanner. */
  public List<SecretRule> rules() {
    return rules;
  }

  /** Instance form of {@link #scan(String, String)}. */
  public List<SecretFinding> scanText(String literalText, String contextName) {
    if (literalText == null || literalText.length() < MIN_LITERAL_LENGTH) {
      return List.of();
    }
    String text = literalText.length() > MAX_LITERAL_LENGTH
        ? literalText.substring(0, MAX_LITERAL_LENGTH) : literalText;
    List<SecretFinding> specific = null;
    List<SecretFinding> contextual = null;
    for (SecretRule rule : rules) {
      if (!rule.mightMatch(text, contextName)) {
        continue;
      }
      if (rule.needsContext()) {
        if (contextual == null) {
          contextual = new ArrayList<>(2);
        }
        int before = contextual.size();
        rule.find(text, contextName, contextual);
        dropOverlapping(contextual, before, specific);
        dropOverlapping(contextual, before, contextual.subList(0, before));
      } else {
        if (specific == null) {
          specific = new ArrayList<>(2);
        }
        rule.find(text, contextName, specific);
      }
    }
    if (specific == null && contextual == null) {
      return List.of();
    }
    List<SecretFinding> all = new ArrayList<>();
    if (specific != null) {
      all.addAll(specific);
    }
    if (contextual != null) {
      all.addAll(contextual);
    }
    all.sort(Comparator.comparingInt(SecretFinding::start).thenComparing(SecretFinding::ruleId));
    return List.copyOf(all);
  }

  /** Removes findings added at or after {@code from} that overlap any finding of {@code earlier}. */
  private static void dropOverlapping(List<SecretFinding> list, int from, List<SecretFinding> earlier) {
    if (earlier == null || earlier.isEmpty()) {
      return;
    }
    List<SecretFinding> earlierCopy = List.copyOf(earlier);
    for (int i = list.size() - 1; i >= from; i--) {
      SecretFinding f = list.get(i);
      for (SecretFinding g : earlierCopy) {
        if (f.start() < g.end() && g.start() < f.end()) {
          list.remove(i);
          break;
        }
      }
    }
  }
}
