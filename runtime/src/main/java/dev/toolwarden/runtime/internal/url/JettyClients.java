package dev.toolwarden.runtime.internal.url;

import dev.toolwarden.runtime.url.UrlPolicy;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.RedirectCache;
import org.eclipse.jetty.http.HttpCookieStore;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Builds the Jetty client behind {@code SafeHttpClient}: the pinned resolver, no redirects
 * (followed, and checked, by {@link Redirects}), no redirect cache, no cookies, no protocol
 * handlers (no automatic authentication or redirect handling), no proxy, host names verified.
 */
public final class JettyClients {

  private JettyClients() {}

  /** A started client. */
  public static HttpClient start(UrlGuard guard, UrlPolicy policy, Duration connectTimeout, SSLContext ssl) {
    SslContextFactory.Client tls = new SslContextFactory.Client();
    tls.setEndpointIdentificationAlgorithm("HTTPS");
    if (ssl != null) {
      tls.setSslContext(ssl);
    }
    QueuedThreadPool threads = new QueuedThreadPool(16, 1);
    threads.setName("toolwarden-safe-http");
    threads.setDaemon(true);
    HttpClient jetty = new HttpClient();
    jetty.setExecutor(threads);
    jetty.setSslContextFactory(tls);
    jetty.setSocketAddressResolver(new PinnedResolver(guard, policy, threads));
    jetty.setFollowRedirects(false);
    jetty.setRedirectCache(new NoRedirectCache());
    jetty.setHttpCookieStore(new HttpCookieStore.Empty());
    jetty.setConnectTimeout(connectTimeout.toMillis());
    jetty.setIdleTimeout(connectTimeout.toMillis() * 2);
    jetty.setUserAgentField(null);
    jetty.getProtocolHandlers().clear();
    try {
      jetty.start();
    } catch (Exception e) {
      throw new IllegalStateException("the HTTP client cannot start", e);
    }
    return jetty;
  }

  /** Stops a client, ignoring failures: there is nothing left to do with it. */
  public static void stop(HttpClient jetty) {
    try {
      jetty.stop();
    } catch (Exception e) { // NOPMD: closing must not fail the caller
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Jetty would replay remembered permanent redirects without asking: remember none. */
  private static final class NoRedirectCache implements RedirectCache {

    @Override
    public MethodOriginTarget get(MethodOriginTarget key) {
      return null;
    }

    @Override
    public void put(MethodOriginTarget key, int status, MethodOriginTarget target) {
      // nothing is remembered
    }

    @Override
    public int size() {
      return 0;
    }

    @Override
    public void clear() {
      // nothing to clear
    }
  }
}
