package dev.toolwarden.runtime.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwarden.runtime.RunningServer;
import dev.toolwarden.runtime.Toolwarden;
import dev.toolwarden.runtime.http.HttpOptions;
import dev.toolwarden.runtime.testtools.EchoTools;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A refusal decided from the headers, answered while the body is still on its way, leaves the connection usable:
 * the client reads the answer, only then sends the body, and its next request on the same connection is answered
 * ({@code UnreadBodyDrainFilter}; without it Jetty closed the connection in one run of four). A declared body over
 * the limit is not waited for.
 * The body is sent only after the whole answer was read, so the filter must flush before it reads.
 */
class RefusalKeepsConnectionTest {

  private static final String LIST = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}";
  private static final int LIMIT = 64 * 1024;

  private static RunningServer server;

  @BeforeAll
  static void start() {
    server = Toolwarden.server("drain-test", "1.0.0").tools(new EchoTools())
        .http(HttpOptions.loopback(0).maxRequestBytes(LIMIT).stateless());
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void theNextRequestOnTheConnectionIsAnsweredAfterARefusalFromTheHeaders() throws Exception {
    byte[] body = LIST.getBytes(StandardCharsets.UTF_8);
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      s.setSoTimeout(30_000);
      OutputStream out = s.getOutputStream();
      InputStream in = s.getInputStream();
      // a charset other than UTF-8: 415 from the headers, before anything reads the body
      out.write(head("application/json; charset=iso-8859-1", body.length).getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String refused = answer(in);
      assertTrue(refused.startsWith("HTTP/1.1 415"), refused);
      out.write(body); // late: the answer is already here
      out.write(head("application/json", body.length).getBytes(StandardCharsets.US_ASCII));
      out.write(body);
      out.flush();
      String next = answer(in);
      assertTrue(next.startsWith("HTTP/1.1 200"), next);
      assertTrue(next.contains("\"tools\""), next);
    }
  }

  @Test
  void aBodyOverTheLimitIsNotWaitedFor() throws Exception {
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      s.setSoTimeout(30_000);
      s.getOutputStream().write(head("application/json; charset=iso-8859-1", LIMIT + 1)
          .getBytes(StandardCharsets.US_ASCII));
      s.getOutputStream().flush();
      String refused = answer(s.getInputStream());
      assertTrue(refused.startsWith("HTTP/1.1 415"), refused);
      // no body sent, none waited for: the server ends the connection
      assertEquals(-1, s.getInputStream().read());
    }
  }

  private static String head(String contentType, int length) {
    return "POST /mcp HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\nContent-Type: " + contentType
        + "\r\nAccept: application/json, text/event-stream\r\nContent-Length: " + length + "\r\n\r\n";
  }

  /** An answer's head and its body (with a Content-Length) or first chunk (chunked). */
  private static String answer(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("the connection ended after: " + head.toString(StandardCharsets.ISO_8859_1));
      }
      head.write(b);
    }
    String text = head.toString(StandardCharsets.ISO_8859_1);
    if (text.toLowerCase(java.util.Locale.ROOT).contains("transfer-encoding: chunked")) {
      StringBuilder size = new StringBuilder();
      for (int b; (b = in.read()) != '\n'; ) {
        size.append((char) b);
      }
      return text + new String(in.readNBytes(Integer.parseInt(size.toString().trim(), 16)), StandardCharsets.UTF_8);
    }
    int length = 0;
    for (String line : text.split("\r\n")) {
      if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
        length = Integer.parseInt(line.substring(line.indexOf(':') + 1).trim());
      }
    }
    return text + new String(in.readNBytes(length), StandardCharsets.UTF_8);
  }
}
