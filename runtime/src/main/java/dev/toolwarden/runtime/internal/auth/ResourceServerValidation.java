package dev.toolwarden.runtime.internal.auth;

import dev.toolwarden.runtime.internal.net.Loopback;
import dev.toolwarden.runtime.ToolwardenStartupException;
import java.net.URI;

/** The start-up checks of a resource server's issuer and resource URL. */
public final class ResourceServerValidation {

  private ResourceServerValidation() {}

  /**
   * Checks that the resource URL and issuer are usable: absolute http(s) URLs without query or
   * fragment, https unless the host is loopback.
   *
   * @throws ToolwardenStartupException when unusable
   */
  public static void validate(ResourceServerOptions o) {
    String resource = o.resource();
    URI r = url(resource, "resource URL");
    if (!r.isAbsolute() || r.getRawAuthority() == null || r.getRawFragment() != null || r.getRawQuery() != null
        || !("https".equals(r.getScheme()) || "http".equals(r.getScheme()))) {
      throw new ToolwardenStartupException("the OAuth resource URL '" + resource
          + "' must be an absolute http(s) URL without query or fragment, e.g. https://mcp.example.com/mcp");
    }
    if ("http".equals(r.getScheme()) && !Loopback.isLoopback(r.getHost())) {
      throw new ToolwardenStartupException("the OAuth resource URL '" + resource
          + "' must use https (plain http is only accepted for a loopback host)");
    }
    String issuer = o.issuer();
    URI i = url(issuer, "issuer");
    if (!i.isAbsolute() || i.getRawAuthority() == null || i.getRawQuery() != null || i.getRawFragment() != null
        || !("https".equals(i.getScheme()) || ("http".equals(i.getScheme()) && Loopback.isLoopback(i.getHost())))) {
      throw new ToolwardenStartupException("the OAuth issuer '" + issuer
          + "' must be an https URL without query or fragment (http only for a loopback host)");
    }
  }

  private static URI url(String value, String what) {
    try {
      return URI.create(value);
    } catch (IllegalArgumentException e) {
      throw new ToolwardenStartupException("the OAuth " + what + " '" + value + "' is not a URL");
    }
  }
}
