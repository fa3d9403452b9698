package dev.toolwarden.runtime.url;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * A real HTTP server on 127.0.0.1 for the client tests: {@code /ok} answers {@value #HELLO},
 * {@code /redirect?to=URL[&status=N]} redirects, {@code /big} sends 2 MiB, {@code /hang} never
 * answers, {@code /headers} echoes the request headers. Every request's path and {@code Host}
 * are recorded, so a test can prove that a refused hop never reached it.
 */
public final class LoopbackOrigin implements AutoCloseable {

  /** The body of {@code /ok}. */
  public static final String HELLO = "hello from the origin";

  private final Server server;
  private final ServerConnector connector;
  private final List<String> requests = new CopyOnWriteArrayList<>();

  /**
   * Ports an origin can be asked to take when a {@code @SafeUrl} rule, a compile-time constant,
   * must name its port: the first free one is used.
   */
  public static final int[] FIXED_PORTS = {28181, 28182, 28183, 28184, 28185, 28186};

  /** Starts a plain HTTP origin on any free port. */
  public LoopbackOrigin() throws Exception {
    this(null, 0);
  }

  /** Starts an origin, over TLS when {@code tls} is given, on any free port. */
  LoopbackOrigin(SslContextFactory.Server tls) throws Exception {
    this(tls, 0);
  }

  private LoopbackOrigin(SslContextFactory.Server tls, int port) throws Exception {
    server = new Server();
    connector = tls == null ? new ServerConnector(server) : new ServerConnector(server, tls);
    connector.setHost("127.0.0.1");
    connector.setPort(port);
    server.addConnector(connector);
    server.setHandler(new Handler.Abstract() {
      @Override
      public boolean handle(Request request, Response response, Callback callback) {
        return serve(request, response, callback);
      }
    });
    server.start();
  }

  /** Starts a plain HTTP origin on the first free port of {@link #FIXED_PORTS}. */
  public static LoopbackOrigin onFixedPort() throws Exception {
    Exception last = null;
    for (int port : FIXED_PORTS) {
      try {
        return new LoopbackOrigin(null, port);
      } catch (java.io.IOException e) { // taken: try the next one
        last = e;
      }
    }
    throw new IllegalStateException("every fixed port is taken", last);
  }

  /** The port it listens on. */
  public int port() {
    return connector.getLocalPort();
  }

  /** {@code "<Host header> <path>"} of every request received, in order. */
  public List<String> requests() {
    return List.copyOf(requests);
  }

  private boolean serve(Request request, Response response, Callback callback) {
    String path = request.getHttpURI().getPath();
    requests.add(request.getHeaders().get("Host") + " " + path);
    Fields query = Request.extractQueryParameters(request);
    switch (path) {
      case "/ok" -> text(response, callback, 200, HELLO);
      case "/redirect" -> {
        String status = query.getValue("status");
        response.setStatus(status == null ? 302 : Integer.parseInt(status));
        response.getHeaders().put("Location", query.getValue("to"));
        text(response, callback, response.getStatus(), "moved");
      }
      case "/big" -> text(response, callback, 200, "x".repeat(2 << 20));
      case "/hang" -> {
        // never completes the callback: the client's timeout must end the exchange
      }
      case "/headers" -> {
        StringBuilder b = new StringBuilder();
        for (HttpField f : request.getHeaders()) {
          b.append(f.getName()).append(": ").append(f.getValue()).append('\n');
        }
        text(response, callback, 200, b.toString());
      }
      default -> text(response, callback, 404, "not found");
    }
    return true;
  }

  private static void text(Response response, Callback callback, int status, String body) {
    response.setStatus(status);
    response.getHeaders().put("Content-Type", "text/plain; charset=utf-8");
    response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
  }

  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception e) { // NOPMD: a test server that cannot stop is a broken test
      throw new IllegalStateException("the loopback origin did not stop", e);
    }
  }
}
