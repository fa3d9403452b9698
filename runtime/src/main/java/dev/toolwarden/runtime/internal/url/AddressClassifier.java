package dev.toolwarden.runtime.internal.url;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Classifies IPv4 and IPv6 addresses by the IANA special-purpose registries and the cloud
 * metadata endpoints. The most specific network wins (a metadata address inside link-local is
 * metadata). IPv4 outside every listed network is public; IPv6 is public only inside
 * {@code 2000::/3} (global unicast) and outside every listed network.
 *
 * <p>IPv6 that carries an IPv4 address is refused, with one exception: a NAT64 ({@code 64:ff9b::/96})
 * or 6to4 ({@code 2002::/16}) address whose IPv4 address is public is public, because that is
 * how a DNS64 network hands out every IPv4-only host. Mapped, compatible, translated, local-use
 * NAT64 and Teredo (obfuscated) forms are always refused.
 */
public final class AddressClassifier {

  private record Range(Cidr cidr, AddressClass cls) {}

  private static final List<Range> RANGES = ranges();
  private static final Cidr GLOBAL_UNICAST = Cidr.parse("2000::/3");
  private static final Cidr NAT64 = Cidr.parse("64:ff9b::/96");
  private static final Cidr SIX_TO_FOUR = Cidr.parse("2002::/16");

  private AddressClassifier() {}

  private static List<Range> ranges() {
    List<Range> r = new ArrayList<>();
    add(r, AddressClass.METADATA, "169.254.169.254", "169.254.170.2", "169.254.169.253", "100.100.100.200",
        "168.63.129.16", "fd00:ec2::254", "fd00:ec2::253", "fd20:ce::254");
    add(r, AddressClass.UNSPECIFIED, "0.0.0.0/8", "::/128");
    add(r, AddressClass.LOOPBACK, "127.0.0.0/8", "::1/128");
    add(r, AddressClass.PRIVATE, "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fec0::/10");
    add(r, AddressClass.LINK_LOCAL, "169.254.0.0/16", "fe80::/10");
    add(r, AddressClass.SHARED, "100.64.0.0/10");
    add(r, AddressClass.UNIQUE_LOCAL, "fc00::/7");
    add(r, AddressClass.MULTICAST, "224.0.0.0/4", "ff00::/8");
    add(r, AddressClass.BROADCAST, "255.255.255.255/32");
    add(r, AddressClass.RESERVED, "192.0.0.0/24", "192.0.2.0/24", "192.88.99.0/24", "198.18.0.0/15",
        "198.51.100.0/24", "203.0.113.0/24", "240.0.0.0/4", "100::/64", "2001::/23", "2001:db8::/32",
        "3fff::/20", "5f00::/16");
    add(r, AddressClass.EMBEDDED_IPV4, "::ffff:0:0/96", "::/96", "::ffff:0:0:0/96", "64:ff9b::/96",
        "64:ff9b:1::/48", "2002::/16", "2001::/32");
    // most specific first, so 169.254.169.254 is metadata and 2001::/32 (Teredo) is not just reserved
    r.sort(Comparator.comparingInt((Range x) -> x.cidr().prefix()).reversed());
    return List.copyOf(r);
  }

  private static void add(List<Range> r, AddressClass cls, String... networks) {
    for (String n : networks) {
      r.add(new Range(Cidr.parse(n), cls));
    }
  }

  /** The class of a 4- or 16-byte address. */
  public static AddressClass classify(byte[] address) {
    if (address.length != 4 && address.length != 16) {
      throw new IllegalArgumentException("not an IP address");
    }
    for (Range r : RANGES) {
      if (r.cidr().contains(address)) {
        if (r.cidr().equals(NAT64)) {
          return embedded(address, 12);
        }
        if (r.cidr().equals(SIX_TO_FOUR)) {
          return embedded(address, 2);
        }
        return r.cls();
      }
    }
    if (address.length == 16 && !GLOBAL_UNICAST.contains(address)) {
      return AddressClass.RESERVED;
    }
    return AddressClass.PUBLIC;
  }

  /** Public when the IPv4 address at {@code offset} is public, else refused as IPv4-carrying. */
  private static AddressClass embedded(byte[] address, int offset) {
    byte[] v4 = java.util.Arrays.copyOfRange(address, offset, offset + 4);
    return classify(v4) == AddressClass.PUBLIC ? AddressClass.PUBLIC : AddressClass.EMBEDDED_IPV4;
  }
}
