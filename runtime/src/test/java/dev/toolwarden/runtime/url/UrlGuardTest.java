package dev.toolwarden.runtime.url;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwarden.runtime.internal.url.AddressClass;
import dev.toolwarden.runtime.internal.url.AddressClassifier;
import dev.toolwarden.runtime.internal.url.Cidr;
import dev.toolwarden.runtime.internal.url.HostAllowlist;
import dev.toolwarden.runtime.internal.url.IpLiterals;
import dev.toolwarden.runtime.internal.url.Refusal;
import dev.toolwarden.runtime.internal.url.UrlGuard;
import dev.toolwarden.runtime.internal.url.UrlRefusal;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The pieces of the guard one by one: literals, networks, classes, patterns, policy, trust. */
class UrlGuardTest {

  private static Refusal refusal(UrlGuard guard, UrlPolicy policy, String url) {
    return assertThrows(UrlRefusal.class, () -> guard.check(policy, url)).refusal();
  }

  @Test
  void ipv6LiteralsReadAsTheJdkReadsThem() throws Exception {
    Random random = new Random(17);
    for (int i = 0; i < 2000; i++) {
      byte[] bytes = new byte[16];
      random.nextBytes(bytes);
      // runs of zero groups, so that "::" compression occurs
      for (int g = random.nextInt(8), n = random.nextInt(5); n > 0 && g < 8; n--, g++) {
        bytes[2 * g] = 0;
        bytes[2 * g + 1] = 0;
      }
      String full = InetAddress.getByAddress(bytes).getHostAddress();
      assertArrayEquals(bytes, IpLiterals.ipv6(full), full);
      String compressed = full.replaceFirst("(^|:)0(:0)+(:|$)", "::");
      assertArrayEquals(bytes, IpLiterals.ipv6(compressed), compressed);
    }
  }

  @Test
  void ipLiteralsRefuseEveryLegacyForm() {
    for (String s : List.of("127.1", "0177.0.0.1", "0x7f.0.0.1", "2130706433", "127.0.0.01", "256.0.0.1", "1.2.3",
        "1.2.3.4.5", "", "1..2.3", "+1.2.3.4", "1.2.3.4 ")) {
      assertNull(IpLiterals.ipv4(s), s);
    }
    for (String s : List.of("::1::", "1:2:3:4:5:6:7:8:9", "12345::", "::1%eth0", "v1.x", ":1", "1:", "::ffff:127.1",
        "1:2:3:4:5:6:7:1.2.3.4", "g::1")) {
      assertNull(IpLiterals.ipv6(s), s);
    }
  }

  @Test
  void classesFollowTheSpecialPurposeRegistriesAtTheirEdges() {
    assertEquals(AddressClass.PRIVATE, cls("172.16.0.0"));
    assertEquals(AddressClass.PRIVATE, cls("172.31.255.255"));
    assertEquals(AddressClass.PUBLIC, cls("172.32.0.0"));
    assertEquals(AddressClass.PUBLIC, cls("172.15.255.255"));
    assertEquals(AddressClass.SHARED, cls("100.64.0.0"));
    assertEquals(AddressClass.PUBLIC, cls("100.128.0.0"));
    assertEquals(AddressClass.METADATA, cls("169.254.169.254"));
    assertEquals(AddressClass.LINK_LOCAL, cls("169.254.169.255"));
    assertEquals(AddressClass.UNSPECIFIED, cls("0.1.2.3"));
    assertEquals(AddressClass.METADATA, cls("fd00:ec2::254"));
    assertEquals(AddressClass.UNIQUE_LOCAL, cls("fd00:ec2::255"));
    assertEquals(AddressClass.EMBEDDED_IPV4, cls("::ffff:8.8.8.8"));
    assertEquals(AddressClass.PUBLIC, cls("64:ff9b::808:808"));
    assertEquals(AddressClass.EMBEDDED_IPV4, cls("64:ff9b::a9fe:a9fe"));
    assertEquals(AddressClass.PUBLIC, cls("2002:808:808::1"));
    assertEquals(AddressClass.EMBEDDED_IPV4, cls("2001::1"));
    assertEquals(AddressClass.RESERVED, cls("2001:db8::1"));
    assertEquals(AddressClass.RESERVED, cls("4000::1"));
    assertEquals(AddressClass.PUBLIC, cls("2a00:1450:4001:81c::200e"));
  }

