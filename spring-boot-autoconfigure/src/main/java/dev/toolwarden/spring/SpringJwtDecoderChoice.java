package dev.toolwarden.spring;

import dev.toolwarden.runtime.ToolwardenStartupException;
import dev.toolwarden.runtime.auth.ResourceServer;
import dev.toolwarden.runtime.auth.TokenVerifier;
import dev.toolwarden.runtime.http.HttpOptions;
import dev.toolwarden.runtime.internal.auth.ResourceServerAccess;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;

/**
 * {@code toolwarden.oauth.jwt-decoder}: {@code toolwarden} (default) keeps the resource server the {@code toolwarden.oauth.*}
 * settings describe; {@code spring} keeps it too (issuer and resource for the RFC 9728 metadata, sessions, scopes,
 * tools/list filtering) but verifies tokens with the application's {@code JwtDecoder} bean. Asking for it without that
 * bean, or without the settings, or with {@code toolwarden.oauth.mode=introspection} (which it would silently replace),
 * fails the start naming the fix.
 */
final class SpringJwtDecoderChoice {

  private static final String KEY = StarterSetting.OAUTH_JWT_DECODER.property();
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SpringJwtDecoderChoice.class);

  private SpringJwtDecoderChoice() {}

  static HttpOptions apply(Environment environment, HttpOptions options, ObjectProvider<JwtDecoderRoute> routes) {
    String choice = EnvironmentConfig.text(environment, StarterSetting.OAUTH_JWT_DECODER).orElse("toolwarden");
    if ("toolwarden".equalsIgnoreCase(choice)) {
      return options;
    }
    if (!"spring".equalsIgnoreCase(choice)) {
      throw new ToolwardenStartupException("invalid " + KEY + " = '" + choice + "': accepted: toolwarden (Toolwarden's"
          + " own verifier, the default) or spring (the application's Spring Security JwtDecoder bean)");
    }
    ResourceServer oauth = options.oauth();
    if (oauth == null) {
      throw new ToolwardenStartupException(KEY + "=spring needs toolwarden.oauth.issuer and toolwarden.oauth.resource"
          + " too: the protected resource metadata (RFC 9728) names them, and every token's aud must contain the resource");
    }
    if (oauth.mode() == ResourceServer.Mode.INTROSPECTION) {
      // the decoder would replace introspection: revoked tokens would be accepted until they expire, silently
      throw new ToolwardenStartupException(KEY + "=spring verifies tokens locally with the application's JwtDecoder,"
          + " but toolwarden.oauth.mode=introspection asks the authorization server about every token (and so sees"
          + " revocations): remove one of the two");
    }
    JwtDecoderRoute route = routes.getIfAvailable();
    if (route == null) {
      throw new ToolwardenStartupException(KEY + "=spring, but Spring Security's JwtDecoder is not on the class path:"
          + " add spring-boot-starter-oauth2-resource-server, or remove " + KEY + " to verify tokens with Toolwarden's own"
          + " verifier");
    }
    TokenVerifier verifier = route.verifierFor(oauth).orElseThrow(() -> new ToolwardenStartupException(KEY + "=spring,"
        + " but the application has no (single) JwtDecoder bean: set spring.security.oauth2.resourceserver.jwt.issuer-uri"
        + " or .jwk-set-uri (spring-boot-starter-oauth2-resource-server then defines one), or define a JwtDecoder bean,"
        + " or remove " + KEY + " to verify tokens with Toolwarden's own verifier"));
    LOG.info("OAuth: tokens verified by the application's Spring Security JwtDecoder ({}=spring); audience, issuer"
        + " and expiry checked by Toolwarden too", KEY);
    return options.oauth(ResourceServerAccess.withVerifier(oauth, verifier));
  }
}
