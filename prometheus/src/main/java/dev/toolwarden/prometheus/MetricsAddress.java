package dev.toolwarden.prometheus;

import dev.toolwarden.runtime.ToolwardenStartupException;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Where the metrics endpoint listens, from {@code toolwarden.metrics.prometheus}: {@code port} (loopback,
 * {@code 127.0.0.1}), {@code host:port} or {@code [v6]:port}. A non-loopback address is only ever one the user named.
 */
record MetricsAddress(String host, int port) {

  /** Both spellings of the setting, for messages. */
  static final String NAMES = "toolwarden.metrics.prometheus / TOOLWARDEN_METRICS_PROMETHEUS";
  /** Where a bare port listens. */
  static final String DEFAULT_HOST = "127.0.0.1";

  static MetricsAddress parse(String spec) {
    String s = spec.trim();
    int colon = s.lastIndexOf(':');
    String host = colon < 0 ? DEFAULT_HOST : s.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    } else if (host.contains(":")) {
      host = ""; // an IPv6 literal needs its brackets: [::1]:9464
    }
    int port;
    try {
      port = Integer.parseInt(s.substring(colon + 1));
    } catch (NumberFormatException e) {
      port = -1;
    }
    if (port < 1 || port > 65535 || host.isBlank()) {
      throw new ToolwardenStartupException("invalid " + NAMES + " '" + s + "': use a port (listens on " + DEFAULT_HOST
          + "), host:port or [IPv6]:port, e.g. 9464 or 127.0.0.1:9464");
    }
    return new MetricsAddress(host, port);
  }

  boolean isLoopback() {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      throw new ToolwardenStartupException("invalid " + NAMES + ": cannot resolve the host '" + host + "'");
    }
  }

  @Override
  public String toString() {
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }
}
