package dev.toolwarden.runtime.internal.http;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;

/**
 * The first filter of every request when trusted proxies are configured: resolves the client once
 * ({@link ClientAddressResolver}) and hands everything after it — the per-client limit, the audit
 * trail, the Origin/Host checks, the SDK — a request whose {@code getRemoteAddr()},
 * {@code getScheme()}, {@code isSecure()} and {@code Host} header are the client's. Nothing
 * downstream reads a forwarding header itself, so there is one decision about whom to believe.
 */
final class TrustedProxyFilter implements Filter {

  private final ClientAddressResolver resolver;

  TrustedProxyFilter(ClientAddressResolver resolver) {
    this.resolver = resolver;
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) req;
    ClientAddressResolver.Client client = resolver.resolve(request);
    chain.doFilter(new ClientRequest(request, client), res);
  }

  /** The request as the client sent it to the outermost trusted proxy. */
  private static final class ClientRequest extends HttpServletRequestWrapper {
    private final ClientAddressResolver.Client client;

    ClientRequest(HttpServletRequest request, ClientAddressResolver.Client client) {
      super(request);
      this.client = client;
    }

    @Override
    public String getRemoteAddr() {
      return client.address();
    }

    @Override
    public String getRemoteHost() {
      return client.address(); // never a reverse lookup
    }

    @Override
    public String getScheme() {
      return client.scheme() != null ? client.scheme() : super.getScheme();
    }

    @Override
    public boolean isSecure() {
      return client.scheme() != null ? "https".equals(client.scheme()) : super.isSecure();
    }

    @Override
    public String getHeader(String name) {
      return isHost(name) ? client.host() : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
      return isHost(name) ? Collections.enumeration(java.util.List.of(client.host())) : super.getHeaders(name);
    }

    private boolean isHost(String name) {
      return client.host() != null && "Host".equalsIgnoreCase(name);
    }
  }
}
