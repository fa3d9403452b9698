package dev.toolwarden.runtime.internal.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The scrubber runs a pattern only where its keyword occurs; it must mask exactly what the patterns alone mask. */
class LogScrubberTest {

  private static final Pattern AUTH_SCHEME =
      Pattern.compile("(?i)\\b(bearer|basic|dpop)(\\s+|%20|\\+)[A-Za-z0-9\\-._~+/]+=*");
  private static final Pattern JWT =
      Pattern.compile("eyJ[A-Za-z0-9_-]{2,}(?:\\.[A-Za-z0-9_-]{2,}){1,4}(?:\\.[A-Za-z0-9_-]*)?");
  private static final Pattern PARAMETER = Pattern.compile("(?i)\\b(access_token|id_token|refresh_token"
      + "|client_secret|client_assertion|api[_-]?key|password|authorization)([\"']?\\s*[=:]\\s*[\"']?)(?!(?i:bearer|basic|dpop)\\b)([^&\\s\"',;]+)");

  private static final String[] PIECES = {"bearer", "BeArEr", "basic", "DPoP", "dpop", "access_token", "ID_TOKEN",
      "refresh_token", "client_secret", "Client_Assertion", "api_key", "API-KEY", "apikey", "password", "Authorization",
      "token", "key", "secret", " ", "  ", "%20", "+", "=", ":", "\"", "'", "&", ",", ";", "eyJhbGciOi", ".", "abc123",
      "XYZ", "-_~/", "==", "ſ", "K", "é", "2026-12-07T02:20:00Z", "ok", "tools/call"};

  /** The scrubber before it learnt to skip: every pattern on every text. */
  private static String reference(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String s = text;
    if (s.indexOf("eyJ") >= 0) {
      s = JWT.matcher(s).replaceAll(LogScrubber.MASK);
    }
    s = AUTH_SCHEME.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + " " + LogScrubber.MASK));
    s = PARAMETER.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + m.group(2) + LogScrubber.MASK));
    return s;
  }

  @Test
  void masksExactlyWhatThePatternsMask() {
    long seed = new Random().nextLong();
    Random random = new Random(seed);
    int masked = 0;
    for (int i = 0; i < 20_000; i++) {
      StringBuilder b = new StringBuilder();
      for (int n = random.nextInt(8); n >= 0; n--) {
        b.append(PIECES[random.nextInt(PIECES.length)]);
      }
      String text = b.toString();
      String expected = reference(text);
      assertEquals(expected, LogScrubber.scrub(text), "seed " + seed + ": " + text);
      if (!expected.equals(text)) {
        masked++;
      }
    }
    assertTrue(masked > 200, "seed " + seed + ": the corpus exercises masking (" + masked + " masked)");
  }

  @Test
  void commonCredentialShapesAreMasked() {
    assertEquals("Authorization: Bearer ****", LogScrubber.scrub("Authorization: Bearer abc.def-ghi"));
    assertEquals("x?access_token=****&y=1", LogScrubber.scrub("x?access_token=s3cr3t&y=1"));
    assertEquals("{\"API-KEY\": \"****\"}", LogScrubber.scrub("{\"API-KEY\": \"k-123\"}"));
    assertEquals("2026-12-07T02:20:00Z", LogScrubber.scrub("2026-12-07T02:20:00Z"));
  }
}
