package dev.toolwarden.runtime.internal.http;

import dev.toolwarden.runtime.auth.TokenRejectedException;
import dev.toolwarden.runtime.internal.auth.AuthFailure;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Takes the access token out of a request, from the one place RFC 6750 and the MCP authorization
 * spec allow: a single {@code Authorization: Bearer} header. A token in the query string is
 * refused outright (it ends up in logs and browser history); a form body is never read for one.
 */
final class BearerTokens {

  private static final Pattern B64TOKEN = Pattern.compile("[A-Za-z0-9\\-._~+/]+=*");

  private final OAuthRefusals refusals;

  BearerTokens(OAuthRefusals refusals) {
    this.refusals = refusals;
  }

  /** The token of {@code request}, syntactically a {@code b64token}; never verified here. */
  String extract(HttpServletRequest request) throws RefusedException {
    if (queryHasAccessToken(request.getQueryString())) {
      throw invalidRequest("Access tokens are accepted only in the Authorization header");
    }
    List<String> authorization = Collections.list(request.getHeaders("Authorization"));
    if (authorization.size() > 1) {
      throw invalidRequest("Send exactly one Authorization header");
    }
    String header = authorization.isEmpty() ? null : authorization.get(0);
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      // RFC 6750 §3.1: no error code when the request carries no bearer credential at all
      throw new RefusedException(Refusal.auth(401, header == null ? "No access token" : "Not a Bearer credential",
          AuthFailure.Kind.MISSING_TOKEN).withChallenge(refusals.challenge(null, null, null)));
    }
    String token = header.substring(7).trim();
    if (token.isEmpty() || !B64TOKEN.matcher(token).matches()) {
      String description = TokenRejectedException.Reason.MALFORMED.description();
      throw new RefusedException(Refusal.auth(401, description, AuthFailure.Kind.INVALID_TOKEN)
          .withChallenge(refusals.challenge("invalid_token", description, null)));
    }
    return token;
  }

  private RefusedException invalidRequest(String description) {
    return new RefusedException(Refusal.auth(400, description, AuthFailure.Kind.INVALID_REQUEST)
        .withChallenge(refusals.challenge("invalid_request", description, null)));
  }

  static boolean queryHasAccessToken(String query) {
    if (query == null || query.isEmpty()) {
      return false;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String name;
      try {
        name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        name = eq < 0 ? pair : pair.substring(0, eq); // a broken escape: judge the raw name
      }
      if ("access_token".equalsIgnoreCase(name.trim())) {
        return true;
      }
    }
    return false;
  }
}
