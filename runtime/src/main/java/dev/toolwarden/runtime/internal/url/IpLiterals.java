package dev.toolwarden.runtime.internal.url;

/**
 * Strict readers of IP address literals. Only the canonical forms are accepted: four decimal
 * octets without leading zeros for IPv4, and RFC 4291 text (without a zone) for IPv6. The legacy
 * forms that {@code inet_aton}, browsers and {@link java.net.InetAddress} still accept
 * ({@code 2130706433}, {@code 0x7f.1}, {@code 0177.0.0.1}, {@code 127.1}) are not addresses here.
 */
public final class IpLiterals {

  private IpLiterals() {}

  /** The four bytes of a canonical dotted-decimal address, or {@code null}. */
  public static byte[] ipv4(String s) {
    String[] parts = s.split("\\.", -1);
    if (parts.length != 4) {
      return null;
    }
    byte[] out = new byte[4];
    for (int i = 0; i < 4; i++) {
      int v = decimalOctet(parts[i]);
      if (v < 0) {
        return null;
      }
      out[i] = (byte) v;
    }
    return out;
  }

  private static int decimalOctet(String p) {
    if (p.isEmpty() || p.length() > 3 || (p.length() > 1 && p.charAt(0) == '0')) {
      return -1;
    }
    int v = 0;
    for (int i = 0; i < p.length(); i++) {
      char c = p.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v <= 255 ? v : -1;
  }

  /**
   * Whether a host name would be read as an IPv4 address by a URL parser (WHATWG): its last
   * label is all decimal digits, or {@code 0x} followed by hex digits. Such a host must be a
   * canonical address; anything else numeric is an obfuscated address.
   */
  public static boolean looksNumeric(String host) {
    String h = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    String last = h.substring(h.lastIndexOf('.') + 1);
    if (last.isEmpty()) {
      return false;
    }
    int start = 0;
    boolean hex = last.length() >= 2 && last.charAt(0) == '0' && (last.charAt(1) == 'x' || last.charAt(1) == 'X');
    if (hex) {
      start = 2;
    }
    for (int i = start; i < last.length(); i++) {
      char c = last.charAt(i);
      boolean digit = c >= '0' && c <= '9';
      boolean hexDigit = digit || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
      if (hex ? !hexDigit : !digit) {
        return false;
      }
    }
    return true;
  }

  /** The sixteen bytes of an IPv6 address (no brackets, no zone), or {@code null}. */
  public static byte[] ipv6(String s) {
    if (s.isEmpty() || s.length() > 45) {
      return null;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == ':' || c == '.';
      if (!ok) {
        return null; // '%' (a zone), 'v' (IPvFuture) and anything else
      }
    }
    int gap = s.indexOf("::");
    if (gap >= 0 && s.indexOf("::", gap + 1) >= 0) {
      return null;
    }
    String head = gap < 0 ? s : s.substring(0, gap);
    String tail = gap < 0 ? "" : s.substring(gap + 2);
    int[] headGroups = groups(head, gap < 0);
    int[] tailGroups = gap < 0 ? new int[0] : groups(tail, true);
    if (headGroups == null || tailGroups == null) {
      return null;
    }
    int total = headGroups.length + tailGroups.length;
    if (gap < 0 ? total != 8 : total > 7) {
      return null;
    }
    byte[] out = new byte[16];
    for (int i = 0; i < headGroups.length; i++) {
      put(out, i, headGroups[i]);
    }
    for (int i = 0; i < tailGroups.length; i++) {
      put(out, 8 - tailGroups.length + i, tailGroups[i]);
    }
    return out;
  }

  /** 16-bit groups of one side of {@code ::}; a dotted IPv4 tail counts as two groups. */
  private static int[] groups(String side, boolean mayEndWithIpv4) {
    if (side.isEmpty()) {
      return new int[0];
    }
    String[] parts = side.split(":", -1);
    int n = parts.length;
    boolean v4Tail = parts[n - 1].indexOf('.') >= 0;
    if (v4Tail && !mayEndWithIpv4) {
      return null;
    }
    int[] out = new int[v4Tail ? n + 1 : n];
    for (int i = 0; i < n; i++) {
      String p = parts[i];
      if (v4Tail && i == n - 1) {
        byte[] v4 = ipv4(p);
        if (v4 == null) {
          return null;
        }
        out[i] = ((v4[0] & 0xff) << 8) | (v4[1] & 0xff);
        out[i + 1] = ((v4[2] & 0xff) << 8) | (v4[3] & 0xff);
      } else {
        if (p.isEmpty() || p.length() > 4 || p.indexOf('.') >= 0) {
          return null;
        }
        out[i] = Integer.parseInt(p, 16);
      }
    }
    return out;
  }

  private static void put(byte[] out, int group, int value) {
    out[group * 2] = (byte) (value >>> 8);
    out[group * 2 + 1] = (byte) value;
  }
}
