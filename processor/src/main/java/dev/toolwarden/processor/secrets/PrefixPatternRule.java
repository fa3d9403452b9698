package dev.toolwarden.processor.secrets;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rule for tokens that start with a fixed prefix: every occurrence of a prefix (found with {@code indexOf}) that
 * starts a token (the character before it is not alphanumeric) is matched with {@link Matcher#lookingAt()} against a
 * regex confined to a region of at most {@code maxLength} characters from the token start. The regexes contain no
 * nested quantifiers and use possessive or fixed-width quantifiers, so one attempt is bounded by the window and the
 * whole rule is linear in the literal's length.
 *
 * <p>A match is then checked against the entropy floor (of the named group {@code body} if the regex has one, else
 * of the whole match) and the placeholder allowlist ({@link Text#isPlaceholder}).
 */
final class PrefixPatternRule extends SecretRule {
  private final List<String> prefixes;
  private final int prefixOffset;
  private final Pattern[] patterns;
  private final int maxLength;
  private final double entropyFloor;

  /**
   * @param prefixes pre-filter strings, each found with {@code indexOf}
   * @param prefixOffset how many characters the token starts before the prefix (0 if the prefix starts the token);
   *     when positive, the character right before the prefix must be a digit (the Azure AD secret format)
   * @param maxLength largest token length: the regex region
   * @param entropyFloor minimum Shannon entropy (bits/char) of the body group, or 0
   * @param regexes anchored (via {@code lookingAt}) at the token start; tried in order
   */
  PrefixPatternRule(String id, String description, String envVarHint, List<String> prefixes, int prefixOffset,
      int maxLength, double entropyFloor, String... regexes) {
    super(id, description, envVarHint);
    this.prefixes = List.copyOf(prefixes);
    this.prefixOffset = prefixOffset;
    this.maxLength = maxLength;
    this.entropyFloor = entropyFloor;
    this.patterns = new Pattern[regexes.length];
    for (int i = 0; i < regexes.length; i++) {
      patterns[i] = Pattern.compile(regexes[i]);
    }
  }

  @Override
  public List<String> keywords() {
    return prefixes;
  }

  @Override
  public void find(String text, String contextName, List<SecretFinding> out) {
    int len = text.length();
    Matcher[] matchers = new Matcher[patterns.length];
    for (String prefix : prefixes) {
      int from = 0;
      int hit;
      while ((hit = text.indexOf(prefix, from)) >= 0) {
        from = hit + 1;
        int start = hit - prefixOffset;
        if (start < 0 || !Text.leftBoundary(text, start)
            || (prefixOffset > 0 && !Text.isDigit(text.charAt(hit - 1)))) {
          continue;
        }
        for (int p = 0; p < patterns.length; p++) {
          if (matchers[p] == null) {
            matchers[p] = patterns[p].matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
          }
          Matcher m = matchers[p];
          m.region(start, Math.min(len, start + maxLength));
          if (m.lookingAt()) {
            int bodyStart = start;
            int bodyEnd = m.end();
            if (hasBodyGroup(patterns[p]) && m.start("body") >= 0) {
              bodyStart = m.start("body");
              bodyEnd = m.end("body");
            }
            if (Text.entropy(text, bodyStart, bodyEnd) >= entropyFloor
                && !Text.isPlaceholder(text, start, m.end())
                && !overlapsLast(out, start)) {
              report(text, start, m.end(), out);
              from = Math.max(from, m.end());
            }
            break;
          }
        }
      }
    }
  }

  private boolean overlapsLast(List<SecretFinding> out, int start) {
    for (int i = out.size() - 1; i >= 0; i--) {
      SecretFinding f = out.get(i);
      if (!f.ruleId().equals(id())) {
        break;
      }
      if (start >= f.start() && start < f.end()) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasBodyGroup(Pattern p) {
    return p.pattern().contains("(?<body>");
  }
}
