package dev.toolwarden.redis;

import io.lettuce.core.RedisURI;
import io.lettuce.core.SslVerifyMode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * A Redis endpoint parsed from a {@code redis://host[:port][/db]} or {@code rediss://…} (TLS) URL.
 * The URL must not carry a password: passwords come from the environment (see
 * {@link RedisRateLimiter.Builder#password(char[])} and {@link RedisRateLimiter#fromConfig()}),
 * so that a URL can be logged and shown. A user name (Redis ACL) may be given as
 * {@code redis://user@host}.
 *
 * @param tls whether to speak TLS ({@code rediss}); the server's certificate and host name are verified
 * @param host the host
 * @param port the port (default 6379)
 * @param database the database index (default 0)
 * @param username the ACL user, or {@code null}
 */
record RedisEndpoint(boolean tls, String host, int port, int database, String username) {

  static RedisEndpoint parse(String url) {
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException("no Redis URL: use redis://host:port or rediss://host:port");
    }
    URI uri;
    try {
      uri = new URI(url.trim());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("malformed Redis URL (use redis://host:port or rediss://host:port)");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("redis") && !scheme.equals("rediss")) {
      throw new IllegalArgumentException("unsupported Redis URL scheme '" + scheme + "': use redis:// or rediss:// (TLS)");
    }
    String userInfo = uri.getRawUserInfo();
    String username = null;
    if (userInfo != null) {
      if (userInfo.contains(":")) {
        // never echo the URL: it carries the password
        throw new IllegalArgumentException("the Redis URL must not contain a password: put it in the environment"
            + " variable " + RedisRateLimiter.DEFAULT_PASSWORD_SECRET + " (or " + RedisRateLimiter.DEFAULT_PASSWORD_SECRET
            + "_FILE) instead");
      }
      username = uri.getUserInfo();
      if (username.isEmpty()) {
        username = null;
      }
    }
    String host = uri.getHost();
    if (host == null || host.isEmpty()) {
      throw new IllegalArgumentException("the Redis URL has no host: use redis://host:port");
    }
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    int port = uri.getPort() < 0 ? RedisURI.DEFAULT_REDIS_PORT : uri.getPort();
    int database = 0;
    String path = uri.getPath();
    if (path != null && !path.isEmpty() && !path.equals("/")) {
      try {
        database = Integer.parseInt(path.substring(1));
      } catch (NumberFormatException e) {
        database = -1;
      }
      if (database < 0) {
        throw new IllegalArgumentException("the Redis URL's path must be a database number, e.g. redis://host:6379/0");
      }
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new IllegalArgumentException("the Redis URL takes no query or fragment: configure options separately");
    }
    return new RedisEndpoint(scheme.equals("rediss"), host, port, database, username);
  }

  /** The Lettuce URI, with the password when there is one; TLS verifies certificate and host name. */
  RedisURI toRedisUri(char[] password, java.time.Duration timeout, String clientName) {
    RedisURI.Builder b = RedisURI.builder()
        .withHost(host)
        .withPort(port)
        .withDatabase(database)
        .withTimeout(timeout)
        .withClientName(clientName);
    if (tls) {
      b.withSsl(true).withVerifyPeer(SslVerifyMode.FULL);
    }
    if (password != null && password.length > 0) {
      if (username != null) {
        b.withAuthentication(username, password);
      } else {
        b.withPassword(password);
      }
    } else if (username != null) {
      throw new IllegalArgumentException("a Redis user name without a password: set "
          + RedisRateLimiter.DEFAULT_PASSWORD_SECRET + " (or " + RedisRateLimiter.DEFAULT_PASSWORD_SECRET + "_FILE)");
    }
    return b.build();
  }

  /** The URL without secrets, for log lines and audit events. */
  @Override
  public String toString() {
    String h = host.contains(":") ? "[" + host + "]" : host;
    return (tls ? "rediss://" : "redis://") + (username == null ? "" : username + "@") + h + ":" + port + "/" + database;
  }
}
