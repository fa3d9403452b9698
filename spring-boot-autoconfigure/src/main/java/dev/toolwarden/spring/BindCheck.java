package dev.toolwarden.spring;

import dev.toolwarden.runtime.ToolwardenStartupException;
import dev.toolwarden.runtime.http.HttpOptions;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.springframework.core.env.Environment;

/**
 * The standalone server's bind rules ({@code HttpTransport.check}), judged on the servlet container the
 * application configured: a network-reachable endpoint needs OAuth, OAuth on the network needs TLS (or a
 * declared TLS-terminating proxy), and a network-reachable endpoint needs an Origin allowlist. Boot binds every
 * interface unless {@code server.address} says otherwise, so a plain application must name a loopback address.
 */
final class BindCheck {

  private BindCheck() {}

  static void check(Environment env, HttpOptions options) {
    if (options.isBehindTlsProxy() && options.trustedProxies().isEmpty()) {
      throw new ToolwardenStartupException("refusing toolwarden.http.behind-tls-proxy=true without"
          + " toolwarden.http.trusted-proxies: name the TLS-terminating proxy's addresses (or CIDR blocks), so that its"
          + " X-Forwarded-For and X-Forwarded-Proto are believed from it and from nobody else");
    }
    String address = env.getProperty("server.address");
    if (!isLoopback(address)) {
      String bind = address == null || address.isBlank() ? "every interface (server.address is not set)" : "'" + address + "'";
      if (options.oauth() == null) {
        throw new ToolwardenStartupException("refusing to serve the MCP endpoint on " + bind + ": a network-reachable"
            + " MCP server needs OAuth, which is not configured. Set toolwarden.oauth.issuer and toolwarden.oauth.resource,"
            + " or bind loopback only with server.address=127.0.0.1, or use toolwarden.transport=stdio");
      }
      if (!containerTls(env) && !options.isBehindTlsProxy()) {
        throw new ToolwardenStartupException("refusing to serve OAuth over plain HTTP on " + bind + ": bearer tokens"
            + " would cross the network in clear. Configure TLS (server.ssl.*), or set toolwarden.http.behind-tls-proxy=true"
            + " with toolwarden.http.trusted-proxies when a TLS-terminating proxy is in front");
      }
      if (options.allowedOrigins().isEmpty()) {
        throw new ToolwardenStartupException("refusing to serve the MCP endpoint on " + bind + " with an empty Origin"
            + " allowlist: name the browser origins allowed to call it with toolwarden.http.allowed-origins"
            + " (requests without an Origin header are not affected)");
      }
    }
    if (options.oauth() != null) {
      options.oauth().validate();
    }
  }

  private static boolean containerTls(Environment env) {
    boolean configured = env.getProperty("server.ssl.bundle") != null || env.getProperty("server.ssl.key-store") != null
        || env.getProperty("server.ssl.certificate") != null;
    return configured && env.getProperty("server.ssl.enabled", Boolean.class, true);
  }

  /** Whether {@code address} is a loopback literal or {@code localhost} (no name resolution for anything else). */
  static boolean isLoopback(String address) {
    if (address == null || address.isBlank()) {
      return false;
    }
    String a = address.trim();
    if ("localhost".equalsIgnoreCase(a)) {
      return true;
    }
    if (!a.matches("[0-9.]+|\\[?[0-9a-fA-F:]+]?")) {
      return false; // a host name: not resolved here, so not taken for loopback
    }
    try {
      return InetAddress.getByName(a.replace("[", "").replace("]", "")).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
