package dev.toolwarden.runtime.auth;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a verified access token says. Never holds the token itself: nothing downstream of the
 * verifier (the call pipeline, tool code, audit) can pass it on.
 *
 * @param subject the principal: the {@code sub} claim, else {@code client_id}/{@code azp}
 * @param issuer the authorization server that issued it
 * @param clientId the OAuth client it was issued to, or {@code null} when the token does not say
 * @param scopes the granted scopes ({@code scope} space-delimited, or {@code scp})
 * @param audience the audiences the token was issued for (always includes this server)
 * @param expiresAt when it expires, or {@code null} when an introspection answer did not say
 */
public record VerifiedToken(
    String subject, String issuer, String clientId, Set<String> scopes, List<String> audience, Instant expiresAt) {

  public VerifiedToken {
    Objects.requireNonNull(subject, "subject");
    scopes = Set.copyOf(scopes);
    audience = List.copyOf(audience);
  }

  /** Whether every one of {@code required} was granted. */
  public boolean grants(java.util.Collection<String> required) {
    return scopes.containsAll(required);
  }

  /** The key a session is bound to: issuer and subject together. */
  public String principalKey() {
    return (issuer == null ? "" : issuer) + "\u0000" + subject;
  }
}
