package dev.toolwarden.runtime.url;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwarden.runtime.internal.url.Refusal;
import dev.toolwarden.runtime.internal.url.UrlArguments;
import dev.toolwarden.runtime.internal.url.UrlGuard;
import dev.toolwarden.runtime.spi.Violation;
import dev.toolwarden.runtime.spi.Violations;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every payload of the SSRF corpus through the generated-code entry point (rule, guard,
 * violations): each refusal with exactly the expected rule and a message that names it and no
 * address; each legitimate URL accepted.
 */
class UrlCorpusTest {

  private static final SsrfCorpus CORPUS = SsrfCorpus.load();
  private static final UrlGuard GUARD = new UrlGuard(Egress.builder().resolver(CORPUS.resolver()).build());

  @Test
  void everyPayloadGetsItsExpectedOutcome() {
    List<String> failures = new ArrayList<>();
    for (SsrfCorpus.Payload p : CORPUS.payloads()) {
      Violations v = new Violations();
      URI checked = UrlArguments.check(GUARD, SsrfCorpus.rule(p.policy(), "/url"), "/url", p.url(), v);
      String outcome;
      if (checked != null && v.isEmpty()) {
        outcome = SsrfCorpus.OK;
      } else {
        Violation only = v.list().get(0);
        outcome = refusalOf(only.message());
        if (v.size() != 1 || !only.rule().equals("TW-SAFE-URL") || !only.pointer().equals("/url")
            || checked != null) {
          failures.add(p + " => malformed refusal " + v.list());
        }
      }
      if (!outcome.equals(p.expected())) {
        failures.add(p + " => " + outcome);
      }
    }
    assertTrue(failures.isEmpty(), String.join("\n", failures));
  }

  @Test
  void theCorpusIsLargeAndCoversEveryRule() {
    long refused = CORPUS.payloads().stream().filter(p -> !p.expected().equals(SsrfCorpus.OK)).count();
    long accepted = CORPUS.payloads().size() - refused;
    assertTrue(refused >= 100, "at least 100 SSRF payloads, got " + refused);
    assertTrue(accepted >= 15, "legitimate URLs too, got " + accepted);
    for (Refusal r : Refusal.values()) {
      if (r == Refusal.TOO_LONG || r == Refusal.REDIRECT || r == Refusal.TOO_MANY_REDIRECTS) {
        continue; // built in code (UrlGuardTest) or needing a server (SafeHttpClientTest)
      }
      assertTrue(CORPUS.payloads().stream().anyMatch(p -> p.expected().equals(r.name())), "no payload for " + r);
    }
  }

  @Test
  void refusalMessagesAreFixedTextsThatCarryNoAddressAndNoUrl() {
    for (SsrfCorpus.Payload p : CORPUS.payloads()) {
      Violations v = new Violations();
      UrlArguments.check(GUARD, SsrfCorpus.rule(p.policy(), "/url"), "/url", p.url(), v);
      for (Violation violation : v.list()) {
        // one of the fixed reasons, so nothing of the URL, its host or its addresses can be in it
        assertTrue(!refusalOf(violation.message()).startsWith("unknown"), p + " => " + violation);
        assertEquals("/url: " + violation.message() + " [TW-SAFE-URL]", violation.toString());
      }
    }
  }

  /** The refusal whose reason a violation message carries. */
  static String refusalOf(String message) {
    for (Refusal r : Refusal.values()) {
      if (message.equals("url refused: " + r.reason())) {
        return r.name();
      }
    }
    return "unknown message: " + message;
  }

  @Test
  void acceptedUrlsComeBackWithLowerCaseSchemeAndHostAndNothingElseRewritten() {
    Violations v = new Violations();
    URI u = UrlArguments.check(GUARD, SsrfCorpus.rule("open", "/url"), "/url", "HTTPS://API.Example.COM/X?Q=A%20B#F", v);
    assertEquals("https://api.example.com/X?Q=A%20B#F", u.toString());
    assertEquals(0, v.size());
  }
}
