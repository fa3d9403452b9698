package dev.toolwarden.runtime.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.toolwarden.runtime.internal.net.AddressRange;
import java.net.InetAddress;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Whom a request is attributed to: the peer, unless a trusted proxy forwarded it. */
class ClientAddressResolverTest {

  private final ClientAddressResolver resolver = new ClientAddressResolver(
      Stream.of("10.0.0.0/8", "192.0.2.7", "fd00::/8").map(AddressRange::parse).toList());

  private ClientAddressResolver.Client resolve(String peer, Map<String, String> headers) {
    return resolver.resolve(peer, name -> headers.entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
        .map(e -> Collections.enumeration(List.of(e.getValue())))
        .orElse(Collections.emptyEnumeration()));
  }

  @Test
  void anUntrustedPeerIsTheClientWhateverItForwards() {
    ClientAddressResolver.Client c = resolve("203.0.113.5", Map.of("X-Forwarded-For", "198.51.100.1",
        "Forwarded", "for=198.51.100.2;proto=https;host=evil.example", "X-Forwarded-Proto", "https",
        "X-Forwarded-Host", "evil.example"));
    assertEquals(new ClientAddressResolver.Client("203.0.113.5", null, null), c);
  }

  @Test
  void theRightmostUntrustedHopIsTheClient() {
    assertEquals("198.51.100.9", resolve("10.1.1.1", Map.of("X-Forwarded-For", "1.2.3.4, 198.51.100.9")).address(),
        "whatever the client wrote on the left is not believed");
    assertEquals("198.51.100.9", resolve("10.1.1.1",
        Map.of("X-Forwarded-For", "1.2.3.4, 198.51.100.9, 10.2.2.2, 192.0.2.7")).address(),
        "trusted hops are skipped");
    assertEquals("10.3.3.3", resolve("10.1.1.1", Map.of("X-Forwarded-For", "10.3.3.3, 10.2.2.2")).address(),
        "only trusted hops: the leftmost is the client");
  }

  @Test
  void anUnparsableHopEndsTheWalk() {
    assertEquals("10.2.2.2", resolve("10.1.1.1", Map.of("X-Forwarded-For", "198.51.100.9, unknown, 10.2.2.2")).address());
    assertEquals("10.1.1.1", resolve("10.1.1.1", Map.of("X-Forwarded-For", "proxy.example")).address(),
        "a name is never resolved: the proxy's own request");
    assertEquals("10.1.1.1", resolve("10.1.1.1", Map.of("X-Forwarded-For", "010.1.1.1")).address(),
        "an octal-looking part is not an address");
  }

  @Test
  void forwardedGivesAddressSchemeAndHostOfTheClientsHop() {
    ClientAddressResolver.Client c = resolve("fd00::1", Map.of("Forwarded",
        "for=1.2.3.4;proto=http, for=\"[2001:db8::1]:4711\";proto=https;host=\"mcp.example.com\", for=10.9.9.9"));
    assertEquals(new ClientAddressResolver.Client("2001:db8:0:0:0:0:0:1", "https", "mcp.example.com"), c);
  }

  @Test
  void xForwardedProtoAndHostAreTheNearestProxys() {
    ClientAddressResolver.Client c = resolve("10.1.1.1", Map.of("X-Forwarded-For", "198.51.100.9:5555",
        "X-Forwarded-Proto", "http, https", "X-Forwarded-Host", "mcp.example.com"));
    assertEquals(new ClientAddressResolver.Client("198.51.100.9", "https", "mcp.example.com"), c);
  }

  @Test
  void bothHeadersNamingDifferentClientsFailClosedToTheProxy() {
    assertEquals("10.1.1.1", resolve("10.1.1.1", Map.of("X-Forwarded-For", "198.51.100.9",
        "Forwarded", "for=203.0.113.66")).address());
    assertEquals("198.51.100.9", resolve("10.1.1.1", Map.of("X-Forwarded-For", "198.51.100.9",
        "Forwarded", "for=198.51.100.9")).address());
  }

  @Test
  void aTrustedPeerWithoutHeadersIsItself() {
    assertEquals(new ClientAddressResolver.Client("10.1.1.1", null, null), resolve("10.1.1.1", Map.of()));
  }

  @Test
  void rangesMatchTheirFamilyAndPrefixOnly() throws Exception {
    AddressRange v4 = AddressRange.parse("10.0.0.0/8");
    assertEquals(true, v4.contains(InetAddress.getByName("10.255.1.2")));
    assertEquals(false, v4.contains(InetAddress.getByName("11.0.0.1")));
    assertEquals(true, v4.contains(InetAddress.getByName("::ffff:10.0.0.1")), "IPv4-mapped is IPv4");
    assertEquals(false, AddressRange.parse("fd00::/8").contains(InetAddress.getByName("10.0.0.1")));
    assertEquals(true, AddressRange.parse("2001:db8::/32").contains(InetAddress.getByName("2001:db8:ffff::1")));
    assertEquals(false, AddressRange.parse("192.0.2.7").contains(InetAddress.getByName("192.0.2.8")));
    assertEquals(true, AddressRange.parse("0.0.0.0/0").contains(InetAddress.getByName("8.8.8.8")));
    for (String bad : List.of("proxy.internal", "10.0.0.0/33", "10.0.0/8", "::1/129", "10.0.0.1/", "1.2.3.4/-1", "")) {
      assertThrows(IllegalArgumentException.class, () -> AddressRange.parse(bad), bad);
    }
  }
}
