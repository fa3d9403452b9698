package dev.toolwarden.runtime.auth;

import dev.toolwarden.runtime.internal.auth.IntrospectionVerifier;
import dev.toolwarden.runtime.internal.auth.JwtVerifier;

/**
 * Verifies an OAuth 2.1 access token presented to this server (the resource server). Every
 * implementation checks that the token is authentic (signature or introspection), unexpired,
 * issued by the configured authorization server and <b>issued for this server</b> (its audience
 * contains this server's resource URL, RFC 8707). Implementations are thread-safe and never log,
 * cache in clear or put into an exception message the token itself.
 *
 * <p>Two implementations come with the runtime: {@link JwtVerifier} (local JWS verification
 * with the authorization server's JWKS) and {@link IntrospectionVerifier} (RFC 7662).
 */
@FunctionalInterface
public interface TokenVerifier {

  /**
   * Verifies {@code token} (the credential of an {@code Authorization: Bearer} header).
   *
   * @return who the token speaks for and what it grants
   * @throws TokenRejectedException when the token must not be accepted; its reason decides the
   *     HTTP answer (401 {@code invalid_token}, or 503 when the authorization server cannot be reached)
   */
  VerifiedToken verify(String token) throws TokenRejectedException;
}
