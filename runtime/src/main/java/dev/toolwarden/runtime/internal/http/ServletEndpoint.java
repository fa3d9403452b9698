package dev.toolwarden.runtime.internal.http;

import dev.toolwarden.runtime.ToolwardenStartupException;
import dev.toolwarden.runtime.auth.ResourceServer;
import dev.toolwarden.runtime.auth.TokenVerifier;
import dev.toolwarden.runtime.http.HttpOptions;
import dev.toolwarden.runtime.internal.net.AddressRange;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.transport.HeaderAccessor;
import io.modelcontextprotocol.server.transport.ServerHttpHeaderValidator;
import io.modelcontextprotocol.server.transport.ServerTransportSecurityException;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The MCP endpoint installed into a servlet container the application runs itself (Spring Boot's
 * Tomcat, Jetty or Undertow), instead of the embedded Jetty of {@link HttpTransport}: the same SDK
 * servlet behind the same filters in the same order (trusted proxies, the per-client limit, safe
 * error bodies, CORS, then {@link McpEndpointFilters}), and the RFC 9728 metadata servlet with OAuth.
 * Only the standard servlet API is used, so any container takes it.
 *
 * <p>The Host allowlist names the port, which a container that binds port 0 knows only once it
 * listens: until {@link #listening(int)} is called, every request is refused (503).
 */
public final class ServletEndpoint implements AutoCloseable {

  private final SdkEndpoint sdk;
  private final LateValidator validator;
  private final HttpOptions options;
  private final String path;

  private ServletEndpoint(SdkEndpoint sdk, LateValidator validator, HttpOptions options, String path) {
    this.sdk = sdk;
    this.validator = validator;
    this.options = options;
    this.path = path;
  }

  /**
   * Builds the SDK server on {@code servers} and adds the endpoint's servlet and filters to
   * {@code context} at {@code path} (e.g. {@code /mcp}). {@code options} are checked by the caller (the
   * container's bind address and TLS are the container's); {@code toolScopes} and {@code clientLimit}
   * (or null) are as for {@link HttpTransport#start}.
   */
  public static ServletEndpoint install(ServletContext context, String path, HttpOptions options, McpJsonMapper json,
      SdkServers servers, Map<String, List<String>> toolScopes, Filter clientLimit) {
    ResourceServer oauth = options.oauth();
    TokenVerifier verifier = oauth == null ? null : oauth.createVerifier();
    LateValidator validator = new LateValidator(options);
    SdkEndpoint sdk = SdkEndpoint.build(options, json, validator, servers, path);
    Registrar filters = new Registrar(context);
    List<String> metadataPaths = oauth == null ? List.of()
        : List.of(ProtectedResourceMetadataServlet.WELL_KNOWN, ProtectedResourceMetadataServlet.WELL_KNOWN + "/*");
    List<String> all = new ArrayList<>(metadataPaths);
    all.add(path);
    if (!options.trustedProxies().isEmpty()) {
      filters.add(new TrustedProxyFilter(new ClientAddressResolver(
          options.trustedProxies().stream().map(AddressRange::parse).toList())), all);
    }
    if (clientLimit != null) {
      filters.add(clientLimit, all);
    }
    filters.add(new SafeErrorFilter(json), all);
    if (!options.corsOrigins().isEmpty()) {
      filters.add(new CorsFilter(options.corsOrigins()), all);
    }
    List<String> scopesSupported = HttpTransport.scopesSupported(toolScopes, servers);
    McpEndpointFilters.install(filter -> filters.add(filter, List.of(path)), json, options.maxRequestBytes(), oauth,
        verifier, toolScopes, scopesSupported, sdk.sessions(), sdk.bound(), servers, validator);
    if (oauth != null) {
      ServletRegistration.Dynamic prm = context.addServlet("toolwarden-protected-resource-metadata",
          new ProtectedResourceMetadataServlet(oauth, scopesSupported, json, path));
      prm.setAsyncSupported(true);
      prm.addMapping(metadataPaths.toArray(String[]::new));
    }
    ServletRegistration.Dynamic servlet = context.addServlet("toolwarden-mcp", sdk.servlet());
    if (servlet == null) {
      throw new ToolwardenStartupException("the servlet container already has a servlet named toolwarden-mcp:"
          + " one Toolwarden endpoint per application");
    }
    servlet.setAsyncSupported(true);
    // a path another servlet of the application already maps is left to it by the container, silently: the MCP
    // endpoint would not be there (and the other servlet would get MCP clients' requests through our filters)
    if (!servlet.addMapping(path).isEmpty()) {
      throw new ToolwardenStartupException("toolwarden.http.path = '" + path + "' is already mapped to another"
          + " servlet of the application; choose a path of its own for the MCP endpoint, e.g. /mcp");
    }
    return new ServletEndpoint(sdk, validator, options, path);
  }

  /** The container listens on {@code port}: Host headers naming it are accepted from now on. */
  public void listening(int port) {
    validator.delegate = HttpTransport.securityValidator(options, port);
  }

  /** The endpoint path. */
  public String path() {
    return path;
  }

  /** Closes the SDK server and its sessions (open streams end). */
  @Override
  public void close() {
    sdk.closer().run();
  }

  /** Adds filters in call order, each asynchronous (the SDK servlet streams) and named uniquely. */
  private static final class Registrar {
    private final ServletContext context;
    private int count;

    Registrar(ServletContext context) {
      this.context = context;
    }

    void add(Filter filter, List<String> paths) {
      String name = "toolwarden-" + (++count) + "-" + filter.getClass().getSimpleName();
      FilterRegistration.Dynamic registration = context.addFilter(name, filter);
      registration.setAsyncSupported(true);
      // after the application's own filters: ours are the last before the SDK servlet, as on the embedded Jetty
      registration.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, paths.toArray(String[]::new));
    }
  }

  /** Origin and Host validation that starts once the port is known; 503 before. */
  private static final class LateValidator implements ServerHttpHeaderValidator {
    private final HttpOptions options;
    volatile ServerHttpHeaderValidator delegate;

    LateValidator(HttpOptions options) {
      this.options = options;
    }

    @Override
    public void validate(HeaderAccessor headers) throws ServerTransportSecurityException {
      ServerHttpHeaderValidator d = delegate;
      if (d == null) {
        throw new ServerTransportSecurityException(503, "Service Unavailable");
      }
      d.validate(headers);
    }

    @Override
    public String toString() {
      return "Origin/Host validation for " + options.allowedOrigins();
    }
  }
}
