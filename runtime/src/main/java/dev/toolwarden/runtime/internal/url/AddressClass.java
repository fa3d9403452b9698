package dev.toolwarden.runtime.internal.url;

/** What an IP address is, as far as reaching it from a server goes. */
public enum AddressClass {
  /** Globally routable unicast: always allowed. */
  PUBLIC(Reach.ALWAYS),
  /** {@code 127.0.0.0/8}, {@code ::1}. */
  LOOPBACK(Reach.PRIVATE),
  /** RFC 1918 ({@code 10/8}, {@code 172.16/12}, {@code 192.168/16}) and IPv6 site-local. */
  PRIVATE(Reach.PRIVATE),
  /** {@code 169.254/16}, {@code fe80::/10}. */
  LINK_LOCAL(Reach.PRIVATE),
  /** Carrier-grade NAT, {@code 100.64/10}. */
  SHARED(Reach.PRIVATE),
  /** IPv6 unique local, {@code fc00::/7}. */
  UNIQUE_LOCAL(Reach.PRIVATE),
  /** Documentation, benchmarking, protocol-assignment and future-use ranges: never a real peer. */
  RESERVED(Reach.TRUSTED_ONLY),
  /** {@code 0.0.0.0/8}, {@code ::}: Linux connects these to the local host. */
  UNSPECIFIED(Reach.NEVER),
  /** {@code 224/4}, {@code ff00::/8}. */
  MULTICAST(Reach.NEVER),
  /** {@code 255.255.255.255}. */
  BROADCAST(Reach.NEVER),
  /** Cloud instance metadata endpoints (AWS, GCP, Azure, Alibaba, ECS): they hand out credentials. */
  METADATA(Reach.NEVER),
  /** IPv6 that carries an IPv4 address (mapped, compatible, translated, NAT64, 6to4, Teredo). */
  EMBEDDED_IPV4(Reach.NEVER);

  /** Who may reach a class. */
  enum Reach {
    /** Anyone. */
    ALWAYS,
    /** With {@code allowPrivate}, or when the operator trusts the address. */
    PRIVATE,
    /** Only when the operator trusts the address. */
    TRUSTED_ONLY,
    /** Nobody. */
    NEVER
  }

  private final Reach reach;

  AddressClass(Reach reach) {
    this.reach = reach;
  }

  /**
   * Whether an address of this class may be contacted.
   *
   * @param allowPrivate whether the rule allows private-network classes
   * @param trusted whether the operator trusts this exact address (an {@code Egress} network)
   */
  public boolean permits(boolean allowPrivate, boolean trusted) {
    return switch (reach) {
      case ALWAYS -> true;
      case PRIVATE -> allowPrivate || trusted;
      case TRUSTED_ONLY -> trusted;
      case NEVER -> false;
    };
  }
}
