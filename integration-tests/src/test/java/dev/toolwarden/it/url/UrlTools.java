package dev.toolwarden.it.url;

import dev.toolwarden.McpTool;
import dev.toolwarden.RequiresScope;
import dev.toolwarden.SafeUrl;
import dev.toolwarden.runtime.url.SafeHttpClient;
import java.net.URI;

/**
 * Tools with {@code @SafeUrl} arguments, compiled by the Toolwarden processor like a user's: the
 * SSRF corpus' two rules ({@code open}, {@code listed}) echo the checked URL, and {@code fetch}
 * fetches from the loopback origin of {@link SafeUrlE2eTest} with {@link SafeHttpClient}.
 */
@RequiresScope("web:read")
public final class UrlTools {

  /** The ports the test's loopback origin may take: a rule is a compile-time constant. */
  public static final int[] ORIGIN_PORTS = {28191, 28192, 28193, 28194, 28195, 28196};

  private final SafeHttpClient http;

  /** Tools fetching with {@code http}. */
  public UrlTools(SafeHttpClient http) {
    this.http = http;
  }

  /**
   * Echoes a URL of any public host.
   *
   * @param url the URL
   */
  @McpTool(name = "open", readOnly = true)
  public String open(@SafeUrl(schemes = {"https", "http"}) URI url) {
    return url.toString();
  }

  /**
   * Echoes a URL of a listed host.
   *
   * @param url the URL
   */
  @McpTool(name = "listed", readOnly = true)
  public String listed(@SafeUrl(hosts = {"api.example.com", "*.example.org", "xn--bcher-kva.example.com"},
      ports = {443, 8443}) String url) {
    return url;
  }

  /**
   * Fetches a page of the loopback origin.
   *
   * @param url the page
   */
  @McpTool(name = "fetch", readOnly = true)
  public String fetch(@SafeUrl(schemes = "http", hosts = "*.lab.test",
      ports = {28191, 28192, 28193, 28194, 28195, 28196}) URI url) {
    return http.get(url).text();
  }
}
