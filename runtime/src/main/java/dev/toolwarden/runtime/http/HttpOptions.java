package dev.toolwarden.runtime.http;

import dev.toolwarden.runtime.auth.ResourceServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Options of the Streamable HTTP transport. Immutable: each {@code with}-style method returns a
 * copy. Start-up refuses a non-loopback bind without {@link #oauth OAuth}, OAuth over plain HTTP
 * on a non-loopback bind unless {@link #tls TLS} is on or a TLS-terminating proxy is
 * {@link #behindTlsProxy() declared}, and a non-loopback bind with an empty Origin allowlist.
 */
public final class HttpOptions {

  /** Default cap of a request body. */
  public static final int DEFAULT_MAX_REQUEST_BYTES = 4 * 1024 * 1024;

  /** Default cap of the request line plus headers. */
  public static final int DEFAULT_MAX_HEADER_BYTES = 16 * 1024;

  private final String host;
  private final int port;
  private final List<String> allowedOrigins;
  private final int maxRequestBytes;
  private final int maxHeaderBytes;
  // OAuth, TLS, CORS (all off by default)
  private ResourceServer oauth;
  private Tls tls;
  private boolean behindTlsProxy;
  private List<String> corsOrigins = List.of();
  private List<String> allowedHosts = List.of();

  /**
   * A keystore (PKCS12 or JKS) holding the server's certificate and private key.
   *
   * @param keystore the keystore file
   * @param passwordSecret the name of the secret (environment variable, or its {@code _FILE} form)
   *     holding the keystore password, read with {@link dev.toolwarden.runtime.Secrets} at start-up
   */
  public record Tls(Path keystore, String passwordSecret) {
    /** The default name of the keystore password secret. */
    public static final String DEFAULT_PASSWORD_SECRET = "TOOLWARDEN_TLS_KEYSTORE_PASSWORD";

    public Tls {
      Objects.requireNonNull(keystore, "keystore");
      Objects.requireNonNull(passwordSecret, "passwordSecret");
    }
  }

  private HttpOptions copy() {
    return new HttpOptions(host, port, allowedOrigins, maxRequestBytes, maxHeaderBytes).from(this);
  }

  private HttpOptions(String host, int port, List<String> allowedOrigins, int maxRequestBytes, int maxHeaderBytes) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535, got " + port);
    }
    this.host = Objects.requireNonNull(host, "host");
    this.port = port;
    this.allowedOrigins = List.copyOf(allowedOrigins);
    this.maxRequestBytes = maxRequestBytes;
    this.maxHeaderBytes = maxHeaderBytes;
  }

  /** Listens on 127.0.0.1; port 0 picks an ephemeral port. */
  public static HttpOptions loopback(int port) {
    return bind("127.0.0.1", port);
  }

  /**
   * Listens on {@code host}. Anything but a loopback address is refused at start-up without
   * {@link #oauth OAuth}, without TLS (or {@link #behindTlsProxy()}) and without an
   * {@link #allowedOrigins Origin allowlist}: a network-reachable MCP server needs all three.
   */
  public static HttpOptions bind(String host, int port) {
    return new HttpOptions(host, port, List.of(), DEFAULT_MAX_REQUEST_BYTES, DEFAULT_MAX_HEADER_BYTES);
  }

  /**
   * Origins allowed besides the loopback ones ({@code http://localhost:*},
   * {@code http://127.0.0.1:*}, {@code http://[::1]:*}), e.g. {@code https://app.example.com}
   * or with a wildcard port {@code http://example.com:*}.
   */
  public HttpOptions allowedOrigins(String... origins) {
    List<String> all = new ArrayList<>(allowedOrigins);
    for (String o : origins) {
      all.add(Objects.requireNonNull(o, "origin"));
    }
    return new HttpOptions(host, port, all, maxRequestBytes, maxHeaderBytes).from(this);
  }

  /** The largest request body accepted (413 beyond). */
  public HttpOptions maxRequestBytes(int bytes) {
    if (bytes <= 0) {
      throw new IllegalArgumentException("maxRequestBytes must be positive");
    }
    return new HttpOptions(host, port, allowedOrigins, bytes, maxHeaderBytes).from(this);
  }

  /** The largest request line plus headers accepted (431 beyond). */
  public HttpOptions maxHeaderBytes(int bytes) {
    if (bytes < 1024) {
      throw new IllegalArgumentException("maxHeaderBytes must be at least 1024");
    }
    return new HttpOptions(host, port, allowedOrigins, maxRequestBytes, bytes).from(this);
  }

  private HttpOptions from(HttpOptions other) {
    oauth = other.oauth;
    tls = other.tls;
    behindTlsProxy = other.behindTlsProxy;
    corsOrigins = other.corsOrigins;
    allowedHosts = other.allowedHosts;
    return this;
  }

  /**
   * Protects the MCP endpoint as an OAuth 2.1 resource server: every request needs a bearer
   * token the resource server's verifier accepts, per-tool scopes answer 403 for step-up, the
   * protected resource metadata is served, sessions are bound to the token's subject.
   */
  public HttpOptions oauth(ResourceServer resourceServer) {
    HttpOptions c = copy();
    c.oauth = Objects.requireNonNull(resourceServer, "resourceServer");
    return c;
  }

  /** Serves HTTPS with {@code keystore}, its password in the secret {@value Tls#DEFAULT_PASSWORD_SECRET}. */
  public HttpOptions tls(Path keystore) {
    return tls(keystore, Tls.DEFAULT_PASSWORD_SECRET);
  }

  /** Serves HTTPS with {@code keystore}, its password in the secret named {@code passwordSecret}. */
  public HttpOptions tls(Path keystore, String passwordSecret) {
    HttpOptions c = copy();
    c.tls = new Tls(keystore, passwordSecret);
    return c;
  }

  /**
   * Declares that a TLS-terminating reverse proxy is in front of this server, so plain HTTP on a
   * non-loopback bind is acceptable with OAuth (clients only ever reach the proxy's HTTPS).
   */
  public HttpOptions behindTlsProxy() {
    HttpOptions c = copy();
    c.behindTlsProxy = true;
    return c;
  }

  /**
   * Turns CORS on for exactly these origins (e.g. {@code https://app.example.com}), for browser
   * clients; they are allowed as Origins too. Off by default.
   */
  public HttpOptions cors(String... origins) {
    List<String> all = new ArrayList<>(corsOrigins);
    for (String o : origins) {
      String origin = Objects.requireNonNull(o, "origin");
      if ("*".equals(origin) || origin.contains("*")) {
        throw new IllegalArgumentException("CORS origins must be listed exactly, not with wildcards: " + origin);
      }
      all.add(origin);
    }
    HttpOptions c = copy();
    c.corsOrigins = List.copyOf(all);
    return c.allowedOrigins(origins);
  }

  /**
   * {@code Host} header values accepted besides the loopback ones and the resource URL's
   * authority, e.g. {@code mcp.internal:8080}.
   */
  public HttpOptions allowedHosts(String... hosts) {
    List<String> all = new ArrayList<>(allowedHosts);
    for (String h : hosts) {
      all.add(Objects.requireNonNull(h, "host"));
    }
    HttpOptions c = copy();
    c.allowedHosts = List.copyOf(all);
    return c;
  }

  /** The OAuth resource server, or {@code null} when OAuth is off. */
  public ResourceServer oauth() {
    return oauth;
  }

  /** The TLS keystore, or {@code null} for plain HTTP. */
  public Tls tls() {
    return tls;
  }

  /** Whether a TLS-terminating proxy in front of this server was declared. */
  public boolean isBehindTlsProxy() {
    return behindTlsProxy;
  }

  /** Origins that may call from a browser (CORS); empty: none. */
  public List<String> corsOrigins() {
    return corsOrigins;
  }

  /** Host header values accepted besides the bind address. */
  public List<String> allowedHosts() {
    return allowedHosts;
  }

  /** The address the server binds. */
  public String host() {
    return host;
  }

  /** The port the server binds (0: any free port). */
  public int port() {
    return port;
  }

  /** Origin header values accepted (DNS-rebinding protection). */
  public List<String> allowedOrigins() {
    return allowedOrigins;
  }

  /** The largest request body accepted, in bytes; larger ones get 413. */
  public int maxRequestBytes() {
    return maxRequestBytes;
  }

  /** The largest request header block accepted, in bytes. */
  public int maxHeaderBytes() {
    return maxHeaderBytes;
  }
}
