package dev.toolwarden.runtime.internal.url;

import java.net.URI;

/**
 * A URL that passed the strict syntax check.
 *
 * @param scheme the scheme, lower case
 * @param host the host, lower case, without brackets for IPv6
 * @param kind whether the host is a name or an address literal
 * @param literal the address bytes of a literal host, {@code null} for a name
 * @param port the explicit port, or {@code -1}
 * @param uri the URL with scheme and host in lower case, otherwise as sent
 */
public record ParsedUrl(String scheme, String host, HostKind kind, byte[] literal, int port, URI uri) {

  /** How the host was written. */
  public enum HostKind {
    /** A DNS name. */
    NAME,
    /** Canonical dotted-decimal IPv4. */
    IPV4,
    /** Bracketed IPv6. */
    IPV6
  }

  public ParsedUrl {
    literal = literal == null ? null : literal.clone();
  }

  @Override
  public byte[] literal() {
    return literal == null ? null : literal.clone();
  }

  /** The explicit port, else the scheme's default port, else {@code -1}. */
  public int effectivePort() {
    return port >= 0 ? port : defaultPort(scheme);
  }

  /** The well-known port of a scheme, or {@code -1}. */
  public static int defaultPort(String scheme) {
    return switch (scheme) {
      case "http", "ws" -> 80;
      case "https", "wss" -> 443;
      case "ftp" -> 21;
      default -> -1;
    };
  }
}
