package dev.toolwarden.spring;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.config.annotation.web.builders.WebSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * When Toolwarden is the resource server of the MCP endpoint ({@code toolwarden.oauth.*}), Spring Security's filter
 * chains leave the endpoint and its RFC 9728 metadata to it. Otherwise the application's chain (Boot's default, or the
 * resource-server chain of {@code spring-boot-starter-oauth2-resource-server}) would answer those paths itself: its own
 * 401 without {@code resource_metadata} or the scopes to ask for, its own {@code invalid_token} text for a bad token, a
 * 401 for the metadata clients need before they have a token, a CSRF refusal of a token-less POST — not the standalone
 * server's answers. Toolwarden guards these paths with the standalone server's filters (bearer token, audience, scopes,
 * Origin, sessions), so nothing is left unguarded.
 *
 * <p>Ignoring, not a {@code SecurityFilterChain} bean: a chain bean of ours would make Boot's default chain (and its
 * resource-server chain) back off, leaving the application's other paths open. Spring Security logs a warning for
 * every ignored path; that is expected. Without Toolwarden's OAuth nothing changes: the application's security guards
 * the endpoint like any other path.
 */
final class ToolwardenPathsIgnoredBySpringSecurity implements WebSecurityCustomizer {

  /** RFC 9728's well-known prefix, where the runtime serves the protected resource metadata. */
  private static final String METADATA = "/.well-known/oauth-protected-resource";
  private static final Logger LOG = LoggerFactory.getLogger(ToolwardenPathsIgnoredBySpringSecurity.class);

  private final ToolwardenServer server;
  private final String path;

  ToolwardenPathsIgnoredBySpringSecurity(ToolwardenServer server, String path) {
    this.server = server;
    this.path = path;
  }

  @Override
  public void customize(WebSecurity web) {
    if (server.httpOptions().oauth() == null) {
      return;
    }
    List<String> paths = List.of(path, METADATA, METADATA + "/**");
    LOG.info("Spring Security leaves {} to Toolwarden, the OAuth resource server of the MCP endpoint (its warnings"
        + " about ignoring them are expected)", paths);
    web.ignoring().requestMatchers(paths.stream().map(PathPatternRequestMatcher::pathPattern)
        .toArray(RequestMatcher[]::new));
  }
}
