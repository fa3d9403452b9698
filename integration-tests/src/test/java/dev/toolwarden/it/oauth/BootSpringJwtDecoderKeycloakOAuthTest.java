package dev.toolwarden.it.oauth;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwarden.it.boot.BootJars;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * {@link KeycloakOAuthTest}'s whole battery, same assertions, against the Boot example built as a Spring Security OAuth 2
 * resource server (src/it/spring-boot-example, profile resource-server: spring-boot-starter-security-oauth2-resource-server,
 * its {@code JwtDecoder} from {@code spring.security.oauth2.resourceserver.jwt.issuer-uri}, the test Keycloak's realm)
 * with {@code toolwarden.oauth.jwt-decoder=spring}: the battery's JWT server verifies Keycloak's tokens with the
 * application's decoder, and answers exactly as the standalone server does — Spring Security's own filter chain, which
 * guards every other path of the application, leaves the MCP endpoint and its metadata to Toolwarden. The battery's
 * introspection server runs in the same Spring Security application with Toolwarden's introspection: a
 * {@code JwtDecoder} cannot see revocations, and the starter refuses {@code jwt-decoder=spring} with
 * {@code oauth.mode=introspection}.
 */
class BootSpringJwtDecoderKeycloakOAuthTest extends KeycloakOAuthTest {

  static {
    register(BootSpringJwtDecoderKeycloakOAuthTest.class, BootKeycloakOAuthTest.bootApplication(
        BootJars::exampleResourceServer, env -> {
          List<String> args = new ArrayList<>(List.of(
              "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + env.get("TOOLWARDEN_OAUTH_ISSUER")));
          if (!"introspection".equals(env.get("TOOLWARDEN_OAUTH_MODE"))) {
            args.add("--toolwarden.oauth.jwt-decoder=spring");
          }
          return args;
        }));
  }

  @Test
  @Order(0)
  void theJwtServerVerifiesTokensWithTheApplicationsJwtDecoderBehindSpringSecurity() {
    assertTrue(jwtServerLog().contains(SPRING_DECODER_LOG_LINE), "the starter says which verifier it uses:\n"
        + jwtServerLog());
    // Spring Security's filter chain is there (Boot's resource-server chain): the starter had it leave the endpoint
    assertTrue(jwtServerLog().contains("Spring Security leaves [/mcp, /.well-known/oauth-protected-resource"),
        jwtServerLog());
  }

  /** What the starter logs when it verifies tokens with the application's JwtDecoder. */
  private static final String SPRING_DECODER_LOG_LINE = "tokens verified by the application's Spring Security JwtDecoder";
}
