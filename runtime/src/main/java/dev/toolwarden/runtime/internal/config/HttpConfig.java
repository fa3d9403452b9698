package dev.toolwarden.runtime.internal.config;

import dev.toolwarden.runtime.ToolwardenStartupException;
import dev.toolwarden.runtime.http.HttpOptions;
import java.util.Optional;

/** Reads the {@link HttpOptions} of {@code ServerBuilder.start()} from the {@code http.*}, {@code tls.*} and {@code oauth.*} settings. */
public final class HttpConfig {

  /** The port when {@code http.port} is not set. */
  public static final int DEFAULT_PORT = 8080;

  private HttpConfig() {}

  /**
   * The HTTP options the settings describe.
   *
   * @throws ToolwardenStartupException naming the key when a value is malformed or unusable
   */
  public static HttpOptions read(Config config) {
    int port = config.integer(Setting.HTTP_PORT).map(Long::intValue).orElse(DEFAULT_PORT);
    Optional<String> host = config.text(Setting.HTTP_HOST);
    HttpOptions options = host.isPresent() ? HttpOptions.bind(host.get(), port) : HttpOptions.loopback(port);
    options = ResourceServerConfig.read(config).map(options::oauth).orElse(options);
    options = config.apply(options, Setting.TLS_KEYSTORE, config::path, HttpOptions::tls);
    options = config.apply(options, Setting.HTTP_BEHIND_TLS_PROXY, config::flag,
        (o, behind) -> behind ? o.behindTlsProxy() : o);
    options = config.apply(options, Setting.HTTP_ALLOWED_ORIGINS, config::list,
        (o, origins) -> o.allowedOrigins(origins.toArray(String[]::new)));
    options = config.apply(options, Setting.HTTP_MAX_REQUEST_SIZE, config::size,
        (o, bytes) -> o.maxRequestBytes(Math.toIntExact(bytes)));
    return config.apply(options, Setting.HTTP_MAX_HEADER_SIZE, config::size,
        (o, bytes) -> o.maxHeaderBytes(Math.toIntExact(bytes)));
  }
}
