package dev.toolwarden.runtime.internal.auth;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** Small JSON-over-HTTP calls to the authorization server: bounded in time and size. */
public final class HttpJson {

  static final Duration TIMEOUT = Duration.ofSeconds(5);
  static final int MAX_BYTES = 256 * 1024;

  private final HttpClient http;
  private final McpJsonMapper json = McpJsonDefaults.getMapper();

  public HttpJson(HttpClient http) {
    this.http = http;
  }

  public static HttpClient defaultClient() {
    return HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build();
  }

  /** The JSON object answered with 200, or {@code null} for another status. */
  Map<String, Object> send(HttpRequest request) throws IOException {
    HttpResponse<InputStream> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted");
    }
    try (InputStream in = response.body()) {
      byte[] body = in.readNBytes(MAX_BYTES + 1);
      if (response.statusCode() != 200) {
        return null;
      }
      if (body.length > MAX_BYTES) {
        throw new IOException("answer larger than " + MAX_BYTES + " bytes");
      }
      Object parsed = json.readValue(body, Object.class);
      if (!(parsed instanceof Map<?, ?> m)) {
        throw new IOException("answer is not a JSON object");
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> map = (Map<String, Object>) m;
      return map;
    } catch (RuntimeException e) {
      throw new IOException("answer is not JSON");
    }
  }

  Map<String, Object> get(URI uri) throws IOException {
    return send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept", "application/json").GET().build());
  }
}
