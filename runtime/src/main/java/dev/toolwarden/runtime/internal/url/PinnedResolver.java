package dev.toolwarden.runtime.internal.url;

import dev.toolwarden.runtime.url.UrlPolicy;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.SocketAddressResolver;

/**
 * Jetty's hook between "which host" and "which socket address": every connection the client
 * opens asks here. It resolves the host through the guard, which checks every address, and hands
 * Jetty exactly those addresses. Jetty then connects to one of them while TLS (SNI, certificate
 * name check) and the {@code Host} header still use the name. So the address that is connected
 * to is always one that was checked in the same step: a DNS answer that changes between a check
 * and the connection (rebinding) cannot slip a private address in.
 */
public final class PinnedResolver implements SocketAddressResolver {

  private final UrlGuard guard;
  private final UrlPolicy policy;
  private final Executor executor;

  /**
   * @param executor runs the (blocking) lookups, off Jetty's selector threads
   */
  public PinnedResolver(UrlGuard guard, UrlPolicy policy, Executor executor) {
    this.guard = guard;
    this.policy = policy;
    this.executor = executor;
  }

  @Override
  public void resolve(String host, int port, Map<String, Object> context, Promise<List<InetSocketAddress>> promise) {
    executor.execute(() -> {
      try {
        List<InetAddress> addresses = addresses(host);
        List<InetSocketAddress> out = new ArrayList<>(addresses.size());
        for (InetAddress a : addresses) {
          out.add(new InetSocketAddress(a, port));
        }
        promise.succeeded(out);
      } catch (UrlRefusal r) {
        promise.failed(r);
      } catch (RuntimeException e) { // NOPMD: a resolver failure must fail this connection, not a thread
        promise.failed(new UrlRefusal(Refusal.ADDRESS));
      }
    });
  }

  /** The host as Jetty hands it: a name, a dotted-decimal address or an IPv6 address (bracketed or not). */
  private List<InetAddress> addresses(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    if (h.indexOf(':') >= 0) {
      byte[] v6 = IpLiterals.ipv6(h);
      if (v6 == null) {
        throw new UrlRefusal(Refusal.IP_FORM);
      }
      return guard.addresses(policy, null, v6);
    }
    if (IpLiterals.looksNumeric(h)) {
      byte[] v4 = IpLiterals.ipv4(h);
      if (v4 == null) {
        throw new UrlRefusal(Refusal.IP_FORM);
      }
      return guard.addresses(policy, null, v4);
    }
    HostNames.checkSyntax(h);
    return guard.addresses(policy, h, null);
  }
}
