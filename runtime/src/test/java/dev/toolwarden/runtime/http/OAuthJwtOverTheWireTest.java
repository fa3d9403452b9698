package dev.toolwarden.runtime.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.JWKSet;
import com.sun.net.httpserver.HttpServer;
import dev.toolwarden.runtime.RunningServer;
import dev.toolwarden.runtime.Toolwarden;
import dev.toolwarden.runtime.auth.ResourceServer;
import dev.toolwarden.runtime.auth.TestTokens;
import dev.toolwarden.runtime.testtools.EchoTools;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The JWT mode as deployed — keys from a JWKS endpoint over HTTP, the verified-token cache on — judged by raw HTTP
 * requests whose bytes the test controls.
 */
class OAuthJwtOverTheWireTest {

  private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
      + "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}";

  private static HttpServer jwks;
  private static RunningServer server;
  private static TestTokens as;

  @BeforeAll
  static void start() throws IOException {
    jwks = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    jwks.createContext("/jwks", exchange -> {
      byte[] body = new JWKSet(as.key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    jwks.start();
    URI keys = URI.create("http://127.0.0.1:" + jwks.getAddress().getPort() + "/jwks");
    server = FreePort.start(port -> {
      as = new TestTokens("http://127.0.0.1:" + port + "/mcp");
      return Toolwarden.server("oauth-wire", "1.0.0").tools(new EchoTools())
          .http(HttpOptions.loopback(port).oauth(ResourceServer.jwt(TestTokens.ISSUER, as.resource).jwksUri(keys)));
    });
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
    jwks.stop(0);
  }

  /**
   * Before the fix each of these spellings of one valid token's signature (nimbus decodes base64url leniently)
   * initialized a session: whoever holds one token could send it as endless distinct strings, each a fresh signature
   * check and a fresh entry in the verified-token cache.
   */
  @Test
  void onlyTheTokenAsIssuedIsAccepted() throws Exception {
    String token = as.token("alice", "echo:use");
    assertTrue(initialize("Authorization: Bearer " + token).startsWith("HTTP/1.1 200 "));
    String sig = token.substring(token.lastIndexOf('.') + 1);
    for (String variant : new String[] {token + "=", token + "==", token + "~", token + "~~~~",
        token.substring(0, token.length() - sig.length()) + sig.replace('-', '+').replace('_', '/') + "="}) {
      String reply = initialize("Authorization: Bearer " + variant);
      assertTrue(reply.startsWith("HTTP/1.1 401 "), reply);
      assertTrue(reply.contains("error=\"invalid_token\""), reply);
    }
  }

  /** What held: the scheme is case-insensitive (RFC 7235); two Authorization headers are one too many. */
  @Test
  void bearerSchemeInAnyCaseAndOnlyOneAuthorizationHeader() throws Exception {
    String token = as.token("alice", "echo:use");
    assertTrue(initialize("Authorization: bearer " + token).startsWith("HTTP/1.1 200 "));
    String twice = initialize("Authorization: Bearer " + token + "\r\nauthorization: Bearer " + token);
    assertTrue(twice.startsWith("HTTP/1.1 400 "), twice);
    assertTrue(twice.contains("error=\"invalid_request\""), twice);
  }

  private static String initialize(String authorization) throws IOException {
    byte[] body = INITIALIZE.getBytes(StandardCharsets.UTF_8);
    String head = "POST /mcp HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\nConnection: close\r\n"
        + "Content-Type: application/json\r\nAccept: application/json, text/event-stream\r\n"
        + authorization + "\r\nContent-Length: " + body.length + "\r\n\r\n";
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      s.setSoTimeout(30_000);
      OutputStream out = s.getOutputStream();
      out.write(head.getBytes(StandardCharsets.ISO_8859_1));
      out.write(body);
      out.flush();
      InputStream in = s.getInputStream();
      String reply = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
      assertEquals(-1, reply.indexOf(authorization.substring(authorization.indexOf(' ') + 1)), "no echo of the token");
      return reply;
    }
  }
}
