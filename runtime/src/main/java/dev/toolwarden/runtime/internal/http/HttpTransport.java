package dev.toolwarden.runtime.internal.http;

import dev.toolwarden.runtime.internal.net.Loopback;
import dev.toolwarden.runtime.http.HttpOptions;

import dev.toolwarden.runtime.RunningServer;
import dev.toolwarden.runtime.Secrets;
import dev.toolwarden.runtime.ToolwardenStartupException;
import dev.toolwarden.runtime.internal.auth.OAuthCallers;
import dev.toolwarden.runtime.auth.ResourceServer;
import dev.toolwarden.runtime.internal.auth.SessionBindings;
import dev.toolwarden.runtime.auth.TokenVerifier;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.DefaultServerTransportSecurityValidator;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.McpStreamableServerTransportProvider;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import java.io.IOException;
import java.util.ArrayList;
import java.net.URI;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streamable HTTP on embedded Jetty 12 (ee10): the SDK's servlet transport behind
 * {@link SafeErrorFilter} and the MCP endpoint's filters ({@link McpEndpointFilters}: UTF-8 only,
 * OAuth, one strict parse of each body, scopes, params, session binding), with Origin/Host
 * validation on by default. The SDK server is built on {@link BoundSessionsProvider}, so every
 * session it creates is bound to a principal.
 */
public final class HttpTransport {

  private static final Logger LOG = LoggerFactory.getLogger(HttpTransport.class);

  /** The MCP endpoint path. */
  public static final String ENDPOINT = "/mcp";

  /** How much longer than the original body its canonical form can be, at most. */
  private static final long CANONICAL_GROWTH = 8;

  private HttpTransport() {}

  /**
   * Binds, builds the SDK server on the transport and starts serving.
   *
   * @throws ToolwardenStartupException when the bind is unsafe or fails
   */
  public static RunningServer start(HttpOptions options, McpJsonMapper json,
      Function<McpStreamableServerTransportProvider, McpSyncServer> serverFactory) {
    return start(options, json, serverFactory, Map.of(), null);
  }

  /**
   * As {@link #start(HttpOptions, McpJsonMapper, Function)}, with the scopes each tool requires
   * (all of them) — with OAuth, a {@code tools/call} lacking them is refused with 403
   * {@code insufficient_scope} before the MCP layer, and the protected resource metadata lists
   * their union as {@code scopes_supported} — and {@code clientLimit} (or null) as the first
   * filter, before any other work on a request.
   */
  public static RunningServer start(HttpOptions options, McpJsonMapper json,
      Function<McpStreamableServerTransportProvider, McpSyncServer> serverFactory, Map<String, List<String>> toolScopes,
      Filter clientLimit) {
    check(options);
    ResourceServer oauth = options.oauth();
    TokenVerifier verifier = oauth == null ? null : oauth.createVerifier();

    QueuedThreadPool threads = new QueuedThreadPool();
    threads.setName("toolwarden-http");
    Server jetty = new Server(threads);
    HttpConfiguration http = new HttpConfiguration();
    http.setRequestHeaderSize(options.maxHeaderBytes());
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
    ServerConnector connector = options.tls() == null
        ? new ServerConnector(jetty, new HttpConnectionFactory(http))
        : tlsConnector(jetty, http, options.tls());
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
      // every session, with or without OAuth, is bound to a principal and ends (SessionBindings);
      // the SDK's own sweeper also drops sessions idle for a whole interval, as a second line
      Duration idle = oauth == null ? ResourceServer.DEFAULT_SESSION_IDLE : oauth.sessionIdleTimeout();
      Duration max = oauth == null ? ResourceServer.DEFAULT_SESSION_MAX : oauth.sessionMaxLifetime();
      // without OAuth every caller is the one local principal: its bound is the server's total
      int perPrincipal = oauth == null ? SessionBindings.DEFAULT_TOTAL : SessionBindings.DEFAULT_PER_PRINCIPAL;
      SessionBindings sessions = new SessionBindings(idle, max, perPrincipal, SessionBindings.DEFAULT_TOTAL,
          Clock.systemUTC());
      HttpServletStreamableServerTransportProvider transport = HttpServletStreamableServerTransportProvider.builder()
          .jsonMapper(json)
          .mcpEndpoint(ENDPOINT)
          .httpHeaderValidator(securityValidator(options, port))
          // the size limit is enforced on what the client sent (JsonRpcBodyFilter); the SDK reads
          // the canonical form, which escaping (é -> \u00E9) and number forms (1e5 -> 100000.0)
          // can make up to a few times longer
          .maxRequestSize((int) Math.min(Integer.MAX_VALUE, CANONICAL_GROWTH * options.maxRequestBytes()))
          .contextExtractor(HttpTransport::callerContext)
          .sessionSweepInterval(idle)
          .build();
      BoundSessionsProvider bound = new BoundSessionsProvider(transport, sessions);
      mcp = serverFactory.apply(bound);

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
      if (!options.corsOrigins().isEmpty()) {
        FilterHolder cors = new FilterHolder(new CorsFilter(options.corsOrigins()));
        cors.setAsyncSupported(true);
        context.addFilter(cors, "/*", EnumSet.of(DispatcherType.REQUEST));
      }
      List<String> scopesSupported = ProtectedResourceMetadataServlet.scopesSupported(allScopes(toolScopes.values()));
      McpEndpointFilters.install(context, ENDPOINT, json, options.maxRequestBytes(), oauth, verifier, toolScopes,
          scopesSupported, sessions, bound);
      if (oauth != null) {
        ServletHolder prm = new ServletHolder(new ProtectedResourceMetadataServlet(oauth, scopesSupported, json, ENDPOINT));
        prm.setAsyncSupported(true);
        context.addServlet(prm, ProtectedResourceMetadataServlet.WELL_KNOWN);
        context.addServlet(prm, ProtectedResourceMetadataServlet.WELL_KNOWN + "/*");
      }
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
    String scheme = options.tls() == null ? "http" : "https";
    LOG.info("MCP server listening on {}://{}:{}{}{}", scheme, urlHost(options.host()), port, ENDPOINT,
        oauth == null ? "" : " (OAuth resource " + oauth.resource() + ", metadata " + oauth.metadataUrl() + ")");
    return new JettyRunningServer(jetty, mcp, scheme, urlHost(options.host()), port);
  }

