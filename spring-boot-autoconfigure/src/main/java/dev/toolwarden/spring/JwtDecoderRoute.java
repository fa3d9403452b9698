package dev.toolwarden.spring;

import dev.toolwarden.runtime.auth.ResourceServer;
import dev.toolwarden.runtime.auth.TokenVerifier;
import java.util.Optional;
import java.util.function.Function;

/**
 * The way to the application's Spring Security {@code JwtDecoder}, defined only when Spring Security's JOSE support is
 * on the class path. It names no Spring Security type, so {@link ToolwardenServer} can ask for it in an application
 * without it; the verifier ({@link SpringJwtDecoderVerifier}) is made only when {@code toolwarden.oauth.jwt-decoder=spring}
 * asks for it.
 */
final class JwtDecoderRoute {

  private final Function<ResourceServer, TokenVerifier> verifiers;

  /** @param verifiers the verifier over the application's decoder for a resource server, or null when it has none */
  JwtDecoderRoute(Function<ResourceServer, TokenVerifier> verifiers) {
    this.verifiers = verifiers;
  }

  /** The verifier for {@code oauth} over the application's unique {@code JwtDecoder} bean; empty without one. */
  Optional<TokenVerifier> verifierFor(ResourceServer oauth) {
    return Optional.ofNullable(verifiers.apply(oauth));
  }
}
