package dev.toolwarden.runtime.url;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link SafeHttpClient} against a real server on 127.0.0.1. The server is reachable only
 * because each test trusts 127.0.0.1 explicitly ({@link Egress#builder()}); names resolve through
 * a test resolver. Redirects to private, loopback, metadata and malformed targets are refused
 * before any connection to them, and a DNS answer that changes after the check is checked again
 * at connection time.
 */
@Timeout(60)
class SafeHttpClientTest {

  private LoopbackOrigin origin;
  private int port;

  @BeforeEach
  void start() throws Exception {
    origin = new LoopbackOrigin();
    port = origin.port();
  }

  @AfterEach
  void stop() throws Exception {
    origin.close();
  }

  private static final SsrfCorpus CORPUS = SsrfCorpus.load();

  private Egress trustingOrigin() {
    return CORPUS.trustingOrigin();
  }

  private UrlPolicy policy() {
    return SsrfCorpus.redirectPolicy(port);
  }

  private SafeHttpClient client(int maxRedirects) {
    return SafeHttpClient.builder().policy(policy()).egress(trustingOrigin()).maxRedirects(maxRedirects).build();
  }

  private String url(String pathAndQuery) {
    return "http://origin.lab.test:" + port + pathAndQuery;
  }

  private String redirectTo(String target) {
    return url("/redirect?to=" + URLEncoder.encode(target, StandardCharsets.UTF_8));
  }

  @Test
  void fetchesFromTheTrustedOriginByNameWithTheNameInTheHostHeader() {
    try (SafeHttpClient http = client(0)) {
      SafeHttpResponse r = http.get(URI.create(url("/ok")));
      assertEquals(200, r.status());
      assertEquals(LoopbackOrigin.HELLO, r.text());
    }
    assertEquals(List.of("origin.lab.test:" + port + " /ok"), origin.requests());
  }

  @Test
  void theLoopbackOriginIsUnreachableWithoutExplicitTrust() {
    Egress untrusted = Egress.builder().resolver(CORPUS.resolver()).build();
    try (SafeHttpClient http = SafeHttpClient.builder().policy(policy()).egress(untrusted).build()) {
      UrlRefusedException e = assertThrows(UrlRefusedException.class, () -> http.get(URI.create(url("/ok"))));
      assertEquals("url refused: host does not resolve to an allowed address [TW-SAFE-URL]", e.getMessage());
    }
    try (SafeHttpClient http = SafeUrls.httpClient()) {
      assertThrows(UrlRefusedException.class, () -> http.get(URI.create("http://127.0.0.1:" + port + "/ok")));
    }
    assertEquals(List.of(), origin.requests());
  }

  @Test
  void redirectsAreRefusedByDefault() {
    try (SafeHttpClient http = client(0)) {
      UrlRefusedException e = assertThrows(UrlRefusedException.class, () -> http.get(URI.create(redirectTo("/ok"))));
      assertEquals("url refused: redirect not followed (redirects are off) [TW-SAFE-URL]", e.getMessage());
    }
    assertEquals(List.of("origin.lab.test:" + port + " /redirect"), origin.requests());
  }

  @Test
  void everyRedirectPayloadOfTheCorpusGetsItsExpectedOutcome() {
    SsrfCorpus corpus = CORPUS;
    List<String> failures = new ArrayList<>();
    List<SsrfCorpus.Payload> payloads = corpus.redirects(port);
    try (SafeHttpClient http = SafeHttpClient.builder().policy(SsrfCorpus.redirectPolicy(port))
        .egress(corpus.trustingOrigin()).maxRedirects(5).build()) {
      for (SsrfCorpus.Payload p : payloads) {
        String outcome;
        try {
          SafeHttpResponse r = http.get(URI.create(p.url()));
          outcome = r.text().equals(LoopbackOrigin.HELLO) ? SsrfCorpus.OK : "status " + r.status();
        } catch (UrlRefusedException e) {
          outcome = UrlCorpusTest.refusalOf(e.getMessage().replace(" [TW-SAFE-URL]", ""));
        }
        if (!outcome.equals(p.expected())) {
          failures.add(p + " => " + outcome);
        }
      }
    }
    assertTrue(failures.isEmpty(), String.join("\n", failures));
    assertTrue(payloads.size() >= 20, "redirect payloads: " + payloads.size());
    long followed = payloads.stream().filter(p -> p.expected().equals(SsrfCorpus.OK)).count();
    // refused targets were never contacted: the origin saw the redirects and the legitimate hops only
    assertEquals(followed, origin.requests().stream().filter(r -> r.endsWith(" /ok")).count(), origin.requests()
        .toString());
  }

  @Test
  void allowedRedirectsAreFollowedAndCredentialsStayWithTheirOrigin() {
    try (SafeHttpClient http = client(2)) {
      assertEquals(LoopbackOrigin.HELLO, http.get(URI.create(redirectTo("/ok"))).text());
      String sameOrigin = http.send("GET", URI.create(redirectTo("/headers")), Map.of("Authorization", "Bearer x1"),
          null).text();
      assertTrue(sameOrigin.contains("Authorization: Bearer x1"), sameOrigin);
      String crossOrigin = http.send("GET", URI.create(redirectTo("http://other.lab.test:" + port + "/headers")),
          Map.of("Authorization", "Bearer x1", "Accept", "text/plain"), null).text();
      assertFalse(crossOrigin.contains("Authorization"), crossOrigin);
      assertTrue(crossOrigin.contains("Host: other.lab.test:" + port), crossOrigin);
      UrlRefusedException e = assertThrows(UrlRefusedException.class,
          () -> http.get(URI.create(redirectTo(redirectTo(redirectTo("/ok"))))));
      assertEquals("url refused: too many redirects [TW-SAFE-URL]", e.getMessage());
    }
  }

  @Test
  void aDnsAnswerThatChangesAfterTheCheckIsCheckedAgainAtConnectionTime() throws Exception {
    AtomicInteger lookups = new AtomicInteger();
    HostResolver rebinding = host -> {
      byte[] address = lookups.getAndIncrement() == 0 ? new byte[] {127, 0, 0, 1} : new byte[] {10, 0, 0, 7};
      return List.of(InetAddress.getByAddress(host, address));
    };
    Egress egress = Egress.builder().resolver(rebinding).trust("127.0.0.1").build();
    URI checked = SafeUrls.check(policy(), egress, url("/ok"));
    try (SafeHttpClient http = SafeHttpClient.builder().policy(policy()).egress(egress).build()) {
      UrlRefusedException e = assertThrows(UrlRefusedException.class, () -> http.get(checked));
      assertEquals("url refused: host does not resolve to an allowed address [TW-SAFE-URL]", e.getMessage());
    }
    assertTrue(lookups.get() >= 2, "the client looked the name up itself");
    assertEquals(List.of(), origin.requests());
  }

  @Test
  void responsesAreBoundedInSizeAndTime() {
    try (SafeHttpClient http = SafeHttpClient.builder().policy(policy()).egress(trustingOrigin())
        .maxResponseBytes(1024).timeout(Duration.ofMillis(700)).build()) {
      SafeHttpException big = assertThrows(SafeHttpException.class, () -> http.get(URI.create(url("/big"))));
      assertEquals("response too large", big.getMessage());
      SafeHttpException slow = assertThrows(SafeHttpException.class, () -> http.get(URI.create(url("/hang"))));
      assertEquals("request timed out", slow.getMessage());
    }
  }

  @Test
  void hostHeadersCannotBeForged() {
    try (SafeHttpClient http = client(0)) {
      assertThrows(IllegalArgumentException.class,
          () -> http.send("GET", URI.create(url("/ok")), Map.of("Host", "internal.lab.test"), null));
    }
  }
}
