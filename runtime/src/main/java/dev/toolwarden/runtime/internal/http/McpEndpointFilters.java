package dev.toolwarden.runtime.internal.http;

import dev.toolwarden.runtime.internal.auth.ResourceServerAccess;
import dev.toolwarden.runtime.auth.ResourceServer;
import dev.toolwarden.runtime.auth.TokenVerifier;
import dev.toolwarden.runtime.internal.auth.SessionBindings;
import dev.toolwarden.runtime.internal.feature.FeatureLists;
import dev.toolwarden.runtime.internal.jsonrpc.RequestGate;
import dev.toolwarden.runtime.internal.protocol2026.ModernServer;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.transport.ServerHttpHeaderValidator;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;

/**
 * The filters of the MCP endpoint, in the order a request meets them — the order is the design:
 *
 * <ol>
 *   <li>{@link EndpointMethodsFilter}: only {@code POST}, {@code GET} and {@code DELETE} go on ({@code TRACE} would echo
 *       the bearer token);
 *   <li>{@link LoopbackOnlyFilter} (without OAuth): a connection that did not arrive on a loopback interface is 403,
 *       whatever else the container listens on;
 *   <li>{@link UnreadBodyDrainFilter}: after a refusal from the headers, the small body still on its way is read, so
 *       the client's connection stays usable;
 *   <li>{@link Utf8OnlyFilter}: a charset other than UTF-8 is 415 before anything else runs;
 *   <li>{@link OAuthFilter} (with OAuth): headers only, so anonymous requests are never parsed;
 *   <li>{@link JsonRpcBodyFilter}: the body is read and parsed once, strictly; everything after
 *       judges that parse, and the SDK receives its canonical bytes;
 *   <li>{@link ToolScopeFilter} (with OAuth): the per-tool scope check; {@link FeatureScopeFilter} the same for
 *       resources, prompts and completions;
 *   <li>{@link ParamsCheckFilter}: params that do not fit their method; {@link RequestGateFilter} (without OAuth):
 *       a subscription to a resource whose scopes the fixed caller lacks;
 *   <li>{@link ModernEraFilter}: an MCP 2026-07-28 request is answered here, by the adapter, after every check
 *       above; any other goes on to the SDK;
 *   <li>{@link SessionGuardFilter} (with sessions, not in stateless mode): session ownership and lifetime, last, so that the only thing
 *       after it is the servlet (it replays {@code DELETE}s there to close sessions) and
 *   <li>{@link FeatureListFilter} (with OAuth and filtered lists): answers the resource, template and prompt lists
 *       with what the token may use; everything else goes on untouched.
 * </ol>
 */
final class McpEndpointFilters {

  private McpEndpointFilters() {}

  /** Adds the filters to {@code context} for {@code endpoint}. */
  static void install(ServletContextHandler context, String endpoint, McpJsonMapper json, int maxBodyBytes,
      ResourceServer oauth, TokenVerifier verifier, Map<String, List<String>> toolScopes,
      List<String> scopesSupported, SessionBindings sessions, BoundSessionsProvider provider, SdkServers servers,
      ServerHttpHeaderValidator origins) {
    install(filter -> add(context, endpoint, filter), json, maxBodyBytes, oauth, verifier, toolScopes, scopesSupported,
        sessions, provider, servers, origins);
  }

  /**
   * Hands the filters, in order, to {@code add} (any servlet container: see {@link ServletEndpoint}); {@code origins}
   * is the SDK transport's Origin/Host validator, which the modern-era filter applies to what it answers itself.
   */
  static void install(java.util.function.Consumer<Filter> add, McpJsonMapper json, int maxBodyBytes,
      ResourceServer oauth, TokenVerifier verifier, Map<String, List<String>> toolScopes,
      List<String> scopesSupported, SessionBindings sessions, BoundSessionsProvider provider, SdkServers servers,
      ServerHttpHeaderValidator origins) {
    OAuthRefusals refusals = oauth == null ? null
        : new OAuthRefusals(oauth.metadataUrl(), challengeScope(oauth, scopesSupported), ResourceServerAccess.events(oauth));
    add.accept(new EndpointMethodsFilter());
    if (oauth == null) {
      add.accept(new LoopbackOnlyFilter());
    }
    add.accept(new UnreadBodyDrainFilter(maxBodyBytes));
    add.accept(new Utf8OnlyFilter());
    if (oauth != null) {
      add.accept(new OAuthFilter(oauth, verifier, refusals));
    }
    add.accept(new JsonRpcBodyFilter(json, maxBodyBytes));
    if (oauth != null) {
      add.accept(new ToolScopeFilter(toolScopes, oauth.filterToolsList(), refusals));
      if (!servers.featureScopes().isEmpty()) {
        add.accept(new FeatureScopeFilter(servers.featureScopes(), oauth.filterToolsList(), refusals));
      }
    }
    add.accept(new ParamsCheckFilter(json));
    RequestGate gate = oauth == null ? servers.requestGate() : RequestGate.OPEN; // with OAuth: the token's scopes
    if (gate != RequestGate.OPEN) {
      add.accept(new RequestGateFilter(gate, json));
    }
    ModernServer modern = servers.modern();
    if (modern != null) { // before the session guard: a modern request carries no session
      add.accept(new ModernEraFilter(modern, origins, json));
    }
    if (sessions != null) { // stateless: no session to guard
      add.accept(new SessionGuardFilter(sessions, provider, refusals));
      // after the guard: only the session's owner cancels its calls
      add.accept(new LegacyCancelFilter(servers.cancellations()));
    }
    FeatureLists lists = servers.featureLists();
    if (oauth != null && oauth.filterToolsList() && lists != null && lists.hasAnnotated()) {
      // after the session guard: it answers the three list requests itself, for a checked session
      add.accept(new FeatureListFilter(lists, json));
    }
  }

  /** What a challenge asks for when it may not be narrower: the server-wide scopes, then all the others. */
  private static String challengeScope(ResourceServer oauth, List<String> scopesSupported) {
    List<String> challenge = new ArrayList<>(oauth.requiredScopes());
    for (String s : scopesSupported) {
      if (!challenge.contains(s)) {
        challenge.add(s);
      }
    }
    return String.join(" ", challenge);
  }

  private static void add(ServletContextHandler context, String endpoint, Filter filter) {
    FilterHolder holder = new FilterHolder(filter);
    holder.setAsyncSupported(true); // Jetty 12 ee10: every filter in front of an async servlet
    context.addFilter(holder, endpoint, EnumSet.of(DispatcherType.REQUEST));
  }
}
