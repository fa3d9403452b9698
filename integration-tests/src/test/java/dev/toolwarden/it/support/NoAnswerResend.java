package dev.toolwarden.it.support;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;

/**
 * Sends a request again, on a new connection, when no server answered it at all: a connection the other side
 * closed as it sent ("header parser received no bytes") — Jetty after a refusal that left the body unread, HAProxy
 * when its reused connection to a replica just killed fails. Clients do that on a closed keep-alive connection; the
 * JDK client does it itself only for idempotent methods. Any answer, even an error status, is returned as it is.
 */
public final class NoAnswerResend {

  private static final int ATTEMPTS = 3;

  private NoAnswerResend() {}

  /** {@code client.send(request)}, sent again up to twice when nothing came back (never after a timeout). */
  public static HttpResponse<String> send(HttpClient client, HttpRequest request)
      throws IOException, InterruptedException {
    for (int attempt = 1; ; attempt++) {
      try {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
      } catch (IOException noAnswer) {
        if (attempt == ATTEMPTS || noAnswer instanceof HttpTimeoutException) {
          throw noAnswer;
        }
      }
    }
  }
}
