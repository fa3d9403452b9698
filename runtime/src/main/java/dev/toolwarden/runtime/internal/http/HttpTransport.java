package dev.toolwarden.runtime.internal.http;

import dev.toolwarden.runtime.internal.net.AddressRange;
import dev.toolwarden.runtime.internal.net.Loopback;
import dev.toolwarden.runtime.http.HttpOptions;

import dev.toolwarden.runtime.RunningServer;
import dev.toolwarden.runtime.Secrets;
import dev.toolwarden.runtime.ToolwardenStartupException;
import dev.toolwarden.runtime.auth.ResourceServer;
import dev.toolwarden.runtime.auth.TokenVerifier;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.transport.DefaultServerTransportSecurityValidator;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import java.io.IOException;
import java.util.ArrayList;
import java.net.URI;
import java.nio.file.Files;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

  private HttpTransport() {}

  /**
   * Binds, builds the SDK server ({@code servers}: with sessions, or stateless when the options
   * say so) and starts serving. {@code toolScopes} are the scopes each tool requires (all of them)
   * — with OAuth, a {@code tools/call} lacking them is refused with 403 {@code insufficient_scope}
   * before the MCP layer, and the protected resource metadata lists their union as
   * {@code scopes_supported}; {@code clientLimit} (or null) runs before any other work on a request
   * (after the trusted-proxy resolution, when proxies are configured).
   *
   * @throws ToolwardenStartupException when the bind is unsafe or fails
   */
  public static RunningServer start(HttpOptions options, McpJsonMapper json, SdkServers servers,
      Map<String, List<String>> toolScopes, Filter clientLimit) {
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

    SdkEndpoint sdk = null;
    try {
      DefaultServerTransportSecurityValidator origins = securityValidator(options, port);
      sdk = SdkEndpoint.build(options, json, origins, servers);

      ServletContextHandler context = new ServletContextHandler(ServletContextHandler.NO_SESSIONS);
      context.setContextPath("/");
      context.setErrorHandler(new JsonErrorHandlers.Context());
      if (!options.trustedProxies().isEmpty()) {
        // first: everything after it, the client limit included, sees the resolved client
        FilterHolder proxies = new FilterHolder(new TrustedProxyFilter(new ClientAddressResolver(
            options.trustedProxies().stream().map(AddressRange::parse).toList())));
        proxies.setAsyncSupported(true);
        context.addFilter(proxies, "/*", EnumSet.of(DispatcherType.REQUEST));
      }
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
      List<String> scopesSupported = scopesSupported(toolScopes, servers);
      McpEndpointFilters.install(context, ENDPOINT, json, options.maxRequestBytes(), oauth, verifier, toolScopes,
          scopesSupported, sdk.sessions(), sdk.bound(), servers, origins);
      if (oauth != null) {
        ServletHolder prm = new ServletHolder(new ProtectedResourceMetadataServlet(oauth, scopesSupported, json, ENDPOINT));
        prm.setAsyncSupported(true);
        context.addServlet(prm, ProtectedResourceMetadataServlet.WELL_KNOWN);
        context.addServlet(prm, ProtectedResourceMetadataServlet.WELL_KNOWN + "/*");
      }
      ServletHolder servlet = new ServletHolder(sdk.servlet());
      servlet.setAsyncSupported(true);
      context.addServlet(servlet, ENDPOINT);
      jetty.setHandler(context);
      jetty.start();
    } catch (RuntimeException e) {
      stopQuietly(jetty, sdk);
      throw e;
    } catch (Exception e) {
      stopQuietly(jetty, sdk);
      throw new ToolwardenStartupException("the HTTP server failed to start: " + e);
    }
    String scheme = options.tls() == null ? "http" : "https";
    LOG.info("MCP server listening on {}://{}:{}{}{}{}", scheme, urlHost(options.host()), port, ENDPOINT,
        options.isStateless() ? " (stateless)" : "",
        oauth == null ? "" : " (OAuth resource " + oauth.resource() + ", metadata " + oauth.metadataUrl() + ")");
    return new JettyRunningServer(jetty, sdk, scheme, urlHost(options.host()), port, servers.modern());
  }

  /**
   * Refuses unsafe options before anything else starts: a non-loopback bind without OAuth
   * (anyone on the network could call the tools), OAuth over plain HTTP on a non-loopback bind
   * (tokens in clear on the network) unless a TLS-terminating proxy is declared, a
   * non-loopback bind with an empty Origin allowlist, and a declared TLS proxy whose address is not
   * among the trusted proxies.
   */
  public static void check(HttpOptions options) {
    if (options.isBehindTlsProxy() && options.trustedProxies().isEmpty()) {
      throw new ToolwardenStartupException("refusing .behindTlsProxy() without trusted proxies: name the TLS-terminating"
          + " proxy's addresses with .trustedProxies(\"10.0.0.7\") (or CIDR blocks, e.g. \"10.0.0.0/24\"; setting"
          + " toolwarden.http.trusted-proxies / TOOLWARDEN_HTTP_TRUSTED_PROXIES), so that its X-Forwarded-For and"
          + " X-Forwarded-Proto are believed from it and from nobody else.");
    }
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

  /** The protected resource metadata's {@code scopes_supported}: every scope a tool or feature declares. */
  static List<String> scopesSupported(Map<String, List<String>> toolScopes, SdkServers servers) {
    List<List<String>> declared = new ArrayList<>(toolScopes.values());
    declared.add(List.copyOf(servers.featureScopes().all()));
    return ProtectedResourceMetadataServlet.scopesSupported(allScopes(declared));
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

  private static void stopQuietly(Server jetty, SdkEndpoint sdk) {
    if (sdk != null) {
      try {
        sdk.closer().run();
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
