package dev.toolwarden.runtime.internal.http;

import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;

/**
 * Reads the hops of {@code Forwarded} (RFC 7239) and {@code X-Forwarded-For}, in the order the
 * proxies appended them (the client first, the nearest proxy last). Only the parsing lives here;
 * whom to believe is {@link ClientAddressResolver}'s decision.
 */
final class ForwardedHeaders {

  /**
   * One hop: the address it names (as written, port and brackets removed; maybe {@code unknown} or
   * an obfuscated identifier) and, from {@code Forwarded} only, the scheme and host it was received with.
   */
  record Hop(String forAddress, String proto, String host) {}

  private ForwardedHeaders() {}

  /** The hops of every {@code Forwarded} header, in order; empty when there is none. */
  static List<Hop> forwarded(Enumeration<String> headers) {
    List<Hop> hops = new ArrayList<>();
    for (String header : values(headers)) {
      for (String element : split(header, ',')) {
        String forValue = null;
        String proto = null;
        String host = null;
        for (String pair : split(element, ';')) {
          int eq = pair.indexOf('=');
          if (eq <= 0) {
            continue;
          }
          String name = pair.substring(0, eq).trim().toLowerCase(Locale.ROOT);
          String value = unquote(pair.substring(eq + 1).trim());
          switch (name) {
            case "for" -> forValue = value;
            case "proto" -> proto = value;
            case "host" -> host = value;
            default -> { }
          }
        }
        hops.add(new Hop(forValue == null ? "" : stripPort(forValue), proto, host));
      }
    }
    return hops;
  }

  /** The hops of every {@code X-Forwarded-For} header, in order; empty when there is none. */
  static List<Hop> xForwardedFor(Enumeration<String> headers) {
    List<Hop> hops = new ArrayList<>();
    for (String header : values(headers)) {
      for (String entry : header.split(",", -1)) {
        hops.add(new Hop(stripPort(entry.trim()), null, null));
      }
    }
    return hops;
  }

  /** The last value of a comma-separated header (the one the nearest proxy wrote), or null. */
  static String last(Enumeration<String> headers) {
    String last = null;
    for (String header : values(headers)) {
      String[] parts = header.split(",", -1);
      last = parts[parts.length - 1].trim();
    }
    return last == null || last.isEmpty() ? null : last;
  }

  private static List<String> values(Enumeration<String> headers) {
    List<String> out = new ArrayList<>();
    while (headers != null && headers.hasMoreElements()) {
      out.add(headers.nextElement());
    }
    return out;
  }

  /** {@code [2001:db8::1]:4711} -> {@code 2001:db8::1}; {@code 192.0.2.7:4711} -> {@code 192.0.2.7}. */
  static String stripPort(String value) {
    if (value.startsWith("[")) {
      int close = value.indexOf(']');
      return close < 0 ? value : value.substring(1, close);
    }
    int colon = value.indexOf(':');
    // one colon: IPv4 (or a name) with a port; more: a bare IPv6 address, as X-Forwarded-For writes it
    return colon >= 0 && colon == value.lastIndexOf(':') ? value.substring(0, colon) : value;
  }

  private static String unquote(String value) {
    if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
      return value.substring(1, value.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
    }
    return value;
  }

  /** Splits on {@code separator} outside quoted strings. */
  private static List<String> split(String s, char separator) {
    List<String> parts = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' && (i == 0 || s.charAt(i - 1) != '\\')) {
        quoted = !quoted;
      }
      if (c == separator && !quoted) {
        parts.add(current.toString().trim());
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    parts.add(current.toString().trim());
    return parts;
  }
}
