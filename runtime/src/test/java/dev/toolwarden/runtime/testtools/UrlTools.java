package dev.toolwarden.runtime.testtools;

import dev.toolwarden.runtime.url.SafeHttpClient;
import java.net.URI;

/**
 * Tools with {@code @SafeUrl} arguments (bundle written by hand in {@link UrlToolsBundle}, shaped
 * as the processor generates it): two that echo the checked URL and one that fetches it.
 */
public final class UrlTools {

  private final SafeHttpClient http;

  /** Tools fetching with {@code http}. */
  public UrlTools(SafeHttpClient http) {
    this.http = http;
  }

  /** {@code @SafeUrl(schemes = {"https", "http"}) URI url}: returns the checked URL. */
  public String open(URI url) {
    return url.toString();
  }

  /** The corpus' {@code listed} rule: returns the checked URL. */
  public String listed(URI url) {
    return url.toString();
  }

  /** {@code @SafeUrl(schemes = "http", hosts = "*.lab.test", ports = FIXED_PORTS)}: fetches the URL. */
  public String fetch(URI url) {
    return http.get(url).text();
  }
}
