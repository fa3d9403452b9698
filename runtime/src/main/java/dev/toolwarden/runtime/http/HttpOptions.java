package dev.toolwarden.runtime.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Options of the Streamable HTTP transport. Immutable: each {@code with}-style method returns a
 * copy. A non-loopback bind is refused at start-up until OAuth is configured (an
 * {@code oauth(...)} option joins here when the runtime supports it).
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
   * Listens on {@code host}. Anything but a loopback address is refused at start-up for now:
   * a network-reachable MCP server needs OAuth.
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
    return new HttpOptions(host, port, all, maxRequestBytes, maxHeaderBytes);
  }

  /** The largest request body accepted (413 beyond). */
  public HttpOptions maxRequestBytes(int bytes) {
    if (bytes <= 0) {
      throw new IllegalArgumentException("maxRequestBytes must be positive");
    }
    return new HttpOptions(host, port, allowedOrigins, bytes, maxHeaderBytes);
  }

  /** The largest request line plus headers accepted (431 beyond). */
  public HttpOptions maxHeaderBytes(int bytes) {
    if (bytes < 1024) {
      throw new IllegalArgumentException("maxHeaderBytes must be at least 1024");
    }
    return new HttpOptions(host, port, allowedOrigins, maxRequestBytes, bytes);
  }

  public String host() {
    return host;
  }

  public int port() {
    return port;
  }

  public List<String> allowedOrigins() {
    return allowedOrigins;
  }

  public int maxRequestBytes() {
    return maxRequestBytes;
  }

  public int maxHeaderBytes() {
    return maxHeaderBytes;
  }
}
