package dev.toolwarden.runtime.url;

import dev.toolwarden.runtime.internal.url.FixedHostResolver;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Turns a host name into addresses for the URL guard and {@link SafeHttpClient}. The guard checks
 * every address it returns, so a resolver decides nothing about safety; it only decides which
 * addresses a name has. Replace the system resolver to run the guard against names you control:
 * {@link #fixed(Map)} maps names to addresses without touching {@code /etc/hosts} or DNS.
 */
@FunctionalInterface
public interface HostResolver {

  /**
   * The addresses of {@code host}, a syntactically valid lower-case DNS name (never an address
   * literal: the guard reads those itself).
   *
   * @throws UnknownHostException when the name has no address
   */
  List<InetAddress> resolve(String host) throws UnknownHostException;

  /**
   * The JVM's resolver ({@link InetAddress#getAllByName}): the operating system's DNS settings
   * and the JVM's DNS cache ({@code networkaddress.cache.ttl}).
   */
  static HostResolver system() {
    return host -> Arrays.asList(InetAddress.getAllByName(host));
  }

  /**
   * A resolver that knows exactly the given names, each mapped to one or more canonical address
   * literals ({@code "10.0.0.7"}, {@code "::1"}); any other name is unknown. For tests, and for
   * deployments that pin a few upstream hosts.
   *
   * @throws IllegalArgumentException when a name or address is malformed
   */
  static HostResolver fixed(Map<String, List<String>> addressesByName) {
    return FixedHostResolver.of(addressesByName);
  }
}
