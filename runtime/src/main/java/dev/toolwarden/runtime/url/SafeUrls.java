package dev.toolwarden.runtime.url;

import dev.toolwarden.runtime.internal.url.UrlGuard;
import dev.toolwarden.runtime.internal.url.UrlRefusal;
import java.net.URI;

/**
 * Outbound URLs without SSRF: the entry point for tool code. {@code @SafeUrl} checks the URLs
 * a caller sends; use this class to fetch them ({@link #httpClient()}) and to check URLs the tool
 * builds itself ({@link #check}).
 *
 * <pre>{@code
 * private final SafeHttpClient http = SafeUrls.httpClient();
 *
 * @McpTool(description = "Fetches a page of the docs")
 * public String fetch(@SafeUrl(hosts = "docs.example.com") URI page) {
 *   return http.get(page).text();
 * }
 * }</pre>
 */
public final class SafeUrls {

  private SafeUrls() {}

  /**
   * A client with the defaults: {@link UrlPolicy#publicWeb()} (http and https, any host with
   * public addresses), the system resolver, no redirects, 10 s per request, 1 MiB per response.
   * Close it when the server stops.
   */
  public static SafeHttpClient httpClient() {
    return SafeHttpClient.builder().build();
  }

  /** A builder for a client with another policy, resolver, redirect limit or bounds. */
  public static SafeHttpClient.Builder httpClientBuilder() {
    return SafeHttpClient.builder();
  }

  /**
   * Checks a URL as {@code @SafeUrl} would, with the system resolver.
   *
   * @return the checked URI (scheme and host in lower case)
   * @throws UrlRefusedException naming the rule it breaks
   */
  public static URI check(UrlPolicy policy, String url) {
    return check(policy, Egress.system(), url);
  }

  /**
   * Checks a URL as {@code @SafeUrl} would, resolving and trusting as {@code egress} says.
   *
   * @return the checked URI (scheme and host in lower case)
   * @throws UrlRefusedException naming the rule it breaks
   */
  public static URI check(UrlPolicy policy, Egress egress, String url) {
    try {
      return new UrlGuard(egress).check(policy, url).url().uri();
    } catch (UrlRefusal r) {
      throw new UrlRefusedException(r.refusal().reason());
    }
  }
}
