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

  static HostResolver testResolver() {
    return HostResolver.fixed(Map.ofEntries(
        Map.entry("origin.lab.test", List.of("127.0.0.1")),
        Map.entry("other.lab.test", List.of("127.0.0.1")),
        Map.entry("loop2.lab.test", List.of("127.0.0.2")),
        Map.entry("internal.lab.test", List.of("10.0.0.7")),
        Map.entry("meta.lab.test", List.of("169.254.169.254")),
        Map.entry("mapped.lab.test", List.of("::ffff:127.0.0.2")),
        Map.entry("v6loop.lab.test", List.of("::1")),
        Map.entry("rebind.lab.test", List.of("127.0.0.1", "10.0.0.1"))));
  }

  private Egress trustingOrigin() {
    return Egress.builder().resolver(testResolver()).trust("127.0.0.1").build();
  }

  private UrlPolicy policy() {
    return UrlPolicy.builder().schemes("http").hosts("*.lab.test").ports(port, 80).build();
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
    Egress untrusted = Egress.builder().resolver(testResolver()).build();
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
  void everyRedirectToAForbiddenTargetIsRefusedBeforeItIsContacted() {
    Map<String, String> targets = new java.util.LinkedHashMap<>();
    targets.put("http://127.0.0.1:" + port + "/ok", "host not allowed");
    targets.put("http://[::1]:" + port + "/ok", "host not allowed");
    targets.put("http://169.254.169.254/latest/meta-data/", "host not allowed");
    targets.put("http://metadata.google.internal/computeMetadata/v1/", "host not allowed");
    targets.put("http://evil.example.com/", "host not allowed");
    targets.put("http://internal.lab.test/ok", "host does not resolve to an allowed address");
    targets.put("//internal.lab.test/ok", "host does not resolve to an allowed address");
    targets.put("http://loop2.lab.test:" + port + "/ok", "host does not resolve to an allowed address");
    targets.put("http://meta.lab.test/latest/meta-data/", "host does not resolve to an allowed address");
    targets.put("http://mapped.lab.test:" + port + "/ok", "host does not resolve to an allowed address");
    targets.put("http://v6loop.lab.test:" + port + "/ok", "host does not resolve to an allowed address");
    targets.put("http://rebind.lab.test:" + port + "/ok", "host does not resolve to an allowed address");
    targets.put("http://unknown.lab.test/ok", "host does not resolve to an allowed address");
    targets.put("http://2130706433:" + port + "/ok", "ip address must be written in canonical form");
    targets.put("http://0x7f.1:" + port + "/ok", "ip address must be written in canonical form");
    targets.put("file:///etc/passwd", "scheme not allowed");
    targets.put("gopher://origin.lab.test:" + port + "/_INFO", "scheme not allowed");
    targets.put("https://origin.lab.test:" + port + "/ok", "scheme not allowed");
    targets.put("http://origin.lab.test@internal.lab.test/ok", "userinfo not allowed");
    targets.put("http://origin.lab.test:22/", "port not allowed");
    targets.put("http://origin.lab.test\\@internal.lab.test/", "malformed url");
    targets.put("http://origin.lab.test:" + port + "/a b", "malformed url");
    targets.put(redirectTo("http://internal.lab.test/ok"), "host does not resolve to an allowed address");
    List<String> failures = new ArrayList<>();
    try (SafeHttpClient http = client(5)) {
      targets.forEach((target, reason) -> {
        try {
          SafeHttpResponse r = http.get(URI.create(redirectTo(target)));
          failures.add(target + " => followed, status " + r.status());
        } catch (UrlRefusedException e) {
          if (!e.getMessage().equals("url refused: " + reason + " [TW-SAFE-URL]")) {
            failures.add(target + " => " + e.getMessage());
          }
        }
      });
    }
    assertTrue(failures.isEmpty(), String.join("\n", failures));
    assertTrue(origin.requests().stream().allMatch(r -> r.endsWith(" /redirect")), origin.requests().toString());
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
