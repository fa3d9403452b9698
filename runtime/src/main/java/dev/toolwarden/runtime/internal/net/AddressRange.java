package dev.toolwarden.runtime.internal.net;

import java.net.InetAddress;
import java.util.Arrays;

/**
 * One IP address or CIDR block ({@code 10.0.0.7}, {@code 10.0.0.0/8}, {@code 2001:db8::/32}),
 * IPv4 or IPv6. An IPv4 range never matches an IPv6 address and the other way round, except that
 * IPv4-mapped IPv6 addresses ({@code ::ffff:10.0.0.7}) are IPv4 addresses (Java reads them so).
 */
public final class AddressRange {

  private final byte[] network;
  private final int prefix;
  private final String text;

  private AddressRange(byte[] network, int prefix, String text) {
    this.network = network;
    this.prefix = prefix;
    this.text = text;
  }

  /**
   * Parses {@code address} or {@code address/prefix}.
   *
   * @throws IllegalArgumentException naming the value when it is neither (names are refused: an
   *     address trusted on the strength of a DNS answer would move with it)
   */
  public static AddressRange parse(String value) {
    String v = value == null ? "" : value.trim();
    int slash = v.indexOf('/');
    InetAddress address = IpLiteral.parse(slash < 0 ? v : v.substring(0, slash));
    if (address == null) {
      throw new IllegalArgumentException("'" + v + "' is not an IP address or CIDR block (e.g. 10.0.0.7, 10.0.0.0/8,"
          + " 2001:db8::/32; host names are not accepted)");
    }
    byte[] bytes = address.getAddress();
    int bits = bytes.length * 8;
    int prefix = bits;
    if (slash >= 0) {
      String p = v.substring(slash + 1);
      if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')
          || Integer.parseInt(p) > bits) {
        throw new IllegalArgumentException("'" + v + "' has an invalid prefix length: 0.." + bits + " expected");
      }
      prefix = Integer.parseInt(p);
    }
    return new AddressRange(mask(bytes, prefix), prefix, v);
  }

  /** Whether {@code address} is in this range. */
  public boolean contains(InetAddress address) {
    byte[] bytes = address.getAddress();
    return bytes.length == network.length && Arrays.equals(mask(bytes, prefix), network);
  }

  private static byte[] mask(byte[] bytes, int prefix) {
    byte[] out = bytes.clone();
    for (int i = 0; i < out.length; i++) {
      int keep = Math.max(0, Math.min(8, prefix - i * 8));
      out[i] = (byte) (out[i] & (0xFF << (8 - keep)));
    }
    return out;
  }

  @Override
  public String toString() {
    return text;
  }
}
