package dev.toolwarden.processor.secrets;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * {@code TW-SECRET-JWT}: a JSON Web Token: three base64url parts separated by dots, the first two starting with
 * {@code eyJ} (base64 of <code>{"</code>), a signature of at least 16 characters, and a header that decodes to JSON
 * naming {@code "alg"} (or {@code "typ"}/{@code "enc"}). Hand-written linear matcher: each base64url run is walked at
 * most twice; a part longer than {@value #MAX_PART} characters is not a token.
 */
final class JwtRule extends SecretRule {
  private static final int MAX_PART = 16_384;
  private static final int MAX_HEADER = 2_048;

  JwtRule() {
    super("TW-SECRET-JWT", "JSON Web Token (a bearer credential)", "API_JWT");
  }

  @Override
  public List<String> keywords() {
    return List.of("eyJ");
  }

  @Override
  public void find(String text, String contextName, List<SecretFinding> out) {
    int len = text.length();
    int from = 0;
    int hit;
    while ((hit = text.indexOf("eyJ", from)) >= 0) {
      if (hit > 0 && Text.isBase64Url(text.charAt(hit - 1))) {
        from = runEnd(text, hit); // inside a longer run: not a token start
        continue;
      }
      int a = runEnd(text, hit);
      if (a >= len || text.charAt(a) != '.' || !text.startsWith("eyJ", a + 1)) {
        from = a + 1;
        continue;
      }
      int b = runEnd(text, a + 1);
      if (b >= len || text.charAt(b) != '.') {
        from = a + 1; // the second part may start another token
        continue;
      }
      int c = runEnd(text, b + 1);
      boolean shape = a - hit >= 10 && a - hit <= MAX_HEADER
          && b - a - 1 >= 10 && b - a - 1 <= MAX_PART
          && c - b - 1 >= 16 && c - b - 1 <= MAX_PART
          && (c >= len || text.charAt(c) != '.');
      if (shape && headerLooksLikeJose(text, hit, a) && !Text.isPlaceholder(text, hit, c)) {
        report(text, hit, c, out);
        from = c;
      } else {
        from = a + 1;
      }
    }
  }

  private static int runEnd(String s, int i) {
    int len = s.length();
    while (i < len && Text.isBase64Url(s.charAt(i))) {
      i++;
    }
    return i;
  }

  private static boolean headerLooksLikeJose(String text, int start, int end) {
    try {
      byte[] json = Base64.getUrlDecoder().decode(text.substring(start, end));
      String header = new String(json, StandardCharsets.UTF_8);
      return header.startsWith("{") && (header.contains("\"alg\"") || header.contains("\"typ\"")
          || header.contains("\"enc\""));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
