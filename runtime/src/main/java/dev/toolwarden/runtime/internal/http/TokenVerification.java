package dev.toolwarden.runtime.internal.http;

import dev.toolwarden.runtime.auth.TokenRejectedException;
import dev.toolwarden.runtime.auth.TokenVerifier;
import dev.toolwarden.runtime.auth.VerifiedToken;
import dev.toolwarden.runtime.internal.auth.AuthFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies an extracted token: a rejected token is 401 {@code invalid_token}; an authorization
 * server that cannot be reached (or a verifier that fails) is 503, so a client retries later
 * instead of throwing its token away.
 */
final class TokenVerification {

  private static final Logger LOG = LoggerFactory.getLogger(TokenVerification.class);

  private final TokenVerifier verifier;
  private final OAuthRefusals refusals;

  TokenVerification(TokenVerifier verifier, OAuthRefusals refusals) {
    this.verifier = verifier;
    this.refusals = refusals;
  }

  /** The verified token, or the refusal to answer. */
  VerifiedToken verify(String token) throws RefusedException {
    try {
      return verifier.verify(token);
    } catch (TokenRejectedException e) {
      String description = e.reason().description();
      if (e.reason() == TokenRejectedException.Reason.UNAVAILABLE) {
        LOG.warn("cannot verify an access token: {}", e.getMessage());
        throw new RefusedException(Refusal.auth(503, description, AuthFailure.Kind.VERIFIER_UNAVAILABLE));
      }
      LOG.debug("access token rejected: {}", e.getMessage());
      throw new RefusedException(Refusal.auth(401, description, AuthFailure.Kind.INVALID_TOKEN)
          .withChallenge(refusals.challenge("invalid_token", description, null)));
    } catch (RuntimeException e) {
      LOG.warn("the token verifier failed: {}", e.getClass().getName());
      throw new RefusedException(Refusal.auth(503, TokenRejectedException.Reason.UNAVAILABLE.description(),
          AuthFailure.Kind.VERIFIER_UNAVAILABLE));
    }
  }
}
