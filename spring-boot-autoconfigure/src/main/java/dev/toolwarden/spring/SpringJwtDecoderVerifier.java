package dev.toolwarden.spring;

import dev.toolwarden.runtime.auth.TokenRejectedException;
import dev.toolwarden.runtime.auth.TokenRejectedException.Reason;
import dev.toolwarden.runtime.auth.TokenVerifier;
import dev.toolwarden.runtime.auth.VerifiedToken;
import dev.toolwarden.runtime.internal.auth.ScopeClaims;
import java.net.URL;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Verifies tokens with the application's Spring Security {@link JwtDecoder} (signature, and whatever validators the
 * application gave it), then checks what Toolwarden requires of every token whatever those validators are: the
 * audience contains this server's resource URL (RFC 8707), the issuer is the configured one, and an {@code exp} that has
 * not passed (within the clock skew). A decoder failure becomes a {@link TokenRejectedException} whose reason and
 * detail are fixed words: Spring's exception messages can quote claims of the token, so none of their text is kept.
 */
final class SpringJwtDecoderVerifier implements TokenVerifier {

  private final JwtDecoder decoder;
  private final String issuer;
  private final String resource;
  private final Duration clockSkew;
  private final Clock clock;

  SpringJwtDecoderVerifier(JwtDecoder decoder, String issuer, String resource, Duration clockSkew, Clock clock) {
    this.decoder = Objects.requireNonNull(decoder, "decoder");
    this.issuer = Objects.requireNonNull(issuer, "issuer");
    this.resource = Objects.requireNonNull(resource, "resource");
    this.clockSkew = Objects.requireNonNull(clockSkew, "clockSkew");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public VerifiedToken verify(String token) throws TokenRejectedException {
    Jwt jwt = decode(token);
    List<String> audience = jwt.getAudience() == null ? List.of() : jwt.getAudience();
    if (!audience.contains(resource)) {
      throw new TokenRejectedException(Reason.WRONG_AUDIENCE, "checked after the application's JwtDecoder");
    }
    if (!issuer.equals(text(jwt.getClaims().get("iss")))) {
      throw new TokenRejectedException(Reason.WRONG_ISSUER, "checked after the application's JwtDecoder");
    }
    Instant expiresAt = jwt.getExpiresAt();
    if (expiresAt == null) {
      throw new TokenRejectedException(Reason.MALFORMED, "no exp claim");
    }
    if (clock.instant().isAfter(expiresAt.plus(clockSkew))) {
      throw new TokenRejectedException(Reason.EXPIRED, "checked after the application's JwtDecoder");
    }
    String clientId = jwt.getClaimAsString("client_id");
    if (clientId == null) {
      clientId = jwt.getClaimAsString("azp");
    }
    String subject = jwt.getSubject() != null ? jwt.getSubject() : clientId;
    if (subject == null || subject.isEmpty()) {
      throw new TokenRejectedException(Reason.MALFORMED, "neither sub nor client_id nor azp");
    }
    Set<String> scopes = ScopeClaims.read(jwt.getClaims().get("scope"), jwt.getClaims().get("scp"));
    return new VerifiedToken(subject, issuer, clientId, scopes, audience, expiresAt);
  }

  private Jwt decode(String token) throws TokenRejectedException {
    try {
      Jwt jwt = decoder.decode(token);
      if (jwt == null) {
        throw new TokenRejectedException(Reason.MALFORMED, "the application's JwtDecoder returned nothing");
      }
      return jwt;
    } catch (JwtValidationException e) {
      throw new TokenRejectedException(validationReason(e), "a validator of the application's JwtDecoder refused it");
    } catch (BadJwtException e) {
      // Nimbus' "Signed JWT rejected: ..." is a signature or key failure; anything else the token's form
      String m = e.getMessage();
      throw new TokenRejectedException(m != null && m.contains("Signed JWT rejected") ? Reason.BAD_SIGNATURE
          : Reason.MALFORMED, "the application's JwtDecoder refused it");
    } catch (JwtException e) {
      // not the token's fault: the decoder could not work (its JWKS unreachable, ...)
      throw new TokenRejectedException(Reason.UNAVAILABLE, "the application's JwtDecoder failed");
    } catch (RuntimeException e) {
      throw new TokenRejectedException(Reason.UNAVAILABLE, "the application's JwtDecoder failed: "
          + e.getClass().getName());
    }
  }

  /** Which of Spring's standard validators refused, read from its error descriptions (never passed on). */
  private static Reason validationReason(JwtValidationException e) {
    for (OAuth2Error error : e.getErrors()) {
      String d = error.getDescription() == null ? "" : error.getDescription();
      if (d.startsWith("Jwt expired")) {
        return Reason.EXPIRED;
      }
      if (d.startsWith("Jwt used before")) {
        return Reason.NOT_YET_VALID;
      }
      if (d.contains("iss claim")) {
        return Reason.WRONG_ISSUER;
      }
      if (d.contains("aud claim")) {
        return Reason.WRONG_AUDIENCE;
      }
    }
    return Reason.MALFORMED;
  }

  private static String text(Object claim) {
    if (claim instanceof URL url) {
      return url.toExternalForm();
    }
    return claim == null ? null : claim.toString();
  }
}
