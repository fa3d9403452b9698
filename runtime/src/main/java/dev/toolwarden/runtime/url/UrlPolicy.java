package dev.toolwarden.runtime.url;

import dev.toolwarden.runtime.internal.url.HostAllowlist;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which URLs may be fetched: the rule of one {@code @SafeUrl} argument, or of a
 * {@link SafeHttpClient}. Schemes, a host allowlist (exact names and {@code *.suffix}
 * patterns; empty means any host), ports (empty means the scheme's default port) and whether
 * private-network addresses are allowed. Immutable.
 */
public final class UrlPolicy {

  private static final UrlPolicy PUBLIC_WEB = builder().schemes("https", "http").anyPort().build();

  private final Set<String> schemes;
  private final HostAllowlist hosts;
  private final List<String> hostPatterns;
  private final Set<Integer> ports;
  private final boolean anyPort;
  private final boolean allowPrivate;

  private UrlPolicy(Builder b) {
    this.schemes = Set.copyOf(b.schemes);
    this.hostPatterns = List.copyOf(b.hosts);
    this.hosts = HostAllowlist.of(hostPatterns);
    this.ports = Set.copyOf(b.ports);
    this.anyPort = b.anyPort;
    this.allowPrivate = b.allowPrivate;
  }

  /**
   * The policy of a {@code @SafeUrl} annotation.
   *
   * @throws IllegalArgumentException when a value is malformed (the processor refuses those at
   *     compile time)
   */
  public static UrlPolicy of(List<String> schemes, List<String> hosts, List<Integer> ports, boolean allowPrivate) {
    return builder().schemes(schemes.toArray(String[]::new)).hosts(hosts.toArray(String[]::new))
        .ports(ports.stream().mapToInt(Integer::intValue).toArray()).allowPrivate(allowPrivate).build();
  }

  /** {@code https} and {@code http}, any host, any port, public addresses only. */
  public static UrlPolicy publicWeb() {
    return PUBLIC_WEB;
  }

  /** A builder with no scheme, any host, default ports and no private address. */
  public static Builder builder() {
    return new Builder();
  }

  /** Whether {@code scheme} (lower case) is allowed. */
  public boolean allowsScheme(String scheme) {
    return schemes.contains(scheme);
  }

  /** Whether the rule lists no host, so any host with allowed addresses passes. */
  public boolean anyHost() {
    return hosts.isEmpty();
  }

  /**
   * Whether a lower-case host name matches the allowlist: an exact name, or a {@code *.suffix}
   * pattern on a label boundary that does not stand for a punycode label.
   */
  public boolean allowsHost(String host) {
    return hosts.matches(host);
  }

  /**
   * Whether a URL may use {@code port}.
   *
   * @param port the effective port (explicit, else the scheme's default; -1 when neither)
   * @param defaultPort the scheme's default port, or -1
   */
  public boolean allowsPort(int port, int defaultPort) {
    if (anyPort) {
      return port > 0;
    }
    if (ports.isEmpty()) {
      return port > 0 && port == defaultPort;
    }
    return ports.contains(port);
  }

  /** Whether private-network addresses (loopback, RFC 1918, link-local, CGNAT, ULA) are allowed. */
  public boolean allowPrivate() {
    return allowPrivate;
  }

  @Override
  public String toString() {
    return "UrlPolicy[schemes=" + schemes + ", hosts=" + hostPatterns + ", ports="
        + (anyPort ? "any" : ports.isEmpty() ? "default" : ports) + ", allowPrivate=" + allowPrivate + "]";
  }

  /** Builds a {@link UrlPolicy}. */
  public static final class Builder {

    private final Set<String> schemes = new LinkedHashSet<>();
    private final List<String> hosts = new ArrayList<>();
    private final Set<Integer> ports = new LinkedHashSet<>();
    private boolean anyPort;
    private boolean allowPrivate;

    private Builder() {}

    /** Adds allowed schemes (compared in lower case). */
    public Builder schemes(String... schemes) {
      for (String s : schemes) {
        if (s == null || !s.matches("[A-Za-z][A-Za-z0-9+.-]*")) {
          throw new IllegalArgumentException("scheme \"" + s + "\" is not a URL scheme");
        }
        this.schemes.add(s.toLowerCase(Locale.ROOT));
      }
      return this;
    }

    /** Adds host patterns: {@code "api.example.com"} or {@code "*.example.org"}. */
    public Builder hosts(String... patterns) {
      hosts.addAll(Arrays.asList(patterns));
      return this;
    }

    /** Adds host patterns. */
    public Builder hosts(Collection<String> patterns) {
      hosts.addAll(patterns);
      return this;
    }

    /** Adds allowed ports (1..65535). */
    public Builder ports(int... ports) {
      for (int p : ports) {
        if (p < 1 || p > 65535) {
          throw new IllegalArgumentException("port " + p + " is out of range 1..65535");
        }
        this.ports.add(p);
      }
      return this;
    }

    /** Allows every port. */
    public Builder anyPort() {
      this.anyPort = true;
      return this;
    }

    /** Allows private-network addresses. */
    public Builder allowPrivate(boolean allowPrivate) {
      this.allowPrivate = allowPrivate;
      return this;
    }

    /**
     * The policy.
     *
     * @throws IllegalArgumentException when no scheme is allowed or a host pattern is malformed
     */
    public UrlPolicy build() {
      if (schemes.isEmpty()) {
        throw new IllegalArgumentException("a URL policy needs at least one scheme");
      }
      return new UrlPolicy(this);
    }
  }
}
