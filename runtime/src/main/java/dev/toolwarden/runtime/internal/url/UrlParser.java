package dev.toolwarden.runtime.internal.url;

import dev.toolwarden.runtime.internal.url.ParsedUrl.HostKind;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * A strict reader of absolute {@code scheme://host[:port][/path][?query][#fragment]} URLs, on top
 * of {@link URI}. It splits the text itself, refuses whatever parsers disagree about, and then
 * asks {@link URI} to read the same text: when the two disagree on the authority, host or port,
 * the URL is ambiguous and refused. What it refuses, and why:
 * <ul>
 *   <li>spaces, tabs, newlines, control and non-ASCII characters (WHATWG parsers strip or
 *       re-encode some of them, so the host a fetcher sees could differ from the one checked);
 *   <li>backslashes (WHATWG reads {@code \} as {@code /}: {@code https://evil\@good});
 *   <li>userinfo ({@code https://good@evil}), {@code %} in the authority (encoded hosts), an
 *       empty host ({@code https:///x}, and the registry-based authorities {@link URI} falls back
 *       to when the host is not a valid server name, where {@link URI#getHost()} is null);
 *   <li>trailing dots, labels that are not LDH, names over 253 characters;
 *   <li>numeric hosts in any form but canonical dotted decimal, IPv6 zones and IPvFuture;
 *   <li>ports with leading zeros, out of range, or empty after the colon.
 * </ul>
 */
public final class UrlParser {

  /** Longest URL read; longer is refused outright. */
  public static final int MAX_LENGTH = 4096;

  private UrlParser() {}

  /**
   * The scheme of {@code raw}, lower case, so that a disallowed scheme is named as such before
   * the rest is read ({@code file:///etc/passwd} is a scheme refusal, not a malformed URL).
   */
  public static String scheme(String raw) {
    if (raw == null || raw.isEmpty()) {
      throw new UrlRefusal(Refusal.MALFORMED);
    }
    if (raw.length() > MAX_LENGTH) {
      throw new UrlRefusal(Refusal.TOO_LONG);
    }
    return raw.substring(0, schemeEnd(raw)).toLowerCase(Locale.ROOT);
  }

  /** Parses {@code raw}; throws {@link UrlRefusal} with the first rule it breaks. */
  public static ParsedUrl parse(String raw) {
    String scheme = scheme(raw);
    int colon = scheme.length();
    if (!raw.startsWith("//", colon + 1)) {
      throw new UrlRefusal(Refusal.MALFORMED);
    }
    int authorityStart = colon + 3;
    int authorityEnd = authorityStart;
    while (authorityEnd < raw.length() && "/?#".indexOf(raw.charAt(authorityEnd)) < 0) {
      authorityEnd++;
    }
    String authority = raw.substring(authorityStart, authorityEnd);
    checkAuthorityCharacters(authority);
    checkCharacters(raw);
    HostPort hp = splitHostPort(authority);
    ParsedUrl candidate = readHost(scheme, hp);
    String rest = raw.substring(authorityEnd);
    String canonical = scheme + "://" + authorityOf(candidate) + rest;
    URI uri = crossCheck(raw, authority, candidate, canonical);
    return new ParsedUrl(scheme, candidate.host(), candidate.kind(), candidate.literal(), candidate.port(), uri);
  }

  private static int schemeEnd(String raw) {
    int colon = raw.indexOf(':');
    if (colon <= 0) {
      throw new UrlRefusal(Refusal.MALFORMED);
    }
    for (int i = 0; i < colon; i++) {
      char c = raw.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
          || (i > 0 && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'));
      if (!ok) {
        throw new UrlRefusal(Refusal.MALFORMED);
      }
    }
    return colon;
  }

  /** Authority-specific refusals come first, so a Unicode host says "internationalized". */
  private static void checkAuthorityCharacters(String authority) {
    for (int i = 0; i < authority.length(); i++) {
      char c = authority.charAt(i);
      if (c == '\\') {
        throw new UrlRefusal(Refusal.BACKSLASH);
      }
      if (c == '@') {
        throw new UrlRefusal(Refusal.USERINFO);
      }
      if (c > 0x7e && !Character.isWhitespace(c) && !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT) {
        throw new UrlRefusal(Refusal.IDN);
      }
    }
  }

  private static void checkCharacters(String raw) {
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '\\') {
        throw new UrlRefusal(Refusal.BACKSLASH);
      }
      if (c <= 0x20 || c >= 0x7f) {
        throw new UrlRefusal(Refusal.NOT_ASCII);
      }
    }
  }

  private record HostPort(String host, boolean bracketed, int port) {}

  private static HostPort splitHostPort(String authority) {
    if (authority.indexOf('%') >= 0) {
      throw new UrlRefusal(Refusal.HOST_ENCODED);
    }
    String host;
    String portText = null;
    boolean bracketed = authority.startsWith("[");
    if (bracketed) {
      int close = authority.indexOf(']');
      if (close < 0) {
        throw new UrlRefusal(Refusal.MALFORMED);
      }
      host = authority.substring(1, close);
      String after = authority.substring(close + 1);
      if (!after.isEmpty()) {
        if (after.charAt(0) != ':') {
          throw new UrlRefusal(Refusal.MALFORMED);
        }
        portText = after.substring(1);
      }
    } else {
      if (authority.indexOf('[') >= 0 || authority.indexOf(']') >= 0) {
        throw new UrlRefusal(Refusal.MALFORMED);
      }
      int c = authority.indexOf(':');
      if (c >= 0 && authority.indexOf(':', c + 1) >= 0) {
        throw new UrlRefusal(Refusal.IP_FORM); // an IPv6 address without brackets
      }
      host = c < 0 ? authority : authority.substring(0, c);
      portText = c < 0 ? null : authority.substring(c + 1);
    }
    if (host.isEmpty()) {
      throw new UrlRefusal(Refusal.MALFORMED);
    }
    return new HostPort(host, bracketed, portText == null ? -1 : port(portText));
  }

  private static int port(String text) {
    if (text.isEmpty() || text.length() > 5 || (text.length() > 1 && text.charAt(0) == '0')) {
      throw new UrlRefusal(Refusal.PORT);
    }
    int p = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        throw new UrlRefusal(Refusal.MALFORMED);
      }
      p = p * 10 + (c - '0');
    }
    if (p == 0 || p > 65535) {
      throw new UrlRefusal(Refusal.PORT);
    }
    return p;
  }

  private static ParsedUrl readHost(String scheme, HostPort hp) {
    String host = hp.host().toLowerCase(Locale.ROOT);
    if (hp.bracketed()) {
      byte[] v6 = IpLiterals.ipv6(host);
      if (v6 == null) {
        throw new UrlRefusal(Refusal.IP_FORM);
      }
      return new ParsedUrl(scheme, host, HostKind.IPV6, v6, hp.port(), null);
    }
    if (IpLiterals.looksNumeric(host)) {
      byte[] v4 = IpLiterals.ipv4(host);
      if (v4 == null) {
        throw new UrlRefusal(Refusal.IP_FORM);
      }
      return new ParsedUrl(scheme, host, HostKind.IPV4, v4, hp.port(), null);
    }
    if (host.endsWith(".")) {
      throw new UrlRefusal(Refusal.TRAILING_DOT);
    }
    HostNames.checkSyntax(host);
    return new ParsedUrl(scheme, host, HostKind.NAME, null, hp.port(), null);
  }

  private static String authorityOf(ParsedUrl p) {
    String host = p.kind() == HostKind.IPV6 ? "[" + p.host() + "]" : p.host();
    return p.port() < 0 ? host : host + ":" + p.port();
  }

  /** {@link URI} must read the same authority, host and port, and accept the rest. */
  private static URI crossCheck(String raw, String authority, ParsedUrl p, String canonical) {
    try {
      URI original = new URI(raw);
      URI uri = new URI(canonical);
      String expectedHost = p.kind() == HostKind.IPV6 ? "[" + p.host() + "]" : p.host();
      if (!authority.equals(original.getRawAuthority()) || original.getRawUserInfo() != null
          || original.getHost() == null || !expectedHost.equalsIgnoreCase(original.getHost())
          || original.getPort() != p.port() || !expectedHost.equals(uri.getHost()) || uri.getPort() != p.port()
          || original.isOpaque()) {
        throw new UrlRefusal(Refusal.MALFORMED);
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new UrlRefusal(Refusal.MALFORMED);
    }
  }
}