  /**
   * Refuses unsafe options before anything else starts: a non-loopback bind without OAuth
   * (anyone on the network could call the tools), OAuth over plain HTTP on a non-loopback bind
   * (tokens in clear on the network) unless a TLS-terminating proxy is declared, and a
   * non-loopback bind with an empty Origin allowlist.
   */
  public static void check(HttpOptions options) {
    boolean loopback = Loopback.isLoopback(options.host());
    if (!loopback) {
      if (options.oauth() == null) {
        throw new ToolwardenStartupException("refusing to bind the HTTP transport to '" + options.host()
            + "': it is not a loopback address, and a network-reachable MCP server needs OAuth, which is not"
            + " configured. Add .oauth(ResourceServer.jwt(issuer, resourceUrl)) (or set TOOLWARDEN_OAUTH_ISSUER and"
            + " TOOLWARDEN_OAUTH_RESOURCE), bind 127.0.0.1 (HttpOptions.loopback(port)) or use stdio.");
      }
      if (options.tls() == null && !options.isBehindTlsProxy()) {
        throw new ToolwardenStartupException("refusing to serve OAuth over plain HTTP on '" + options.host()
            + "': bearer tokens would cross the network in clear. Add .tls(keystore) (password in "
            + HttpOptions.Tls.DEFAULT_PASSWORD_SECRET + "), or .behindTlsProxy() when a TLS-terminating proxy is in front.");
      }
      if (options.allowedOrigins().isEmpty()) {
        throw new ToolwardenStartupException("refusing to bind the HTTP transport to '" + options.host()
            + "' with an empty Origin allowlist: name the browser origins allowed to call this server with"
            + " .allowedOrigins(\"https://app.example.com\") (requests without an Origin header are not affected).");
      }
    }
    if (options.oauth() != null) {
      options.oauth().validate();
    }
    if (options.tls() != null && !Files.isReadable(options.tls().keystore())) {
      throw new ToolwardenStartupException("the TLS keystore " + options.tls().keystore() + " cannot be read");
    }
  }

  static DefaultServerTransportSecurityValidator securityValidator(HttpOptions options, int port) {
    List<String> origins = new ArrayList<>(List.of("http://localhost:*", "http://127.0.0.1:*", "http://[::1]:*",
        "https://localhost:*", "https://127.0.0.1:*", "https://[::1]:*"));
    origins.addAll(options.allowedOrigins());
    Set<String> hosts = new LinkedHashSet<>(List.of("localhost:" + port, "127.0.0.1:" + port, "[::1]:" + port));
    if (!Loopback.isLoopback(options.host())) {
      hosts.add(urlHost(options.host()) + ":" + port);
    }
    if (options.oauth() != null) {
      URI resource = URI.create(options.oauth().resource());
      String authority = resource.getRawAuthority();
      hosts.add(authority);
      if (resource.getPort() < 0) {
        hosts.add(authority + ("https".equals(resource.getScheme()) ? ":443" : ":80"));
      }
    }
    hosts.addAll(options.allowedHosts());
    return DefaultServerTransportSecurityValidator.builder()
        .allowedOrigins(origins)
        .allowedHosts(List.copyOf(hosts))
        .build();
  }

  /** Puts the caller the OAuth filter verified (principal and scopes, never the token) into the SDK's context. */
  private static McpTransportContext callerContext(jakarta.servlet.http.HttpServletRequest request) {
    Object caller = request.getAttribute(OAuthCallers.CONTEXT_KEY);
    return caller == null ? McpTransportContext.EMPTY : McpTransportContext.create(Map.of(OAuthCallers.CONTEXT_KEY, caller));
  }

  private static Set<String> allScopes(Collection<List<String>> scopes) {
    Set<String> all = new LinkedHashSet<>();
    scopes.forEach(all::addAll);
    return all;
  }

  private static ServerConnector tlsConnector(Server jetty, HttpConfiguration http, HttpOptions.Tls tls) {
    SslContextFactory.Server ssl = new SslContextFactory.Server();
    ssl.setKeyStorePath(tls.keystore().toAbsolutePath().toString());
    ssl.setKeyStorePassword(Secrets.require(tls.passwordSecret()));
    ssl.setIncludeProtocols("TLSv1.3", "TLSv1.2");
    http.setSecureScheme("https");
    SecureRequestCustomizer secure = new SecureRequestCustomizer();
    secure.setSniHostCheck(false); // the Host allowlist is checked by the transport's validator
    http.addCustomizer(secure);
    return new ServerConnector(jetty, new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(http));
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
}
