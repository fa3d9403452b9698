package dev.toolwarden.runtime.http;

import dev.toolwarden.runtime.RunningServer;
import dev.toolwarden.runtime.ToolwardenStartupException;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.DefaultServerTransportSecurityValidator;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.McpStreamableServerTransportProvider;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Function;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streamable HTTP on embedded Jetty 12 (ee10): the SDK's servlet transport behind
 * {@link SafeErrorFilter}, with Origin/Host validation on by default.
 */
public final class HttpTransport {

  private static final Logger LOG = LoggerFactory.getLogger(HttpTransport.class);

  /** The MCP endpoint path. */
  public static final String ENDPOINT = "/mcp";

  private HttpTransport() {}

  /**
   * Binds, builds the SDK server on the transport and starts serving.
   *
   * @throws ToolwardenStartupException when the bind is unsafe or fails
   */
  public static RunningServer start(HttpOptions options, McpJsonMapper json,
      Function<McpStreamableServerTransportProvider, McpSyncServer> serverFactory) {
    return start(options, json, serverFactory, null);
  }

  /**
   * As {@link #start(HttpOptions, McpJsonMapper, Function)}, with {@code clientLimit} (or null)
   * as the first filter, before any other work on a request.
   */
  public static RunningServer start(HttpOptions options, McpJsonMapper json,
      Function<McpStreamableServerTransportProvider, McpSyncServer> serverFactory, Filter clientLimit) {
    requireLoopback(options.host());

    QueuedThreadPool threads = new QueuedThreadPool();
    threads.setName("toolwarden-http");
    Server jetty = new Server(threads);
    HttpConfiguration http = new HttpConfiguration();
    http.setRequestHeaderSize(options.maxHeaderBytes());
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
    ServerConnector connector = new ServerConnector(jetty, new HttpConnectionFactory(http));
    connector.setHost(options.host());
    connector.setPort(options.port());
    jetty.addConnector(connector);
    jetty.setErrorHandler(new JsonErrorHandlers.Server());
    try {
      connector.open(); // bind now: the Host allowlist needs the real port
    } catch (IOException e) {
      throw new ToolwardenStartupException(
          "cannot listen on " + options.host() + ":" + options.port() + ": " + e.getMessage());
    }
    int port = connector.getLocalPort();

    McpSyncServer mcp = null;
    try {
      HttpServletStreamableServerTransportProvider transport = HttpServletStreamableServerTransportProvider.builder()
          .jsonMapper(json)
          .mcpEndpoint(ENDPOINT)
          .httpHeaderValidator(securityValidator(options, port))
          .maxRequestSize(options.maxRequestBytes())
          .build();
      mcp = serverFactory.apply(transport);

      ServletContextHandler context = new ServletContextHandler(ServletContextHandler.NO_SESSIONS);
      context.setContextPath("/");
      context.setErrorHandler(new JsonErrorHandlers.Context());
      if (clientLimit != null) {
        FilterHolder limit = new FilterHolder(clientLimit);
        limit.setAsyncSupported(true);
        context.addFilter(limit, "/*", EnumSet.of(DispatcherType.REQUEST));
      }
      FilterHolder filter = new FilterHolder(new SafeErrorFilter(json));
      filter.setAsyncSupported(true); // Jetty 12 ee10: every filter in front of an async servlet
      context.addFilter(filter, "/*", EnumSet.of(DispatcherType.REQUEST));
      ServletHolder servlet = new ServletHolder(transport);
      servlet.setAsyncSupported(true);
      context.addServlet(servlet, ENDPOINT);
      jetty.setHandler(context);
      jetty.start();
    } catch (RuntimeException e) {
      stopQuietly(jetty, mcp);
      throw e;
    } catch (Exception e) {
      stopQuietly(jetty, mcp);
      throw new ToolwardenStartupException("the HTTP server failed to start: " + e);
    }
    LOG.info("MCP server listening on http://{}:{}{}", urlHost(options.host()), port, ENDPOINT);
    return new JettyRunningServer(jetty, mcp, urlHost(options.host()), port);
  }

  /**
   * Refuses unsafe options before anything else starts. Until OAuth arrives, only loopback binds
   * are safe: anyone on the network could call the tools.
   */
  public static void check(HttpOptions options) {
    requireLoopback(options.host());
  }

  static void requireLoopback(String host) {
    InetAddress address;
    try {
      address = InetAddress.getByName(host);
    } catch (UnknownHostException e) {
      throw new ToolwardenStartupException("cannot resolve the HTTP host '" + host + "'");
    }
    if (!address.isLoopbackAddress()) {
      throw new ToolwardenStartupException("refusing to bind the HTTP transport to '" + host
          + "': it is not a loopback address, and a network-reachable MCP server needs OAuth, which is not"
          + " configured. Bind 127.0.0.1 (HttpOptions.loopback(port)) or use stdio.");
    }
  }

  static DefaultServerTransportSecurityValidator securityValidator(HttpOptions options, int port) {
    List<String> origins = new ArrayList<>(List.of("http://localhost:*", "http://127.0.0.1:*", "http://[::1]:*"));
    origins.addAll(options.allowedOrigins());
    return DefaultServerTransportSecurityValidator.builder()
        .allowedOrigins(origins)
        .allowedHosts(List.of("localhost:" + port, "127.0.0.1:" + port, "[::1]:" + port))
        .build();
  }

  private static String urlHost(String host) {
    return host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
  }

  private static void stopQuietly(Server jetty, McpSyncServer mcp) {
    if (mcp != null) {
      try {
        mcp.close();
      } catch (RuntimeException ignored) {
        // already failing
      }
    }
    try {
      jetty.stop();
    } catch (Exception ignored) {
      // already failing
    }
  }

  private static final class JettyRunningServer implements RunningServer {
    private final Server jetty;
    private final McpSyncServer mcp;
    private final String host;
    private final int port;
    private boolean closed;

    JettyRunningServer(Server jetty, McpSyncServer mcp, String host, int port) {
      this.jetty = jetty;
      this.mcp = mcp;
      this.host = host;
      this.port = port;
    }

    @Override
    public int port() {
      return port;
    }

    @Override
    public String url() {
      return "http://" + host + ":" + port + ENDPOINT;
    }

    @Override
    public void notifyResourceUpdated(String uri) {
      java.util.Objects.requireNonNull(uri, "uri");
      var resources = mcp.getServerCapabilities().resources();
      if (resources == null || !Boolean.TRUE.equals(resources.subscribe())) {
        throw new IllegalStateException("resource subscriptions are off: build the server with resourceSubscriptions(true)");
      }
      mcp.notifyResourcesUpdated(new io.modelcontextprotocol.spec.McpSchema.ResourcesUpdatedNotification(uri));
    }

    @Override
    public void await() throws InterruptedException {
      jetty.join();
    }

    @Override
    public synchronized void close() {
      if (closed) {
        return;
      }
      closed = true;
      try {
        mcp.closeGracefully();
      } catch (RuntimeException e) {
        LOG.debug("closing MCP sessions failed", e);
      }
      try {
        jetty.stop();
      } catch (Exception e) {
        LOG.warn("stopping the HTTP server failed: {}", e.toString());
      }
    }
  }
}
