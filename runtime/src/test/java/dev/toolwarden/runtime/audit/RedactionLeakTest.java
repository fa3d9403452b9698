package dev.toolwarden.runtime.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.toolwarden.runtime.internal.audit.LogScrubber;
import org.junit.jupiter.api.Test;

/**
 * The log scrubber's token shapes. That a redacted card number, a bearer token and a JWT never reach a log line, an
 * audit event or a result through the whole pipeline is tested with the test kit (toolwarden-test's
 * RedactionLeakTest: the runtime's tests cannot depend on the kit, which depends on the runtime).
 */
class RedactionLeakTest {

  private static final String BEARER = "abcdefghijklmnop0123";
  private static final String SIGNATURE_PART = "c2lnbmF0dXJl";

  @Test
  void scrubberMasksTokenShapes() {
    assertEquals("Authorization: Bearer ****", LogScrubber.scrub("Authorization: Bearer " + BEARER));
    assertEquals("token **** here", LogScrubber.scrub("token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0." + SIGNATURE_PART + " here"));
    assertEquals("GET /x?access_token=****&a=1", LogScrubber.scrub("GET /x?access_token=xxxxxxxx&a=1"));
    assertEquals("{\"client_secret\":\"****\"}", LogScrubber.scrub("{\"client_secret\":\"hunter22\"}"));
    assertEquals("max tokens 5", LogScrubber.scrub("max tokens 5"));
    assertEquals("a\\u000ab", LogScrubber.escapeControl("a\nb"));
  }
}
