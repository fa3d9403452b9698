package dev.toolwarden.runtime.spi;

import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
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

  /**
   * The checked URI as a {@link URL}, for a {@code @SafeUrl URL} argument: {@code null} when
   * {@code checked} is (the check already added its violation), or after adding a violation when
   * the JDK has no handler for the scheme.
   */
  public static URL toUrl(URI checked, String pointer, Violations violations) {
    if (checked == null) {
      return null;
    }
    try {
      return checked.toURL();
    } catch (MalformedURLException | IllegalArgumentException e) {
      violations.add(pointer, "TW-SAFE-URL", "url refused: scheme not supported by java.net.URL");
      return null;
    }
  }
}
