package dev.toolwarden.processor.secrets;

import java.util.List;

/**
 * {@code TW-SECRET-SLACK}: Slack bot, user, app-level, refresh and configuration tokens: {@code xoxb-}, {@code
 * xoxp-}, {@code xoxe-}, {@code xoxa-}, {@code xoxs-}, {@code xoxr-}, {@code xoxe.xoxp-} and {@code xapp-}, followed by
 * dash-separated groups: a numeric first group, at least three groups, and a final alphanumeric group of at least 8
 * characters with some entropy. Hand-written matcher over a window of at most {@value #WINDOW} characters.
 */
final class SlackTokenRule extends SecretRule {
  private static final int WINDOW = 256;
  private static final List<String> PREFIXES =
      List.of("xoxb-", "xoxp-", "xoxe-", "xoxa-", "xoxs-", "xoxr-", "xoxe.xoxp-", "xapp-");

  SlackTokenRule() {
    super("TW-SECRET-SLACK", "Slack API token (bot, user, app or refresh token)", "SLACK_TOKEN");
  }

  @Override
  public List<String> keywords() {
    return PREFIXES;
  }

  @Override
  public void find(String text, String contextName, List<SecretFinding> out) {
    int len = text.length();
    int covered = 0;
    for (String prefix : PREFIXES) {
      int from = 0;
      int hit;
      while ((hit = text.indexOf(prefix, from)) >= 0) {
        from = hit + 1;
        if (!Text.leftBoundary(text, hit) || hit < covered) {
          continue;
        }
        int limit = Math.min(len, hit + WINDOW);
        int p = hit + prefix.length();
        int groups = 0;
        boolean firstNumeric = false;
        int lastStart = p;
        int lastEnd = p;
        while (p < limit) {
          int q = p;
          while (q < limit && Text.isAlnum(text.charAt(q))) {
            q++;
          }
          if (q == p) {
            break;
          }
          if (groups == 0) {
            firstNumeric = allDigits(text, p, q);
            if (!firstNumeric) {
              break; // every Slack token starts with a numeric group
            }
          }
          groups++;
          lastStart = p;
          lastEnd = q;
          if (q + 1 < limit && text.charAt(q) == '-' && Text.isAlnum(text.charAt(q + 1))) {
            p = q + 1;
          } else {
            break;
          }
        }
        if (lastEnd >= limit && limit < len && Text.isAlnum(text.charAt(limit))) {
          continue; // longer than any Slack token: not one
        }
        int lastLen = lastEnd - lastStart;
        if (groups >= 3
            && firstNumeric
            && lastLen >= 8
            && lastEnd - hit >= 24
            && !allDigits(text, lastStart, lastEnd)
            && Text.entropy(text, lastStart, lastEnd) >= 2.5
            && !Text.isPlaceholder(text, hit, lastEnd)) {
          report(text, hit, lastEnd, out);
          covered = lastEnd;
          from = lastEnd;
        }
      }
    }
  }

  private static boolean allDigits(String s, int start, int end) {
    for (int i = start; i < end; i++) {
      if (!Text.isDigit(s.charAt(i))) {
        return false;
      }
    }
    return end > start;
  }
}