  private static AddressClass cls(String literal) {
    byte[] b = literal.indexOf(':') >= 0 ? IpLiterals.ipv6(literal) : IpLiterals.ipv4(literal);
    return AddressClassifier.classify(b);
  }

  @Test
  void cidrMatchesOnBitBoundaries() {
    Cidr c = Cidr.parse("10.1.2.128/25");
    assertTrue(c.contains(IpLiterals.ipv4("10.1.2.255")));
    assertTrue(!c.contains(IpLiterals.ipv4("10.1.2.127")));
    assertTrue(!c.contains(IpLiterals.ipv6("::ffff:10.1.2.200")), "IPv6 never matches an IPv4 network");
    assertThrows(IllegalArgumentException.class, () -> Cidr.parse("10.1.2.0/33"));
    assertThrows(IllegalArgumentException.class, () -> Cidr.parse("localhost"));
  }

  @Test
  void hostPatternsAreCheckedAndMatchOnLabelBoundaries() {
    assertNull(HostAllowlist.problem("api.example.com"));
    assertNull(HostAllowlist.problem("*.example.org"));
    for (String bad : List.of("", "*", "*.com", "a.*.com", "API.example.com", "example.com.", "10.0.0.1", "a_b.com",
        "b\u00fccher.com", "ex ample.com", "**.example.com")) {
      assertTrue(HostAllowlist.problem(bad) != null, bad);
    }
    HostAllowlist list = HostAllowlist.of(List.of("*.example.org", "xn--bcher-kva.example.com"));
    assertTrue(list.matches("a.example.org"));
    assertTrue(list.matches("a.b.example.org"));
    assertTrue(!list.matches("example.org"));
    assertTrue(!list.matches("badexample.org"));
    assertTrue(!list.matches("xn--80ak6aa92e.example.org"), "a wildcard never stands for a punycode label");
    assertTrue(list.matches("xn--bcher-kva.example.com"));
  }

  @Test
  void theGuardRefusesOverlongUrlsBeforeReadingThem() {
    String url = "https://api.example.com/" + "a".repeat(5000);
    assertEquals(Refusal.TOO_LONG, refusal(UrlGuard.system(), UrlPolicy.publicWeb(), url));
  }

  @Test
  void aHostOutsideTheAllowlistCausesNoLookup() {
    int[] lookups = {0};
    UrlGuard guard = new UrlGuard(Egress.builder().resolver(host -> {
      lookups[0]++;
      return List.of(InetAddress.getByAddress(host, new byte[] {93, (byte) 184, (byte) 216, 34}));
    }).build());
    UrlPolicy listed = UrlPolicy.builder().schemes("https").hosts("api.example.com").build();
    assertEquals(Refusal.HOST, refusal(guard, listed, "https://internal.example.com/"));
    assertEquals(Refusal.HOST, refusal(guard, UrlPolicy.publicWeb(), "https://localhost/"));
    assertEquals(0, lookups[0]);
    guard.check(listed, "https://api.example.com/");
    assertEquals(1, lookups[0]);
  }

  @Test
  void trustedNetworksOpenExactlyThemselvesAndNeverTheNeverClasses() {
    HostResolver resolver = HostResolver.fixed(Map.of("origin.example.net", List.of("127.0.0.1"),
        "other.example.net", List.of("127.0.0.2")));
    UrlGuard guard = new UrlGuard(Egress.builder().resolver(resolver).trust("127.0.0.1", "169.254.0.0/16",
        "0.0.0.0/8").build());
    UrlPolicy policy = UrlPolicy.builder().schemes("http").anyPort().build();
    assertEquals("http://origin.example.net:8080/", guard.check(policy, "http://origin.example.net:8080/").url().uri()
        .toString());
    assertEquals(Refusal.ADDRESS, refusal(guard, policy, "http://other.example.net/"));
    assertEquals(Refusal.ADDRESS, refusal(guard, policy, "http://169.254.169.254/"), "metadata cannot be trusted");
    assertEquals(Refusal.ADDRESS, refusal(guard, policy, "http://0.0.0.0/"), "unspecified cannot be trusted");
    assertEquals(Refusal.ADDRESS, refusal(guard, policy, "http://[::ffff:127.0.0.1]/"), "mapped cannot be trusted");
    guard.check(policy, "http://169.254.1.1/"); // trusted link-local that is not metadata
  }

