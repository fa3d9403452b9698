package dev.toolwarden.runtime.spi;

import java.util.List;

/**
 * A {@code @SafeUrl} declaration on one argument.
 *
 * @param pointer the JSON pointer of the argument in the input ({@code /*} for list elements)
 * @param schemes allowed schemes, lower case; never empty
 * @param hosts allowed hosts: exact names and {@code *.suffix} patterns; empty means any host
 * @param ports allowed ports; empty means the scheme's default port
 * @param allowPrivate whether private-network addresses are allowed
 */
public record UrlRule(String pointer, List<String> schemes, List<String> hosts, List<Integer> ports,
    boolean allowPrivate) {

  public UrlRule {
    schemes = List.copyOf(schemes);
    hosts = List.copyOf(hosts);
    ports = List.copyOf(ports);
  }
}
