package dev.toolwarden.runtime.internal.config;

import dev.toolwarden.runtime.ToolwardenStartupException;
import dev.toolwarden.runtime.auth.ResourceServer;
import java.util.Optional;

/** Reads a {@link ResourceServer} from the {@code oauth.*} settings. */
public final class ResourceServerConfig {

  private ResourceServerConfig() {}

  /**
   * The resource server the {@code oauth.*} settings describe, or empty when {@code oauth.issuer} is not set.
   *
   * @throws ToolwardenStartupException naming the key when a value is missing, malformed or unusable
   */
  public static Optional<ResourceServer> read(Config config) {
    Optional<String> issuer = config.text(Setting.OAUTH_ISSUER);
    if (issuer.isEmpty()) {
      return Optional.empty();
    }
    String resource = config.text(Setting.OAUTH_RESOURCE).orElseThrow(() -> Config.missing(Setting.OAUTH_RESOURCE,
        Setting.OAUTH_ISSUER.environmentName() + " is set, so set this to the server's public MCP URL,"
            + " e.g. https://mcp.example.com/mcp"));
    ResourceServer rs = "introspection".equals(config.choice(Setting.OAUTH_MODE).orElse("jwt"))
        ? ResourceServer.introspection(issuer.get(), resource)
        : ResourceServer.jwt(issuer.get(), resource);
    rs = config.apply(rs, Setting.OAUTH_JWKS_URI, config::url, ResourceServer::jwksUri);
    rs = config.apply(rs, Setting.OAUTH_INTROSPECTION_ENDPOINT, config::url, ResourceServer::introspectionEndpoint);
    rs = config.apply(rs, Setting.OAUTH_AUTHORIZATION_SERVERS, config::list,
        (r, servers) -> r.authorizationServers(servers.toArray(String[]::new)));
    rs = config.apply(rs, Setting.OAUTH_CLOCK_SKEW, config::duration, ResourceServer::clockSkew);
    rs = config.apply(rs, Setting.OAUTH_INTROSPECTION_CACHE, config::duration, ResourceServer::introspectionCacheTtl);
    rs = config.apply(rs, Setting.OAUTH_TOKEN_CACHE, config::duration, ResourceServer::tokenCacheTtl);
    rs = config.apply(rs, Setting.OAUTH_SESSION_IDLE, config::duration, ResourceServer::sessionIdleTimeout);
    rs = config.apply(rs, Setting.OAUTH_SESSION_MAX, config::duration, ResourceServer::sessionMaxLifetime);
    rs = config.apply(rs, Setting.OAUTH_REQUIRED_SCOPES, config::list,
        (r, scopes) -> r.requiredScopes(scopes.toArray(String[]::new)));
    rs = config.apply(rs, Setting.OAUTH_FILTER_TOOLS, config::flag, ResourceServer::filterToolsList);
    return Optional.of(rs);
  }
}
