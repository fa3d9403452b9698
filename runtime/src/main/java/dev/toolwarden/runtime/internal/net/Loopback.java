package dev.toolwarden.runtime.internal.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * The one answer, for the whole runtime, to "is this host the loopback interface?" — asked of
 * the address the HTTP transport binds and of the hosts in OAuth URLs (plain {@code http} is only
 * acceptable on loopback).
 *
 * <p>Only {@code localhost} and IP literals can be loopback; any other name is not, and is never
 * resolved: a DNS answer can change after start-up (or be chosen by an attacker), so a decision
 * that relaxes a security rule must not depend on one.
 */
public final class Loopback {

  private Loopback() {}

  /** Whether {@code host} (a name, an IPv4 literal, or an IPv6 literal with or without brackets) is loopback. */
  public static boolean isLoopback(String host) {
    if (host == null || host.isEmpty()) {
      return false;
    }
    String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    if ("localhost".equals(h.toLowerCase(Locale.ROOT))) {
      return true;
    }
    boolean ipv4Literal = h.chars().allMatch(c -> c == '.' || c >= '0' && c <= '9');
    boolean ipv6Literal = h.indexOf(':') >= 0 && h.chars().allMatch(c -> c == ':' || c == '.' || c >= '0' && c <= '9'
        || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F');
    if (!ipv4Literal && !ipv6Literal) {
      return false; // a name: never resolved
    }
    try {
      return InetAddress.getByName(h).isLoopbackAddress(); // a literal: parsed, no lookup
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
