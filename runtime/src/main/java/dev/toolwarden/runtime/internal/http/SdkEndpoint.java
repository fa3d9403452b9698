package dev.toolwarden.runtime.internal.http;

import dev.toolwarden.runtime.RunningServer;
import dev.toolwarden.runtime.auth.ResourceServer;
import dev.toolwarden.runtime.http.HttpOptions;
import dev.toolwarden.runtime.internal.auth.OAuthCallers;
import dev.toolwarden.runtime.internal.auth.SessionBindings;
import dev.toolwarden.runtime.internal.telemetry.TransportMetadata;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpStatelessSyncServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.DefaultServerTransportSecurityValidator;
import io.modelcontextprotocol.server.transport.HttpServletStatelessServerTransport;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.server.transport.ServerHttpHeaderValidator;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * The SDK's side of the MCP endpoint — its servlet and the server built on it — in one of two
 * modes: with sessions (every session bound to a principal, {@link SessionBindings}), or stateless
 * (the SDK's stateless transport: no session, no server-to-client stream, every request alone).
 *
 * @param servlet the SDK transport, mounted at the endpoint
 * @param sessions the session bindings, or null when stateless
 * @param bound the session-binding provider, or null when stateless
 * @param mcp the stateful server (resource notifications), or null when stateless
 * @param closer closes the SDK server gracefully
 */
record SdkEndpoint(HttpServlet servlet, SessionBindings sessions, BoundSessionsProvider bound, McpSyncServer mcp,
    Runnable closer) {

  /** How much longer than the original body its canonical form can be, at most. */
  private static final long CANONICAL_GROWTH = 8;

  /** Builds the endpoint the options ask for; {@code validator} checks Origin and Host. */
  static SdkEndpoint build(HttpOptions options, McpJsonMapper json, DefaultServerTransportSecurityValidator validator,
      SdkServers servers) {
    return build(options, json, validator, servers, HttpTransport.ENDPOINT);
  }

  /** Builds the endpoint the options ask for at {@code endpoint}; {@code validator} checks Origin and Host. */
  static SdkEndpoint build(HttpOptions options, McpJsonMapper json, ServerHttpHeaderValidator validator,
      SdkServers servers, String endpoint) {
    // the size limit is enforced on what the client sent (JsonRpcBodyFilter); the SDK reads the
    // canonical form, which escaping (é -> \u00E9) and number forms (1e5 -> 100000.0) can make up
    // to a few times longer
    int sdkMax = (int) Math.min(Integer.MAX_VALUE, CANONICAL_GROWTH * options.maxRequestBytes());
    if (options.isStateless()) {
      HttpServletStatelessServerTransport transport = HttpServletStatelessServerTransport.builder()
          .jsonMapper(JudgedBodyMapper.wrap(json))
          .messageEndpoint(endpoint)
          .httpHeaderValidator(validator)
          .maxRequestSize(sdkMax)
          .contextExtractor(SdkEndpoint::callerContext)
          .build();
      McpStatelessSyncServer server = servers.stateless(transport);
      return new SdkEndpoint(transport, null, null, null, server::closeGracefully);
    }
    ResourceServer oauth = options.oauth();
    // every session, with or without OAuth, is bound to a principal and ends (SessionBindings);
    // the SDK's own sweeper also drops sessions idle for a whole interval, as a second line
    Duration idle = oauth == null ? ResourceServer.DEFAULT_SESSION_IDLE : oauth.sessionIdleTimeout();
    Duration max = oauth == null ? ResourceServer.DEFAULT_SESSION_MAX : oauth.sessionMaxLifetime();
    SessionBindings sessions = new SessionBindings(idle, max, SessionBindings.DEFAULT_PER_PRINCIPAL,
        SessionBindings.DEFAULT_TOTAL, Clock.systemUTC());
    if (oauth == null) {
      // every caller the server cannot tell apart is the one local principal: its bound is the server's total; users
      // a container's own security authenticated (SessionGuardFilter) keep the per-principal bound
      sessions.sharedPrincipal(SessionGuardFilter.LOCAL_PRINCIPAL);
    }
    HttpServletStreamableServerTransportProvider transport = HttpServletStreamableServerTransportProvider.builder()
        .jsonMapper(JudgedBodyMapper.wrap(json))
        .mcpEndpoint(endpoint)
        .httpHeaderValidator(validator)
        .maxRequestSize(sdkMax)
        .contextExtractor(SdkEndpoint::callerContext)
        .sessionSweepInterval(idle)
        .build();
    BoundSessionsProvider bound = new BoundSessionsProvider(transport, sessions);
    McpSyncServer mcp = servers.streamable(bound);
    SessionExpiry expiry = new SessionExpiry(bound, idle, max);
    return new SdkEndpoint(transport, sessions, bound, mcp, () -> {
      expiry.close();
      mcp.closeGracefully();
    });
  }

  /** Whether requests carry sessions. */
  boolean stateful() {
    return sessions != null;
  }

  /** See {@link RunningServer#notifyResourceUpdated}. */
  void notifyResourceUpdated(String uri) {
    if (mcp == null) {
      throw new IllegalStateException("a stateless server has no subscriptions to notify");
    }
    var resources = mcp.getServerCapabilities().resources();
    if (resources == null || !Boolean.TRUE.equals(resources.subscribe())) {
      throw new IllegalStateException("resource subscriptions are off: build the server with resourceSubscriptions(true)");
    }
    mcp.notifyResourcesUpdated(new io.modelcontextprotocol.spec.McpSchema.ResourcesUpdatedNotification(uri));
  }

  /** Puts the caller the OAuth filter verified (principal and scopes, never the token) into the SDK's context. */
  static McpTransportContext callerContext(HttpServletRequest request) {
    Map<String, Object> values = new java.util.HashMap<>(4);
    Object caller = request.getAttribute(OAuthCallers.CONTEXT_KEY);
    if (caller != null) {
      values.put(OAuthCallers.CONTEXT_KEY, caller);
    }
    // trace headers, protocol version and request id for telemetry (plain strings: no OpenTelemetry here)
    TransportMetadata.capture(request::getHeader, SafeErrors.requestId(request), values);
    return McpTransportContext.create(values);
  }
}
