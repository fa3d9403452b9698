package dev.toolwarden.runtime.internal.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import java.util.Random;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

/** The scrubber runs a pattern only where its keyword occurs; it must mask exactly what the patterns alone mask. */
class LogScrubberTest {

  private static final String[] PIECES = {"bearer", "BeArEr", "basic", "DPoP", "dpop", "access_token", "ID_TOKEN",
      "refresh_token", "client_secret", "Client_Assertion", "api_key", "API-KEY", "apikey", "password", "Authorization",
      "token", "key", "secret", " ", "  ", "%20", "+", "=", ":", "\"", "'", "&", ",", ";", "eyJhbGciOi", ".", "abc123",
      "XYZ", "-_~/", "==", "ſ", "K", "é", "2026-12-07T02:20:00Z", "ok", "tools/call"};

  /** The scrubber before it learnt to skip: every one of its patterns on every text. */
  private static String reference(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String s = text;
    if (s.indexOf("eyJ") >= 0) {
      s = LogScrubber.JWT.matcher(s).replaceAll(LogScrubber.MASK);
    }
    s = LogScrubber.AUTH_SCHEME.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + " " + LogScrubber.MASK));
    s = LogScrubber.PARAMETER.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + m.group(2) + LogScrubber.MASK));
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

  /**
   * Hostile text a client can put into an audited field (a 1 MB {@code clientInfo} name, an argument, an exception
   * message quoting one) is scrubbed in linear time: {@code eyJeyJ…} made the JWT pattern scan to the end of the run
   * from every {@code eyJ} (300,000 characters took minutes).
   */
  @Test
  void hostileTextIsScrubbedInLinearTime() {
    int n = 1_000_000;
    for (String unit : new String[] {"eyJ", "eyJa.", "eyJaa.b", "bearer ", "Bearer\t", "password ", "access_token",
        "basic+", "a://b:c", "-----BEGIN PRIVATE KEY-----", "ghp_", "xoxb-", "sk-ant-"}) {
      String text = unit.repeat(n / unit.length());
      assertTimeoutPreemptively(Duration.ofSeconds(20), () -> LogScrubber.scrub(text), unit);
    }
    String glued = "eyJ".repeat(100) + ".eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl tail";
    assertEquals(reference(glued), LogScrubber.scrub(glued));
  }

  @Test
  void aLoggedExceptionMessageIsBounded() {
    String described = LogScrubber.describe(new IllegalArgumentException("x".repeat(1_000_000)), java.util.List.of());
    assertTrue(described.length() < 10_000, () -> "length " + described.length());
  }
}
