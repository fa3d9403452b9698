package dev.toolwarden.processor.secrets;

import java.util.List;

/**
 * {@code TW-SECRET-OPENAI}: OpenAI API keys. Every OpenAI key format carries the marker {@code T3BlbkFJ} (base64 of
 * "OpenAI"): project ({@code sk-proj-}), service-account ({@code sk-svcacct-}), admin ({@code sk-admin-}) and legacy
 * ({@code sk-} + 20 + marker + 20) keys. Pre-filter: the marker. Matcher: the maximal {@code [A-Za-z0-9_-]} run around
 * each marker (at most {@value #MAX_SIDE} characters on either side) must start with {@code sk-} and have at least 20
 * characters on both sides of the marker. Each character is examined a bounded number of times.
 */
final class OpenAiKeyRule extends SecretRule {
  static final String MARKER = "T3BlbkFJ";
  private static final int MAX_SIDE = 300;

  OpenAiKeyRule() {
    super("TW-SECRET-OPENAI", "OpenAI API key", "OPENAI_API_KEY");
  }

  @Override
  public List<String> keywords() {
    return List.of(MARKER);
  }

  @Override
  public void find(String text, String contextName, List<SecretFinding> out) {
    int len = text.length();
    int from = 0;
    int hit;
    while ((hit = text.indexOf(MARKER, from)) >= 0) {
      int s = hit;
      while (s > 0 && hit - s <= MAX_SIDE && Text.isBase64Url(text.charAt(s - 1))) {
        s--;
      }
      int e = hit + MARKER.length();
      while (e < len && e - hit <= MAX_SIDE + MARKER.length() && Text.isBase64Url(text.charAt(e))) {
        e++;
      }
      boolean tooLong = (s > 0 && Text.isBase64Url(text.charAt(s - 1)))
          || (e < len && Text.isBase64Url(text.charAt(e)));
      if (tooLong) {
        // skip the whole over-long run, so no character is examined again
        while (e < len && Text.isBase64Url(text.charAt(e))) {
          e++;
        }
        from = e;
        continue;
      }
      from = Math.max(hit + 1, e);
      if (text.startsWith("sk-", s)
          && hit - s - 3 >= 20
          && e - hit - MARKER.length() >= 20
          && !Text.isPlaceholder(text, s, e)) {
        report(text, s, e, out);
      }
    }
  }
}
