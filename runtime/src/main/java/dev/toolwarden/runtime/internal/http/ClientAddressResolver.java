package dev.toolwarden.runtime.internal.http;

import dev.toolwarden.runtime.internal.net.AddressRange;
import dev.toolwarden.runtime.internal.net.IpLiteral;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.util.Enumeration;
import java.util.function.Function;
import java.util.List;
import java.util.Locale;

/**
 * The one answer to "who is the client of this request, and which scheme and host did it use?":
 * the socket's peer, unless that peer is a configured trusted proxy — then the rightmost address
 * in its forwarding header that is not itself a trusted proxy (the left of it was written by
 * whoever the client is, and proves nothing).
 *
 * <ul>
 *   <li>From a peer that is not trusted, {@code Forwarded}, {@code X-Forwarded-For},
 *       {@code X-Forwarded-Proto} and {@code X-Forwarded-Host} are ignored.
 *   <li>{@code X-Forwarded-For} is read when present (what HAProxy, nginx and most balancers add),
 *       else {@code Forwarded}. When a request carries both and they name different clients, one
 *       of them passed through the proxy untouched, written by the client: the request is the
 *       proxy's own (fail closed — a spoofer only ever shares the proxy's budget).
 *   <li>A hop that is not an IP literal ({@code unknown}, an obfuscated name, garbage) ends the walk:
 *       nothing to the left of it can be attributed; the last trusted hop is then the client.
 *   <li>Scheme and host: from the {@code Forwarded} element of the chosen hop, or the last
 *       {@code X-Forwarded-Proto} / {@code X-Forwarded-Host} value (the nearest proxy's).
 * </ul>
 */
final class ClientAddressResolver {

  /**
   * Who sent a request.
   *
   * @param address the client's IP address
   * @param scheme {@code http} or {@code https} as the client used it, or null: the connection's
   * @param host the {@code Host} the client used, or null: the request's own
   */
  record Client(String address, String scheme, String host) {}

  private final List<AddressRange> trusted;

  ClientAddressResolver(List<AddressRange> trusted) {
    this.trusted = List.copyOf(trusted);
  }

  /** Whether any proxy is trusted (without one, every request is its peer's). */
  boolean trustsAnyProxy() {
    return !trusted.isEmpty();
  }

  /** The client of {@code request}. */
  Client resolve(HttpServletRequest request) {
    return resolve(request.getRemoteAddr(), request::getHeaders);
  }

  /** The client of a request from {@code peer} carrying {@code headers} (name -> its values). */
  Client resolve(String peer, Function<String, Enumeration<String>> headers) {
    Client itself = new Client(peer, null, null);
    if (!isTrusted(peer)) {
      return itself;
    }
    List<ForwardedHeaders.Hop> xff = ForwardedHeaders.xForwardedFor(headers.apply("X-Forwarded-For"));
    List<ForwardedHeaders.Hop> fwd = ForwardedHeaders.forwarded(headers.apply("Forwarded"));
    Client viaFwd = walk(fwd);
    if (xff.isEmpty()) {
      return viaFwd == null ? itself : viaFwd;
    }
    Client viaXff = walk(xff);
    if (viaXff == null || !fwd.isEmpty() && (viaFwd == null || !viaFwd.address().equals(viaXff.address()))) {
      return itself;
    }
    return new Client(viaXff.address(), scheme(ForwardedHeaders.last(headers.apply("X-Forwarded-Proto"))),
        ForwardedHeaders.last(headers.apply("X-Forwarded-Host")));
  }

  /** The client the hops name, right to left; null when not even the last hop is an address. */
  private Client walk(List<ForwardedHeaders.Hop> hops) {
    Client client = null;
    for (int i = hops.size() - 1; i >= 0; i--) {
      ForwardedHeaders.Hop hop = hops.get(i);
      InetAddress address = IpLiteral.parse(hop.forAddress());
      if (address == null) {
        break;
      }
      client = new Client(address.getHostAddress(), scheme(hop.proto()), emptyToNull(hop.host()));
      if (!isTrusted(address)) {
        break;
      }
    }
    return client;
  }

  private boolean isTrusted(String address) {
    InetAddress a = IpLiteral.parse(address);
    return a != null && isTrusted(a);
  }

  private boolean isTrusted(InetAddress address) {
    for (AddressRange r : trusted) {
      if (r.contains(address)) {
        return true;
      }
    }
    return false;
  }

  private static String scheme(String proto) {
    if (proto == null) {
      return null;
    }
    String p = proto.trim().toLowerCase(Locale.ROOT);
    return "https".equals(p) || "http".equals(p) ? p : null;
  }

  private static String emptyToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
