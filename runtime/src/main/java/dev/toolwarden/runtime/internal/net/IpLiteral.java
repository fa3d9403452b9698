package dev.toolwarden.runtime.internal.net;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Parses IP address literals without ever resolving a name: {@link InetAddress#getByName} looks a
 * string up in DNS unless it is a literal, and accepts legacy IPv4 forms ({@code 127.1},
 * {@code 0x7f.1}) that other software reads differently. Only the forms below are literals here.
 */
public final class IpLiteral {

  private IpLiteral() {}

  /**
   * The address {@code text} spells — four decimal parts 0-255 ({@code 192.0.2.7}), or IPv6
   * ({@code 2001:db8::1}, {@code ::ffff:192.0.2.7}, brackets optional, no zone) — or null for
   * anything else, names included.
   */
  public static InetAddress parse(String text) {
    if (text == null || text.isEmpty() || text.length() > 47) {
      return null;
    }
    String s = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
    boolean v6 = s.indexOf(':') >= 0;
    if (v6 ? !isIpv6Text(s) : !isDottedQuad(s)) {
      return null;
    }
    try {
      return InetAddress.getByName(s); // a checked literal: parsed, no lookup
    } catch (UnknownHostException e) {
      return null;
    }
  }

  private static boolean isIpv6Text(String s) {
    return s.chars().allMatch(c -> c == ':' || c == '.' || c >= '0' && c <= '9' || c >= 'a' && c <= 'f'
        || c >= 'A' && c <= 'F');
  }

  private static boolean isDottedQuad(String s) {
    String[] parts = s.split("\\.", -1);
    if (parts.length != 4) {
      return false;
    }
    for (String p : parts) {
      if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')
          || (p.length() > 1 && p.charAt(0) == '0') || Integer.parseInt(p) > 255) {
        return false; // leading zeros are octal to some parsers: refused rather than guessed
      }
    }
    return true;
  }
}
