package dev.toolwarden.runtime.internal.url;

import java.util.Arrays;

/**
 * An IPv4 or IPv6 network in CIDR notation ({@code 10.0.0.0/8}, {@code fc00::/7}); a bare address
 * is a network of one. IPv4 and IPv6 never match each other: an IPv4-carrying IPv6 address is its
 * own class, refused by the classifier, not matched against IPv4 networks.
 *
 * @param network the network address, 4 or 16 bytes
 * @param prefix the number of leading bits that must match
 */
public record Cidr(byte[] network, int prefix) {

  public Cidr {
    network = network.clone();
    if (prefix < 0 || prefix > network.length * 8) {
      throw new IllegalArgumentException("prefix out of range");
    }
  }

  /**
   * Parses {@code address} or {@code address/prefix} with canonical literals only.
   *
   * @throws IllegalArgumentException when the text is not such a network
   */
  public static Cidr parse(String text) {
    int slash = text.indexOf('/');
    String address = slash < 0 ? text : text.substring(0, slash);
    byte[] bytes = address.indexOf(':') >= 0 ? IpLiterals.ipv6(address) : IpLiterals.ipv4(address);
    if (bytes == null) {
      throw new IllegalArgumentException("not an IP address or CIDR network: " + text);
    }
    int prefix = bytes.length * 8;
    if (slash >= 0) {
      String p = text.substring(slash + 1);
      if (!p.matches("[0-9]{1,3}") || Integer.parseInt(p) > bytes.length * 8) {
        throw new IllegalArgumentException("invalid prefix length in " + text);
      }
      prefix = Integer.parseInt(p);
    }
    return new Cidr(bytes, prefix);
  }

  /** Whether {@code address} (4 or 16 bytes) lies in this network. */
  public boolean contains(byte[] address) {
    if (address.length != network.length) {
      return false;
    }
    int full = prefix / 8;
    for (int i = 0; i < full; i++) {
      if (address[i] != network[i]) {
        return false;
      }
    }
    int rest = prefix % 8;
    if (rest == 0) {
      return true;
    }
    int mask = (0xff << (8 - rest)) & 0xff;
    return (address[full] & mask) == (network[full] & mask);
  }

  @Override
  public byte[] network() {
    return network.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Cidr c && c.prefix == prefix && Arrays.equals(c.network, network);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(network) + prefix;
  }

  @Override
  public String toString() {
    return Arrays.toString(network) + "/" + prefix;
  }
}
