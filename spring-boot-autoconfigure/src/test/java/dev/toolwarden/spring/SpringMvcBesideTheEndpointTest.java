package dev.toolwarden.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwarden.spring.realapp.RealApp;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What held in an application with Spring MVC (DispatcherServlet, Boot's /error page) and Actuator beside the
 * endpoint, over raw HTTP: the spellings Tomcat normalises to the endpoint meet Toolwarden's filters; the others reach
 * MVC's 404, never the SDK servlet; neither the error page nor the anonymous health endpoint says more than a status.
 */
class SpringMvcBesideTheEndpointTest {

  private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
      + "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}";

  private static ConfigurableApplicationContext context;
  private static int port;

  @BeforeAll
  static void start() {
    context = SpringApplication.run(RealApp.class, "--server.port=0", "--server.address=127.0.0.1",
        "--spring.main.banner-mode=off");
    port = ((WebServerApplicationContext) context).getWebServer().getPort();
  }

  @AfterAll
  static void stop() {
    if (context != null) {
      context.close();
    }
  }

  /** Tomcat maps these to the endpoint: the Origin check (one of Toolwarden's filters) answers. */
  @ParameterizedTest
  @ValueSource(strings = {"//mcp", "/x/../mcp", "/./mcp"})
  void spellingsTheContainerNormalisesMeetToolwardensFilters(String path) throws Exception {
    String r = send("POST " + path, INITIALIZE, "Origin: https://evil.example");
    assertTrue(r.startsWith("HTTP/1.1 403"), r);
    assertTrue(r.contains("\"message\":\"Invalid Origin header\""), r);
  }

  /** Mapped to the endpoint after decoding, but its raw URI does not end with it: refused with a JSON-RPC 404. */
  @Test
  void aPercentEncodedSpellingIsRefused() throws Exception {
    String r = send("POST /%6dcp", INITIALIZE);
    assertTrue(r.startsWith("HTTP/1.1 404"), r);
    assertTrue(r.contains("\"jsonrpc\":\"2.0\""), r);
    assertFalse(r.toLowerCase().contains("mcp-session-id"), r);
  }

  /** Not the endpoint: MVC's 404 through Boot's error page, with no session and nothing about the server. */
  @ParameterizedTest
  @ValueSource(strings = {"/mcp/", "/MCP", "/mcp.json", "/mcp/x"})
  void otherSpellingsNeverReachTheSdkServlet(String path) throws Exception {
    String r = send("POST " + path, INITIALIZE);
    assertTrue(r.startsWith("HTTP/1.1 404"), r);
    assertFalse(r.toLowerCase().contains("mcp-session-id"), r);
    assertFalse(r.contains("Exception") || r.contains("trace"), r);
  }

  /** The standalone server's method rules hold on Tomcat too: the same filters, installed the same way. */
  @ParameterizedTest
  @ValueSource(strings = {"HEAD", "PUT", "PATCH", "TRACE"})
  void onlyTheStreamableHttpMethodsReachTheEndpoint(String method) throws Exception {
    String r = send(method + " /mcp", null, "Authorization: Bearer echo-me-not");
    assertTrue(r.startsWith("HTTP/1.1 405"), r);
    assertFalse(r.contains("echo-me-not"), r);
  }

  @Test
  void aPlainOptionsListsTheMethodsAndAnAcceptWithoutMcpsTypesIs406() throws Exception {
    String options = send("OPTIONS /mcp", null);
    assertTrue(options.startsWith("HTTP/1.1 204"), options);
    assertTrue(options.contains("Allow: GET, POST, DELETE, OPTIONS"), options);
    String json = send("POST /mcp", INITIALIZE, "Accept: text/html");
    assertTrue(json.startsWith("HTTP/1.1 406"), json);
    assertTrue(json.contains("\"code\":-32600"), json);
  }

  @Test
  void theErrorPageOfTheApplicationSaysNoMoreThanTheStatus() throws Exception {
    String r = send("GET /boom", null);
    assertTrue(r.startsWith("HTTP/1.1 500"), r);
    assertFalse(r.contains("secret") || r.contains("IllegalStateException") || r.contains("trace"), r);
  }

  @Test
  void anAnonymousHealthCheckSeesTheStatusOnly() throws Exception {
    String r = send("GET /actuator/health", null);
    assertTrue(r.startsWith("HTTP/1.1 200"), r);
    assertTrue(r.contains("\"status\":\"UP\""), r);
    assertFalse(r.contains("toolwarden") || r.contains("tools") || r.contains("rateLimit"), r);
  }

  private static String send(String requestLine, String body, String... headers) throws Exception {
    StringBuilder r = new StringBuilder(requestLine + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
        + "\r\nConnection: close\r\n");
    boolean accept = false;
    for (String h : headers) {
      accept |= h.startsWith("Accept:");
      r.append(h).append("\r\n");
    }
    if (!accept) {
      r.append("Accept: application/json, text/event-stream\r\n");
    }
    if (body != null) {
      r.append("Content-Type: application/json\r\nContent-Length: ")
          .append(body.getBytes(StandardCharsets.UTF_8).length).append("\r\n");
    }
    r.append("\r\n").append(body == null ? "" : body);
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setSoTimeout(20_000);
      s.getOutputStream().write(r.toString().getBytes(StandardCharsets.UTF_8));
      InputStream in = s.getInputStream();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      in.transferTo(out); // Connection: close: the answer ends with the connection
      return out.toString(StandardCharsets.UTF_8);
    }
  }
}
