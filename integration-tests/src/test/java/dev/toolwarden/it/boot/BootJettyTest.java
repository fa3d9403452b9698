package dev.toolwarden.it.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwarden.it.support.ExampleServer;
import dev.toolwarden.it.support.FreePort;
import dev.toolwarden.it.support.NodeTools;
import dev.toolwarden.it.support.ProcessReaper;
import dev.toolwarden.it.support.ServerProcess;
import dev.toolwarden.it.support.ServerProcess.Launch;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The Boot example (src/it/spring-boot-example) built with Jetty instead of Tomcat as its servlet container (profile
 * jetty: spring-boot-starter-jetty, the starter's Tomcat excluded), started with {@code java -jar}: the Java SDK client
 * initializes, lists and calls tools, and the HTTP refusals — a foreign Origin (403), a malformed body (400), an
 * oversized body (413), the per-client limit (429 with {@code Retry-After}) — have the status and body of the standalone
 * example server's, started beside it with the same settings. The Jetty jars of the Boot applications are all one
 * version: Boot's BOM sets the core jars, Toolwarden's own jetty-ee10-servlet must match them.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BootJettyTest {

  private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
      + "\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}";
  private static final List<String> INTERNALS =
      List.of("Exception", "at io.", "at org.", "at java.", "at dev.", "jetty", "Jetty", "servlet", "tomcat", "Tomcat");
  /** Low enough to reach in a bounded loop, high enough for the tests before the 429 one. */
  private static final int CLIENT_LIMIT = 60;
  private static final Pattern JETTY_JAR = Pattern.compile("BOOT-INF/lib/(jetty-[a-z0-9-]+?)-(\\d+\\.\\d+\\.\\d+)\\.jar");

  @RegisterExtension static final ProcessReaper REAPER = new ProcessReaper();
  @TempDir static Path dir;
  private static ServerProcess boot;
  private static ServerProcess standalone;
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  @BeforeAll
  static void start() {
    Path jar = BootJars.exampleJetty();
    Path workspace = ExampleServer.workspace(dir);
    Map<String, String> env = Map.of(ExampleServer.WORKSPACE_ENV, workspace.toString(),
        "TOOLWARDEN_HTTP_CLIENT_LIMIT", CLIENT_LIMIT + "/1m");
    int port = FreePort.find();
    boot = ServerProcess.http(Launch.jar(jar).withEnv(env), REAPER, port, "/mcp", Duration.ofSeconds(120),
        "--server.port=" + port, "--server.address=127.0.0.1");
    standalone = ServerProcess.http(ExampleServer.launch(workspace).withEnv(env), REAPER);
  }

  @Test
  @Order(1)
  void theApplicationRunsOnJettyWithOneJettyVersion() throws IOException {
    String log = boot.stdoutText() + boot.stderrText();
    assertTrue(log.contains("Jetty started on port " + boot.url().getPort()), log);
    assertFalse(log.contains("Tomcat started"), log);
    TreeSet<String> versions = jettyVersions(BootJars.exampleJetty());
    assertEquals(1, versions.size(), "every Jetty jar of the Jetty application is one version: " + versions);
    assertFalse(libraries(BootJars.exampleJetty()).stream().anyMatch(name -> name.contains("tomcat-embed-core")),
        "Tomcat is excluded");
    // the Tomcat application carries Toolwarden's Jetty (its standalone server's classes): one version there too
    assertEquals(versions, jettyVersions(BootJars.example()), "the Tomcat and Jetty applications' Jetty");
  }

  @Test
  @Order(2)
  void javaSdkClientInitializesListsAndCallsTools() {
    try (McpSyncClient onBoot = client(boot); McpSyncClient onStandalone = client(standalone)) {
      McpSchema.InitializeResult init = onBoot.initialize();
      assertEquals(onStandalone.initialize().protocolVersion(), init.protocolVersion());
      List<String> tools = onBoot.listTools().tools().stream().map(McpSchema.Tool::name).sorted().toList();
      assertEquals(ExampleServer.TOOL_NAMES, tools);
      assertEquals(onStandalone.listTools().tools().stream().map(McpSchema.Tool::name).sorted().toList(), tools,
          "the standalone server's tools");
      McpSchema.CallToolResult readme = onBoot.callTool(new McpSchema.CallToolRequest("read_file",
          Map.of("path", "README.txt")));
      assertFalse(Boolean.TRUE.equals(readme.isError()), readme.toString());
      assertEquals(ExampleServer.README_TEXT, ((McpSchema.TextContent) readme.content().get(0)).text());
      McpSchema.CallToolResult order = onBoot.callTool(new McpSchema.CallToolRequest("get_order", Map.of("id", "A-1001")));
      assertFalse(Boolean.TRUE.equals(order.isError()), order.toString());
      assertTrue(order.toString().contains("A-1001"), order.toString());
    }
  }

  @Test
  @Order(3)
  void aForeignOriginIs403AsOnTheStandaloneServer() throws Exception {
    for (String origin : List.of("http://evil.example", "null")) {
      HttpResponse<String> onBoot = post(boot, INITIALIZE, "Origin", origin);
      HttpResponse<String> onStandalone = post(standalone, INITIALIZE, "Origin", origin);
      assertEquals(403, onBoot.statusCode(), origin + ": " + onBoot.body());
      assertSameAnswer(onStandalone, onBoot);
    }
  }

  @Test
  @Order(4)
  void aMalformedBodyIs400WithTheStandaloneServersSafeBody() throws Exception {
    for (String body : List.of("garbage{", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":")) {
      HttpResponse<String> onBoot = post(boot, body);
      HttpResponse<String> onStandalone = post(standalone, body);
      assertEquals(400, onBoot.statusCode(), body + ": " + onBoot.body());
      JsonNode error = NodeTools.JSON.readTree(onBoot.body());
      assertEquals("2.0", error.path("jsonrpc").asString(), onBoot.body());
      assertTrue(error.path("error").path("code").isInt(), onBoot.body());
      assertSameAnswer(onStandalone, onBoot);
    }
  }

  /** A body declared over the 4 MiB default is refused from its headers (only its start is sent: see HttpJavaClientE2eTest). */
  @Test
  @Order(5)
  void anOversizedBodyIs413AsOnTheStandaloneServer() throws Exception {
    String[] onBoot = oversizedPost(boot);
    String[] onStandalone = oversizedPost(standalone);
    assertEquals("413", onBoot[0], onBoot[1]);
    assertEquals(onStandalone[0], onBoot[0]);
    assertEquals(onStandalone[1], onBoot[1], "the standalone server's 413 body");
    for (String leak : INTERNALS) {
      assertFalse(onBoot[1].contains(leak), "'" + leak + "' in the 413: " + onBoot[1]);
    }
    assertEquals(200, post(boot, INITIALIZE).statusCode(), "and the application still serves");
  }

  /** Last: it spends the client's budget. A bounded loop (a new window may start in it, so up to three budgets). */
  @Test
  @Order(100)
  void thePerClientLimitIs429WithRetryAfterAsOnTheStandaloneServer() throws Exception {
    HttpResponse<String> onBoot = untilRefused(boot);
    HttpResponse<String> onStandalone = untilRefused(standalone);
    assertEquals(429, onBoot.statusCode(), onBoot.body());
    assertTrue(onBoot.headers().firstValue("Retry-After").orElse("").matches("\\d+"), onBoot.headers().map().toString());
    assertTrue(onStandalone.headers().firstValue("Retry-After").isPresent());
    assertSameAnswer(onStandalone, onBoot);
  }

  // ---- helpers ----------------------------------------------------------------------------------

  private static HttpResponse<String> untilRefused(ServerProcess server) throws Exception {
    HttpResponse<String> last = null;
    for (int i = 0; i < 3 * CLIENT_LIMIT + 10; i++) {
      last = post(server, INITIALIZE);
      if (last.statusCode() == 429) {
        return last;
      }
    }
    return last;
  }

  /** Status, media type and body as the standalone server's, without internals. */
  private static void assertSameAnswer(HttpResponse<String> standaloneAnswer, HttpResponse<String> bootAnswer) {
    assertEquals(standaloneAnswer.statusCode(), bootAnswer.statusCode(), bootAnswer.body());
    assertEquals(standaloneAnswer.body(), bootAnswer.body(), "the standalone server's body");
    assertEquals(mediaType(standaloneAnswer), mediaType(bootAnswer), "the standalone server's Content-Type");
    for (String leak : INTERNALS) {
      assertFalse(bootAnswer.body().contains(leak), "'" + leak + "' in the " + bootAnswer.statusCode() + " body: "
          + bootAnswer.body());
    }
  }

  private static String mediaType(HttpResponse<String> r) {
    return r.headers().firstValue("Content-Type").map(t -> t.replace(" ", "").toLowerCase(java.util.Locale.ROOT))
        .orElse("");
  }

  private static McpSyncClient client(ServerProcess server) {
    URI url = server.url();
    return McpClient.sync(HttpClientStreamableHttpTransport.builder("http://" + url.getAuthority())
        .endpoint(url.getPath()).build()).requestTimeout(Duration.ofSeconds(30)).build();
  }

  private static HttpResponse<String> post(ServerProcess server, String body, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(server.url()).timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The status code and (de-chunked) body of a POST declaring 5 MiB, of which only the start is sent. */
  private static String[] oversizedPost(ServerProcess server) throws IOException {
    URI url = server.url();
    String start = "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"tools/call\",\"params\":{\"name\":\"get_order\","
        + "\"arguments\":{\"id\":\"" + "A".repeat(4096);
    String head = "POST " + url.getPath() + " HTTP/1.1\r\nHost: " + url.getAuthority() + "\r\n"
        + "Content-Type: application/json\r\nAccept: application/json, text/event-stream\r\n"
        + "Content-Length: " + (5 * 1024 * 1024) + "\r\nConnection: close\r\n\r\n";
    String reply;
    try (Socket socket = new Socket(url.getHost(), url.getPort())) {
      socket.setSoTimeout(60_000);
      socket.getOutputStream().write((head + start).getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      reply = new String(readAll(socket.getInputStream()), StandardCharsets.UTF_8);
    }
    assertTrue(reply.startsWith("HTTP/1.1 "), reply);
    int split = reply.indexOf("\r\n\r\n");
    String headers = reply.substring(0, split).toLowerCase(java.util.Locale.ROOT);
    String body = reply.substring(split + 4);
    return new String[] {reply.substring(9, 12), headers.contains("transfer-encoding: chunked") ? dechunk(body) : body};
  }

  /** Reads until the server closes; a reset after the answer (the unread rest of the upload) ends the reading too. */
  private static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try {
      for (int n; (n = in.read(buffer)) != -1; ) {
        out.write(buffer, 0, n);
      }
    } catch (java.net.SocketException reset) {
      if (out.size() == 0) {
        throw reset;
      }
    }
    return out.toByteArray();
  }

  private static String dechunk(String chunked) {
    StringBuilder body = new StringBuilder();
    int i = 0;
    while (i < chunked.length()) {
      int eol = chunked.indexOf("\r\n", i);
      int size = Integer.parseInt(chunked.substring(i, eol).trim(), 16);
      if (size == 0) {
        break;
      }
      body.append(chunked, eol + 2, eol + 2 + size);
      i = eol + 2 + size + 2;
    }
    return body.toString();
  }

  private static List<String> libraries(Path jar) throws IOException {
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      return zip.stream().map(java.util.zip.ZipEntry::getName).filter(n -> n.startsWith("BOOT-INF/lib/")).toList();
    }
  }

  private static TreeSet<String> jettyVersions(Path jar) throws IOException {
    TreeSet<String> versions = new TreeSet<>();
    for (String name : libraries(jar)) {
      Matcher m = JETTY_JAR.matcher(name);
      if (m.matches()) {
        versions.add(m.group(2));
      }
    }
    assertFalse(versions.isEmpty(), "no Jetty jar in " + jar);
    return versions;
  }
}
