package dev.toolwarden.runtime.internal.http;

import dev.toolwarden.runtime.auth.VerifiedToken;
import dev.toolwarden.runtime.internal.auth.AuthEvents;
import dev.toolwarden.runtime.internal.auth.AuthFailure;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the OAuth filters' {@link Refusal}s: adds the RFC 6750 {@code WWW-Authenticate: Bearer}
 * challenge (with the RFC 9728 {@code resource_metadata} URL) to 400, 401 and 403 answers, and
 * reports each refusal to {@link AuthEvents} — with the subject when the token was valid, never
 * with the token.
 */
final class OAuthRefusals {

  private static final Logger LOG = LoggerFactory.getLogger(OAuthRefusals.class);

  private final String metadataUrl;
  private final String defaultScope;
  private final AuthEvents events;

  /**
   * @param metadataUrl the protected resource metadata URL every challenge points to
   * @param defaultScope the challenge's scope when a refusal names none: the server's public
   *     scope list (required scopes, then {@code scopes_supported})
   * @param events where refusals are reported
   */
  OAuthRefusals(String metadataUrl, String defaultScope, AuthEvents events) {
    this.metadataUrl = metadataUrl;
    this.defaultScope = defaultScope;
    this.events = events;
  }

  /** The scope a challenge carries when no narrower one may be named. */
  String defaultScope() {
    return defaultScope;
  }

  /** {@code Bearer resource_metadata="…", scope="…"[, error="…", error_description="…"]}. */
  String challenge(String error, String description, String scope) {
    StringBuilder b = new StringBuilder("Bearer resource_metadata=\"").append(quote(metadataUrl)).append('"');
    String s = scope != null ? scope : defaultScope;
    if (!s.isEmpty()) {
      b.append(", scope=\"").append(quote(s)).append('"');
    }
    if (error != null) {
      b.append(", error=\"").append(error).append('"');
      if (description != null) {
        b.append(", error_description=\"").append(quote(description)).append('"');
      }
    }
    return b.toString();
  }

  /** 403 {@code insufficient_scope}, asking the client to step up to {@code scope}. */
  Refusal insufficientScope(String description, String scope) {
    return Refusal.auth(403, description, AuthFailure.Kind.INSUFFICIENT_SCOPE)
        .withChallenge(challenge("insufficient_scope", description, scope));
  }

  /** Reports {@code refusal} (made while serving a token that verified as {@code verified}, or null) and writes it. */
  void send(HttpServletRequest request, HttpServletResponse response, Refusal refusal, VerifiedToken verified)
      throws IOException {
    if (refusal.cause() != null) {
      try {
        events.failure(new AuthFailure(Instant.now(), refusal.cause(), refusal.status(), refusal.message(),
            verified == null ? null : verified.subject(), verified == null ? null : verified.clientId(),
            request.getRemoteAddr(), request.getMethod(), refusal.tool(), refusal.requiredScopes()));
      } catch (RuntimeException e) {
        LOG.warn("the auth event sink failed: {}", e.getClass().getName());
      }
    }
    int status = refusal.status();
    Refusal out = refusal.challenge() == null && (status == 400 || status == 401 || status == 403)
        ? refusal.withChallenge(challenge(null, null, null)) : refusal;
    out.writeTo(response);
  }

  /** RFC 6750 values are quoted-strings of %x20-21 / %x23-5B / %x5D-7E: anything else is dropped. */
  private static String quote(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      if (c >= 0x20 && c <= 0x7e && c != '"' && c != '\\') {
        b.append(c);
      }
    }
    return b.toString();
  }
}
