package dev.toolwarden.runtime.internal.url;

import dev.toolwarden.runtime.internal.url.ParsedUrl.HostKind;
import dev.toolwarden.runtime.url.Egress;
import dev.toolwarden.runtime.url.UrlPolicy;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * The SSRF guard: a strict parse ({@link UrlParser}), the policy (scheme, port, host allowlist,
 * special-use and metadata names, punycode), then DNS through the {@link Egress}'s resolver and
 * the address classes ({@link AddressClassifier}) of <em>every</em> address the name has. Checks
 * run cheapest first, so a host outside the allowlist never causes a DNS query.
 */
public final class UrlGuard {

  private static final UrlGuard SYSTEM = new UrlGuard(Egress.system());

  private final Egress egress;

  /** A guard resolving and trusting as {@code egress} says. */
  public UrlGuard(Egress egress) {
    this.egress = egress;
  }

  /** The guard with the system resolver and no trusted network. */
  public static UrlGuard system() {
    return SYSTEM;
  }

  /** The operator settings this guard applies. */
  public Egress egress() {
    return egress;
  }

  /** A URL that passed every check, with the addresses its host had when it was checked. */
  public record Checked(ParsedUrl url, List<InetAddress> addresses) {

    public Checked {
      addresses = List.copyOf(addresses);
    }
  }

  /**
   * Syntax and policy, without DNS: what can be decided from the text. An address literal is
   * classified here too.
   *
   * @throws UrlRefusal naming the first rule broken
   */
  public ParsedUrl admit(UrlPolicy policy, String raw) {
    if (!policy.allowsScheme(UrlParser.scheme(raw))) {
      throw new UrlRefusal(Refusal.SCHEME);
    }
    ParsedUrl url = UrlParser.parse(raw);
    if (!policy.allowsPort(url.effectivePort(), ParsedUrl.defaultPort(url.scheme()))) {
      throw new UrlRefusal(Refusal.PORT);
    }
    if (url.kind() == HostKind.NAME) {
      admitName(policy, url.host());
    } else {
      if (!policy.anyHost()) {
        throw new UrlRefusal(Refusal.HOST); // host patterns are names; an address never matches one
      }
      requirePermitted(policy, url.literal());
    }
    return url;
  }

  private static void admitName(UrlPolicy policy, String host) {
    if (HostNames.isMetadata(host)) {
      throw new UrlRefusal(Refusal.HOST);
    }
    if (policy.anyHost()) {
      if (HostAllowlist.hasPunycodeLabel(host)) {
        throw new UrlRefusal(Refusal.IDN);
      }
      if (HostNames.isSpecialUse(host)) {
        throw new UrlRefusal(Refusal.HOST);
      }
    } else if (!policy.allowsHost(host)) {
      throw new UrlRefusal(HostAllowlist.hasPunycodeLabel(host) ? Refusal.IDN : Refusal.HOST);
    }
  }

  /**
   * {@link #admit}, then resolves a host name and checks every address.
   *
   * @throws UrlRefusal naming the first rule broken
   */
  public Checked check(UrlPolicy policy, String raw) {
    ParsedUrl url = admit(policy, raw);
    return new Checked(url, addresses(policy, url.kind() == HostKind.NAME ? url.host() : null, url.literal()));
  }

  /**
   * The addresses to connect to for an admitted host: the literal's, or the name's as resolved
   * now, all of them permitted.
   *
   * @param name the host name, or {@code null} for a literal
   * @param literal the literal's bytes when {@code name} is null
   * @throws UrlRefusal {@link Refusal#ADDRESS} when the name does not resolve or any address is refused
   */
  public List<InetAddress> addresses(UrlPolicy policy, String name, byte[] literal) {
    try {
      if (name == null) {
        requirePermitted(policy, literal);
        return List.of(InetAddress.getByAddress(literal));
      }
      List<InetAddress> found = egress.resolver().resolve(name);
      if (found == null || found.isEmpty()) {
        throw new UrlRefusal(Refusal.ADDRESS);
      }
      for (InetAddress a : found) {
        requirePermitted(policy, a);
      }
      return List.copyOf(found);
    } catch (UnknownHostException | SecurityException e) {
      throw new UrlRefusal(Refusal.ADDRESS);
    }
  }

  private void requirePermitted(UrlPolicy policy, byte[] literal) {
    try {
      // classify the bytes as written: getByAddress would turn a mapped IPv6 into IPv4
      if (!AddressClassifier.classify(literal).permits(policy.allowPrivate(),
          egress.trusts(InetAddress.getByAddress(literal)))) {
        throw new UrlRefusal(Refusal.ADDRESS);
      }
    } catch (UnknownHostException e) {
      throw new UrlRefusal(Refusal.ADDRESS);
    }
  }

  private void requirePermitted(UrlPolicy policy, InetAddress address) {
    if (address == null || !AddressClassifier.classify(address.getAddress())
        .permits(policy.allowPrivate(), egress.trusts(address))) {
      throw new UrlRefusal(Refusal.ADDRESS);
    }
  }
}
