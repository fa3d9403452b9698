package dev.toolwarden.runtime.auth;

import java.util.Objects;

/**
 * A token that must not be accepted, and why. The message is safe to log and to show a client:
 * it never contains the token or anything read from it.
 */
public final class TokenRejectedException extends Exception {

  private static final long serialVersionUID = 1L;

  /** Why a token was rejected. */
  public enum Reason {
    /** Not a well-formed token (not a JWS, undecodable, a required claim missing). */
    MALFORMED("The access token is malformed"),
    /** {@code alg: none}, an encrypted token, or an algorithm outside the allowlist (HMAC, …). */
    DISALLOWED_ALGORITHM("The access token is not signed with an accepted algorithm"),
    /** No key of the authorization server matches the token's header ({@code kid}). */
    UNKNOWN_KEY("The access token is signed with an unknown key"),
    /** The signature does not verify. */
    BAD_SIGNATURE("The access token signature is invalid"),
    /** Past {@code exp} (plus the allowed clock skew). */
    EXPIRED("The access token expired"),
    /** Before {@code nbf} or issued in the future (beyond the allowed clock skew). */
    NOT_YET_VALID("The access token is not valid yet"),
    /** {@code iss} is not exactly the configured issuer. */
    WRONG_ISSUER("The access token was issued by another authorization server"),
    /** {@code aud} does not contain this server's resource URL. */
    WRONG_AUDIENCE("The access token was not issued for this resource"),
    /** Introspection says {@code active: false} (revoked, expired, unknown). */
    INACTIVE("The access token is not active"),
    /** The authorization server (JWKS, metadata, introspection) cannot be reached or answered badly. */
    UNAVAILABLE("The authorization server is unavailable");

    private final String description;

    Reason(String description) {
      this.description = description;
    }

    /** A description safe for a client ({@code error_description}) and for logs. */
    public String description() {
      return description;
    }
  }

  private final Reason reason;

  /** A token refused for {@code reason}. */
  public TokenRejectedException(Reason reason) {
    this(reason, null);
  }

  /**
   * @param detail an extra detail for the server log (never the token or a claim value the
   *     client controls)
   */
  public TokenRejectedException(Reason reason, String detail) {
    super(detail == null ? reason.description() : reason.description() + " (" + detail + ")", null, false, false);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** Why the token was refused. */
  public Reason reason() {
    return reason;
  }
}
