package dev.toolwarden.processor.secrets;

import java.util.Objects;

/**
 * One rule match inside one literal. Holds the rule, the offsets of the match within the literal's value and a masked
 * rendering; it never holds the matched value itself, so a finding can be logged, printed or kept safely.
 *
 * @param ruleId rule id, e.g. {@code TW-SECRET-STRIPE}
 * @param description what the rule recognises, e.g. "Stripe secret or restricted API key"
 * @param start offset of the first matched character within the literal's value (inclusive)
 * @param end offset after the last matched character (exclusive)
 * @param masked at most the first 4 characters of the match, then {@code …} and the length, e.g. {@code sk_l…(32
 *     chars)}
 * @param envVarHint a suggested environment variable name to read the value from instead, e.g. {@code STRIPE_API_KEY}
 */
public record SecretFinding(String ruleId, String description, int start, int end, String masked, String envVarHint) {

  /** The largest number of leading characters {@link #mask} ever reveals. */
  public static final int MAX_REVEALED = 4;

  public SecretFinding {
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(masked, "masked");
    Objects.requireNonNull(envVarHint, "envVarHint");
    if (start < 0 || end <= start) {
      throw new IllegalArgumentException("bad span " + start + ".." + end);
    }
  }

  /** Creates a finding for {@code text[start, end)} of {@code rule}; the value is masked immediately, never kept. */
  static SecretFinding of(SecretRule rule, String text, int start, int end) {
    return new SecretFinding(rule.id(), rule.description(), start, end, mask(text, start, end), rule.envVarHint());
  }

  /** Length of the matched value. */
  public int length() {
    return end - start;
  }

  /**
   * Masks a value: at most {@value #MAX_REVEALED} leading characters (fewer for short values: a fifth of the length,
   * so a short password reveals at most one character), then {@code …} and the total length. Control characters in
   * the revealed part are shown as {@code ?}.
   */
  public static String mask(CharSequence value, int start, int end) {
    int length = end - start;
    int shown = Math.min(MAX_REVEALED, length / 5);
    StringBuilder sb = new StringBuilder(shown + 16);
    for (int i = 0; i < shown; i++) {
      char c = value.charAt(start + i);
      sb.append(c < 0x20 || c == 0x7f ? '?' : c);
    }
    return sb.append("…(").append(length).append(" chars)").toString();
  }

  /** A one-line rendering that is safe for a build log: {@code [rule] masked (description)}. */
  @Override
  public String toString() {
    return "[" + ruleId + "] " + masked + " (" + description + ")";
  }
}
