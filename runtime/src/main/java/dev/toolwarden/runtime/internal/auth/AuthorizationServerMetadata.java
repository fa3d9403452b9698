package dev.toolwarden.runtime.internal.auth;

import dev.toolwarden.runtime.auth.TokenRejectedException;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The parts of an authorization server's metadata a resource server needs, discovered from its
 * issuer: RFC 8414 ({@code /.well-known/oauth-authorization-server} inserted before the issuer's
 * path), then OpenID Connect Discovery ({@code <issuer>/.well-known/openid-configuration}). The
 * document's {@code issuer} must equal the configured issuer exactly (RFC 8414 §3.3).
 *
 * @param issuer the issuer
 * @param jwksUri {@code jwks_uri}, or {@code null}
 * @param introspectionEndpoint {@code introspection_endpoint}, or {@code null}
 */
public record AuthorizationServerMetadata(String issuer, URI jwksUri, URI introspectionEndpoint) {

  /** The well-known URLs tried, in order. */
  static List<URI> candidates(String issuer) {
    URI i = URI.create(issuer);
    String path = i.getRawPath() == null ? "" : i.getRawPath();
    if (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    String origin = i.getScheme() + "://" + i.getRawAuthority();
    List<URI> list = new ArrayList<>();
    list.add(URI.create(origin + "/.well-known/oauth-authorization-server" + path));
    list.add(URI.create(origin + path + "/.well-known/openid-configuration"));
    if (!path.isEmpty()) {
      list.add(URI.create(origin + path + "/.well-known/oauth-authorization-server"));
    }
    return list;
  }

  /** Fetches the metadata of {@code issuer}. */
  public static AuthorizationServerMetadata discover(String issuer, HttpJson http) throws TokenRejectedException {
    for (URI candidate : candidates(issuer)) {
      Map<String, Object> doc;
      try {
        doc = http.get(candidate);
      } catch (IOException | RuntimeException e) {
        continue;
      }
      if (doc == null) {
        continue;
      }
      if (!issuer.equals(doc.get("issuer"))) {
        throw new TokenRejectedException(TokenRejectedException.Reason.UNAVAILABLE,
            "the metadata at " + candidate + " names another issuer");
      }
      return new AuthorizationServerMetadata(issuer, uri(doc.get("jwks_uri")), uri(doc.get("introspection_endpoint")));
    }
    throw new TokenRejectedException(TokenRejectedException.Reason.UNAVAILABLE,
        "no authorization server metadata for the issuer " + issuer);
  }

  private static URI uri(Object value) {
    if (!(value instanceof String s) || s.isBlank()) {
      return null;
    }
    try {
      URI u = URI.create(s);
      return u.isAbsolute() && ("https".equals(u.getScheme()) || "http".equals(u.getScheme())) ? u : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
