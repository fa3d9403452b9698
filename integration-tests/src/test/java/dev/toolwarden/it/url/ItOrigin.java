package dev.toolwarden.it.url;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The loopback origin the {@code fetch} tool reaches (the JDK's HTTP server on 127.0.0.1, on the
 * first free port of {@link UrlTools#ORIGIN_PORTS}): {@code /ok} answers {@value #HELLO},
 * {@code /redirect?to=URL} answers 302 to it. Every path requested is recorded.
 */
final class ItOrigin implements AutoCloseable {

  static final String HELLO = "hello from the origin";

  private final HttpServer server;
  private final List<String> paths = new CopyOnWriteArrayList<>();

  ItOrigin() throws IOException {
    HttpServer bound = null;
    for (int port : UrlTools.ORIGIN_PORTS) {
      try {
        bound = HttpServer.create(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), port), 16);
        break;
      } catch (BindException e) {
        // taken: the next one
      }
    }
    if (bound == null) {
      throw new IllegalStateException("every origin port is taken");
    }
    server = bound;
    server.createContext("/", this::serve);
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  List<String> paths() {
    return List.copyOf(paths);
  }

  private void serve(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    paths.add(path);
    String query = exchange.getRequestURI().getRawQuery();
    if (path.equals("/redirect") && query != null && query.startsWith("to=")) {
      exchange.getResponseHeaders().add("Location", URLDecoder.decode(query.substring(3), StandardCharsets.UTF_8));
      exchange.sendResponseHeaders(302, -1);
    } else {
      byte[] body = (path.equals("/ok") ? HELLO : "not found").getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(path.equals("/ok") ? 200 : 404, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
