package dev.toolwarden.runtime.internal.auth;

import dev.toolwarden.runtime.auth.TokenRejectedException;

import java.time.Instant;
import java.util.List;

/**
 * One refused request, for the audit trail. Never carries the token, nor anything the client
 * sent verbatim other than the tool name.
 *
 * @param at when
 * @param kind what kind of failure
 * @param status the HTTP status answered
 * @param reason a safe description (a {@link TokenRejectedException.Reason} description or similar)
 * @param subject the token's subject when the token was valid (insufficient scope, session refusals), else {@code null}
 * @param clientId the token's client when known, else {@code null}
 * @param remoteAddress the peer address
 * @param httpMethod GET, POST or DELETE
 * @param tool the tool called, for insufficient scope; else {@code null}
 * @param requiredScopes the scopes the request needed, for insufficient scope; else empty
 */
public record AuthFailure(Instant at, Kind kind, int status, String reason, String subject, String clientId,
    String remoteAddress, String httpMethod, String tool, List<String> requiredScopes) {

  /** Kinds of failure. */
  public enum Kind {
    /** No {@code Authorization: Bearer} credential. */
    MISSING_TOKEN,
    /** The token was rejected by the verifier (the reason says why). */
    INVALID_TOKEN,
    /** A token in the query string, or several Authorization headers. */
    INVALID_REQUEST,
    /** A valid token without the scopes the tool (or the server) requires. */
    INSUFFICIENT_SCOPE,
    /** A session id bound to another principal. */
    SESSION_OF_ANOTHER_PRINCIPAL,
    /** A session past its idle or absolute lifetime, or one this server never issued to this principal. */
    SESSION_EXPIRED,
    /** The authorization server could not be reached to verify the token. */
    VERIFIER_UNAVAILABLE
  }

  public AuthFailure {
    requiredScopes = requiredScopes == null ? List.of() : List.copyOf(requiredScopes);
  }
}
