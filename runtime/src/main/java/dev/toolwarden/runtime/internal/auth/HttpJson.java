package dev.toolwarden.runtime.internal.auth;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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

  /**
   * The JSON object answered with 200, or {@code null} for another status.
   *
   * <p>The whole exchange, body included, ends within {@link #TIMEOUT}: the request's own timeout stops at the
   * response headers, after which a blocking read of the body waits for as long as the server trickles it — an
   * authorization server (or anyone between it and this server) that sends headers and then stalls would hold a
   * request thread forever, one per request carrying a token. The body is collected asynchronously instead, at most
   * {@link #MAX_BYTES}, and the exchange is cancelled at the deadline.
   */
  Map<String, Object> send(HttpRequest request) throws IOException {
    CompletableFuture<HttpResponse<byte[]>> pending = http.sendAsync(request, info -> new BoundedBody());
    HttpResponse<byte[]> response;
    try {
      response = pending.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      pending.cancel(true);
      Thread.currentThread().interrupt();
      throw new IOException("interrupted");
    } catch (TimeoutException e) {
      pending.cancel(true); // aborts the exchange (JDK 16+), closing the connection
      throw new IOException("no complete answer within " + TIMEOUT);
    } catch (ExecutionException e) {
      throw new IOException("the exchange failed");
    }
    if (response.statusCode() != 200) {
      return null;
    }
    try {
      Object parsed = json.readValue(response.body(), Object.class);
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

  /** Collects a body of at most {@link #MAX_BYTES}; a longer one fails the exchange as soon as it is seen. */
  private static final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {
    private final CompletableFuture<byte[]> body = new CompletableFuture<>();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private Flow.Subscription subscription;

    @Override
    public CompletionStage<byte[]> getBody() {
      return body;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
      for (ByteBuffer b : items) {
        if (body.isDone()) {
          return;
        }
        if (out.size() + (long) b.remaining() > MAX_BYTES) {
          subscription.cancel();
          body.completeExceptionally(new IOException("answer larger than " + MAX_BYTES + " bytes"));
          return;
        }
        byte[] chunk = new byte[b.remaining()];
        b.get(chunk);
        out.write(chunk, 0, chunk.length);
      }
    }

    @Override
    public void onError(Throwable t) {
      body.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
      body.complete(out.toByteArray());
    }
  }

  Map<String, Object> get(URI uri) throws IOException {
    return send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept", "application/json").GET().build());
  }
}
