package dev.toolwarden.runtime.url;

import dev.toolwarden.runtime.internal.url.JettyClients;
import dev.toolwarden.runtime.internal.url.Redirects;
import dev.toolwarden.runtime.internal.url.UrlGuard;
import dev.toolwarden.runtime.internal.url.UrlRefusal;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import org.eclipse.jetty.client.HttpClient;

/**
 * An HTTP client for URLs that came from a tool's caller, safe against SSRF and DNS rebinding.
 *
 * <p><b>Why not {@code java.net.http.HttpClient}.</b> Checking a URL and then handing it to a
 * client leaves a gap: the client resolves the name again, and a hostile DNS server can answer
 * with a public address for the check and {@code 127.0.0.1} for the connection (DNS rebinding).
 * Closing the gap means connecting to the address that was checked while TLS still verifies the
 * certificate for the name. {@code java.net.http.HttpClient} has no hook between resolution and
 * connection, and rewriting the URL to the address breaks SNI and certificate checks for HTTPS.
 * Jetty's client (Jetty already serves the runtime's HTTP transport) has that hook, its
 * {@code SocketAddressResolver}: this client installs one that resolves through the
 * {@link Egress}'s resolver, checks every address, and hands Jetty only checked addresses.
 *
 * <p><b>What it enforces.</b> Every request and every redirect hop is checked against the
 * {@link UrlPolicy} (scheme, host allowlist, ports, strict syntax); every connection against the
 * address rules. Redirects are not followed unless {@link Builder#maxRedirects} allows them: a
 * redirect then throws {@link UrlRefusedException}. When they are followed, credentials headers
 * are dropped on a change of origin and 301/302/303 turn a non-GET request into a GET. Time
 * ({@link Builder#timeout}, covering all hops) and response size ({@link Builder#maxResponseBytes})
 * are bounded. No cookies are kept and no proxy is used, so one caller's request never carries
 * another's state.
 *
 * <p>Build one per tool class and {@link #close()} it with the server; it is thread-safe.
 */
public final class SafeHttpClient implements AutoCloseable {

  private final HttpClient jetty;
  private final Redirects redirects;

  private SafeHttpClient(Builder b) {
    UrlGuard guard = new UrlGuard(b.egress);
    this.jetty = JettyClients.start(guard, b.policy, b.connectTimeout, b.sslContext);
    this.redirects = new Redirects(jetty, guard, b.policy, b.maxRedirects, b.timeout, b.maxResponseBytes);
  }

  /** A builder with the defaults of {@link SafeUrls#httpClient()}. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * {@code GET uri}.
   *
   * @throws UrlRefusedException when the URL, a redirect or an address is refused
   * @throws SafeHttpException when the request times out, the response is too large or no
   *     connection can be made
   */
  public SafeHttpResponse get(URI uri) {
    return send("GET", uri, Map.of(), null);
  }

  /**
   * Sends a request.
   *
   * @param method the HTTP method
   * @param uri the URL, checked against the policy
   * @param headers request headers (not {@code Host}, which always follows the URL)
   * @param body the request body, or {@code null}
   * @throws UrlRefusedException when the URL, a redirect or an address is refused
   * @throws SafeHttpException when the request times out, the response is too large or no
   *     connection can be made
   */
  public SafeHttpResponse send(String method, URI uri, Map<String, String> headers, byte[] body) {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(uri, "uri");
    Map<String, String> copy = new LinkedHashMap<>();
    headers.forEach((k, v) -> {
      if (k.equalsIgnoreCase("host")) {
        throw new IllegalArgumentException("the Host header follows the URL and cannot be set");
      }
      copy.put(k, v);
    });
    try {
      return redirects.send(method.toUpperCase(Locale.ROOT), uri.toString(), copy, body);
    } catch (UrlRefusal r) {
      throw new UrlRefusedException(r.refusal().reason());
    }
  }

  /** Stops the client and its threads. */
  @Override
  public void close() {
    JettyClients.stop(jetty);
  }

  /** Builds a {@link SafeHttpClient}. */
  public static final class Builder {

    private UrlPolicy policy = UrlPolicy.publicWeb();
    private Egress egress = Egress.system();
    private int maxRedirects;
    private Duration timeout = Duration.ofSeconds(10);
    private Duration connectTimeout = Duration.ofSeconds(5);
    private int maxResponseBytes = 1 << 20;
    private SSLContext sslContext;

    private Builder() {}

    /** The URLs it may fetch; default {@link UrlPolicy#publicWeb()}. */
    public Builder policy(UrlPolicy policy) {
      this.policy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /** The resolver and trusted networks; default {@link Egress#system()}. */
    public Builder egress(Egress egress) {
      this.egress = Objects.requireNonNull(egress, "egress");
      return this;
    }

    /** How many redirects to follow, each one checked again; default 0 (a redirect is refused). */
    public Builder maxRedirects(int maxRedirects) {
      if (maxRedirects < 0 || maxRedirects > 20) {
        throw new IllegalArgumentException("maxRedirects must be within 0..20");
      }
      this.maxRedirects = maxRedirects;
      return this;
    }

    /** The longest a request may take, all redirect hops included; default 10 s. */
    public Builder timeout(Duration timeout) {
      this.timeout = positive(timeout, "timeout");
      return this;
    }

    /** The longest a connection may take to open; default 5 s. */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = positive(connectTimeout, "connectTimeout");
      return this;
    }

    /** The largest response body read; larger fails the request; default 1 MiB. */
    public Builder maxResponseBytes(int maxResponseBytes) {
      if (maxResponseBytes < 0) {
        throw new IllegalArgumentException("maxResponseBytes must not be negative");
      }
      this.maxResponseBytes = maxResponseBytes;
      return this;
    }

    /** The TLS context (trusted certificates); default the JVM's. Host names are always verified. */
    public Builder sslContext(SSLContext sslContext) {
      this.sslContext = Objects.requireNonNull(sslContext, "sslContext");
      return this;
    }

    /** Starts the client. */
    public SafeHttpClient build() {
      return new SafeHttpClient(this);
    }

    private static Duration positive(Duration d, String what) {
      if (d == null || d.isZero() || d.isNegative()) {
        throw new IllegalArgumentException(what + " must be positive");
      }
      return d;
    }
  }
}