  @Test
  void allowPrivateOpensPrivateClassesButNotMetadataOrUnspecified() {
    UrlPolicy policy = UrlPolicy.builder().schemes("http").allowPrivate(true).build();
    UrlGuard guard = UrlGuard.system();
    guard.check(policy, "http://10.0.0.1/");
    guard.check(policy, "http://[::1]/");
    guard.check(policy, "http://100.64.0.1/");
    assertEquals(Refusal.ADDRESS, refusal(guard, policy, "http://169.254.169.254/"));
    assertEquals(Refusal.ADDRESS, refusal(guard, policy, "http://0.0.0.0/"));
    assertEquals(Refusal.ADDRESS, refusal(guard, policy, "http://224.0.0.1/"));
    assertEquals(Refusal.ADDRESS, refusal(guard, policy, "http://192.0.2.1/"));
    assertEquals(Refusal.HOST, refusal(guard, policy, "http://metadata.google.internal/"));
  }

  @Test
  void policiesRefuseMalformedDeclarations() {
    assertThrows(IllegalArgumentException.class, () -> UrlPolicy.builder().build());
    assertThrows(IllegalArgumentException.class, () -> UrlPolicy.builder().schemes("ht tp"));
    assertThrows(IllegalArgumentException.class, () -> UrlPolicy.builder().schemes("https").hosts("*.com").build());
    assertThrows(IllegalArgumentException.class, () -> UrlPolicy.builder().ports(0));
    assertThrows(IllegalArgumentException.class, () -> Egress.builder().trust("127.1"));
    assertThrows(IllegalArgumentException.class, () -> HostResolver.fixed(Map.of("a.example", List.of("0x7f.1"))));
  }

  @Test
  void safeUrlsCheckThrowsARefusalThatNamesTheRule() {
    UrlRefusedException e = assertThrows(UrlRefusedException.class,
        () -> SafeUrls.check(UrlPolicy.publicWeb(), "http://169.254.169.254/"));
    assertEquals("url refused: host does not resolve to an allowed address [TW-SAFE-URL]", e.getMessage());
    assertEquals("https://93.184.216.34/a", SafeUrls.check(UrlPolicy.publicWeb(), "https://93.184.216.34/a").toString());
  }

  @Test
  void anyTextIsEitherRefusedByARuleOrAcceptedWithTheHostJavaReads() throws Exception {
    byte[] publicAddress = {93, (byte) 184, (byte) 216, 34};
    UrlGuard guard = new UrlGuard(Egress.builder()
        .resolver(host -> List.of(InetAddress.getByAddress(host, publicAddress))).build());
    UrlPolicy policy = UrlPolicy.builder().schemes("http", "https").anyPort().build();
    String[] pieces = {"http", "https", "HTTP", ":", "//", "/", "\\", "@", "[", "]", "::", "%", "%2e", ".", "..",
        "a", "b.example", "example.com", "127", "0x7f", "1", "0", "ffff", "::1", "xn--", "-", "_", "?", "#", " ",
        "\t", "\u0430", "\uff0e", "\u3002", "80", "443", "65536", "localhost", "10.0.0.1", "93.184.216.34"};
    Random random = new Random(2026);
    int accepted = 0;
    for (int i = 0; i < 100_000; i++) {
      StringBuilder b = new StringBuilder(i % 3 == 0 ? "http://" : "");
      for (int n = random.nextInt(8); n >= 0; n--) {
        b.append(pieces[random.nextInt(pieces.length)]);
      }
      String raw = b.toString();
      UrlGuard.Checked checked;
      try {
        checked = guard.check(policy, raw);
      } catch (UrlRefusal expected) {
        continue;
      }
      accepted++;
      java.net.URI uri = checked.url().uri();
      String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1)
          : uri.getHost();
      assertEquals(checked.url().host(), host, raw);
      assertNull(uri.getRawUserInfo(), raw);
      assertEquals(uri, guard.check(policy, uri.toString()).url().uri(), "checking is idempotent: " + raw);
    }
    assertTrue(accepted > 100, "the generator also makes valid URLs: " + accepted);
  }
}
