package dev.toolwarden.runtime.url;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * A response read by {@link SafeHttpClient}, whole and within its size bound.
 *
 * @param uri the URL that answered (after any redirects that were followed)
 * @param status the HTTP status code
 * @param headers the response headers, by lower-case name
 * @param body the body, at most the client's {@code maxResponseBytes}
 */
public record SafeHttpResponse(URI uri, int status, Map<String, List<String>> headers, byte[] body) {

  public SafeHttpResponse {
    headers = Map.copyOf(headers);
    body = body.clone();
  }

  @Override
  public byte[] body() {
    return body.clone();
  }

  /** The body decoded as UTF-8. */
  public String text() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** The first value of a header (name in any case), or {@code null}. */
  public String header(String name) {
    List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
    return values == null || values.isEmpty() ? null : values.get(0);
  }
}
