package dev.toolwarden.runtime.url;

import dev.toolwarden.runtime.internal.url.Cidr;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The operator's side of outbound URLs, shared by every {@code @SafeUrl} argument of a server and
 * by {@link SafeHttpClient}s: which resolver names are looked up with, and which private
 * networks the operator trusts. A trusted network is reachable even by rules with
 * {@code allowPrivate = false} (the host allowlist still applies); it is how a test reaches its
 * loopback server, or a deployment its one internal upstream, without opening every private
 * address. Unspecified, multicast, broadcast, cloud metadata and IPv4-carrying IPv6 addresses
 * cannot be trusted.
 */
public final class Egress {

  private static final Egress SYSTEM = new Egress(HostResolver.system(), List.of());

  private final HostResolver resolver;
  private final List<Cidr> trusted;

  private Egress(HostResolver resolver, List<Cidr> trusted) {
    this.resolver = resolver;
    this.trusted = List.copyOf(trusted);
  }

  /** The system resolver, no trusted network. */
  public static Egress system() {
    return SYSTEM;
  }

  /** A builder starting from {@link #system()}. */
  public static Builder builder() {
    return new Builder();
  }

  /** The resolver names are looked up with. */
  public HostResolver resolver() {
    return resolver;
  }

  /** Whether the operator trusts this address (it lies in a trusted network). */
  public boolean trusts(InetAddress address) {
    byte[] bytes = address.getAddress();
    for (Cidr c : trusted) {
      if (c.contains(bytes)) {
        return true;
      }
    }
    return false;
  }

  /** Builds an {@link Egress}. */
  public static final class Builder {

    private HostResolver resolver = HostResolver.system();
    private final List<Cidr> trusted = new ArrayList<>();

    private Builder() {}

    /** Looks names up with {@code resolver} instead of the system's. */
    public Builder resolver(HostResolver resolver) {
      this.resolver = Objects.requireNonNull(resolver, "resolver");
      return this;
    }

    /**
     * Trusts networks in CIDR notation ({@code "10.1.2.0/24"}) or single addresses
     * ({@code "127.0.0.1"}); canonical literals only.
     *
     * @throws IllegalArgumentException when one is malformed
     */
    public Builder trust(String... networks) {
      for (String n : networks) {
        trusted.add(Cidr.parse(Objects.requireNonNull(n, "network")));
      }
      return this;
    }

    /** The egress settings. */
    public Egress build() {
      return new Egress(resolver, trusted);
    }
  }
}
