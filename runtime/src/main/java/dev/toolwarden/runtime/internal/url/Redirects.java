package dev.toolwarden.runtime.internal.url;

import dev.toolwarden.runtime.url.SafeHttpException;
import dev.toolwarden.runtime.url.SafeHttpResponse;
import dev.toolwarden.runtime.url.UrlPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.InputStreamResponseListener;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.http.HttpField;

/**
 * One logical request of {@code SafeHttpClient}: each hop admitted by the policy before it is
 * sent (the connection itself is checked by {@link PinnedResolver}), redirects followed only up
 * to the limit, the whole exchange within one deadline and the body within the size bound.
 */
public final class Redirects {

  private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
  private static final Set<String> CREDENTIALS = Set.of("authorization", "cookie", "proxy-authorization");

  private final HttpClient jetty;
  private final UrlGuard guard;
  private final UrlPolicy policy;
  private final int maxRedirects;
  private final Duration timeout;
  private final int maxBytes;

  /** A sender over a started Jetty client. */
  public Redirects(HttpClient jetty, UrlGuard guard, UrlPolicy policy, int maxRedirects, Duration timeout,
      int maxBytes) {
    this.jetty = jetty;
    this.guard = guard;
    this.policy = policy;
    this.maxRedirects = maxRedirects;
    this.timeout = timeout;
    this.maxBytes = maxBytes;
  }

  /**
   * Sends, following redirects as allowed.
   *
   * @throws UrlRefusal when a URL, a redirect or an address is refused
   * @throws SafeHttpException when the exchange fails otherwise
   */
  public SafeHttpResponse send(String method, String url, Map<String, String> headers, byte[] body) {
    long deadline = System.nanoTime() + timeout.toNanos();
    String currentMethod = method;
    byte[] currentBody = body;
    Map<String, String> currentHeaders = headers;
    ParsedUrl current = guard.admit(policy, url);
    for (int hop = 0; ; hop++) {
      SafeHttpResponse response = exchange(current, currentMethod, currentHeaders, currentBody, deadline);
      String location = response.header("location");
      if (!REDIRECTS.contains(response.status()) || location == null) {
        return response;
      }
      if (hop >= maxRedirects) {
        throw new UrlRefusal(maxRedirects == 0 ? Refusal.REDIRECT : Refusal.TOO_MANY_REDIRECTS);
      }
      ParsedUrl next = guard.admit(policy, resolve(current.uri(), location));
      if (!sameOrigin(current, next)) {
        currentHeaders = withoutCredentials(currentHeaders);
      }
      int status = response.status();
      if (status == 303 || ((status == 301 || status == 302) && !currentMethod.equals("GET")
          && !currentMethod.equals("HEAD"))) {
        currentMethod = "GET";
        currentBody = null;
      }
      current = next;
    }
  }

  private static String resolve(URI base, String location) {
    try {
      return base.resolve(new URI(location)).toString();
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw new UrlRefusal(Refusal.MALFORMED);
    }
  }

  private static boolean sameOrigin(ParsedUrl a, ParsedUrl b) {
    return a.scheme().equals(b.scheme()) && a.host().equals(b.host()) && a.effectivePort() == b.effectivePort();
  }

  private static Map<String, String> withoutCredentials(Map<String, String> headers) {
    Map<String, String> out = new LinkedHashMap<>();
    headers.forEach((k, v) -> {
      if (!CREDENTIALS.contains(k.toLowerCase(Locale.ROOT))) {
        out.put(k, v);
      }
    });
    return out;
  }

  private SafeHttpResponse exchange(ParsedUrl url, String method, Map<String, String> headers, byte[] body,
      long deadline) {
    long remaining = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
    if (remaining <= 0) {
      throw new SafeHttpException("request timed out");
    }
    Request request = jetty.newRequest(url.uri()).method(method).followRedirects(false)
        .timeout(remaining, TimeUnit.MILLISECONDS)
        .headers(h -> headers.forEach(h::put));
    if (body != null) {
      request.body(new BytesRequestContent(body));
    }
    InputStreamResponseListener listener = new InputStreamResponseListener();
    request.send(listener);
    try {
      Response response = listener.get(remaining, TimeUnit.MILLISECONDS);
      long length = response.getHeaders().getLongField("content-length");
      if (length > maxBytes) {
        request.abort(new IOException("response too large"));
        throw new SafeHttpException("response too large");
      }
      byte[] content = readBounded(listener.getInputStream(), request);
      return new SafeHttpResponse(url.uri(), response.getStatus(), headersOf(response), content);
    } catch (ExecutionException e) {
      throw failure(e.getCause(), request);
    } catch (TimeoutException e) {
      request.abort(e);
      throw new SafeHttpException("request timed out");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      request.abort(e);
      throw new SafeHttpException("request interrupted");
    }
  }

  private byte[] readBounded(InputStream in, Request request) {
    try (InputStream stream = in) {
      byte[] content = stream.readNBytes(maxBytes);
      if (stream.read() >= 0) {
        request.abort(new IOException("response too large"));
        throw new SafeHttpException("response too large");
      }
      return content;
    } catch (IOException e) {
      throw failure(e, request);
    }
  }

  /** The refusal behind a failure, if the resolver refused; otherwise a generic failure. */
  private static RuntimeException failure(Throwable cause, Request request) {
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof UrlRefusal r) {
        return r;
      }
      if (t instanceof TimeoutException) {
        return new SafeHttpException("request timed out");
      }
    }
    request.abort(cause == null ? new IOException("failed") : cause);
    return new SafeHttpException("request failed: no connection or no valid response");
  }

  private static Map<String, List<String>> headersOf(Response response) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (HttpField f : response.getHeaders()) {
      out.computeIfAbsent(f.getName().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(f.getValue());
    }
    return out;
  }

}
