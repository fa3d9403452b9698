package dev.toolwarden.it.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwarden.it.support.ExampleServer;
import dev.toolwarden.it.support.FreePort;
import dev.toolwarden.it.support.ProcessReaper;
import dev.toolwarden.it.support.ServerProcess;
import dev.toolwarden.it.support.ServerProcess.Launch;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Boot example (src/it/spring-boot-example) built for stdio only (profile stdio-only: the starter with its Tomcat
 * and spring-web excluded, as the README's "stdio-only applications" shows), started as an MCP host starts it:
 * {@code java -jar <jar> --toolwarden.transport=stdio}. The Java SDK client initializes, lists the example's tools, calls
 * one, and is refused by {@code @SafePath} with the message the Tomcat application (the default build, over HTTP) gives;
 * the application has no servlet container and logs no warning about its absence, writes nothing but JSON-RPC on stdout,
 * and exits with 0 when its stdin closes. Started without {@code toolwarden.transport=stdio} it warns that it serves
 * nothing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BootStdioOnlyTest {

  /** Boot's console log lines at WARN or ERROR (its default pattern: timestamp, level, pid, ---). */
  private static final Pattern WARNING = Pattern.compile("(?m)^\\S+\\s+(WARN|ERROR)\\s+\\d+\\s+---");
  private static final String TRAVERSAL = "../../etc/passwd";

  @RegisterExtension static final ProcessReaper REAPER = new ProcessReaper();
  @TempDir static Path dir;
  private static BootStdio app;
  private static ServerProcess tomcat;

  @BeforeAll
  static void start() {
    Path workspace = ExampleServer.workspace(dir);
    Map<String, String> env = Map.of(ExampleServer.WORKSPACE_ENV, workspace.toString());
    app = BootStdio.start(BootJars.exampleStdioOnly(), REAPER, env);
    app.client().initialize();
    int port = FreePort.find();
    tomcat = ServerProcess.http(Launch.jar(BootJars.example()).withEnv(env), REAPER, port, "/mcp",
        Duration.ofSeconds(120), "--server.port=" + port, "--server.address=127.0.0.1");
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  @Test
  @Order(1)
  void theJarHasNeitherServletContainerNorSpringWeb() throws IOException {
    List<String> stdioOnly = libraries(BootJars.exampleStdioOnly());
    assertTrue(stdioOnly.stream().anyMatch(name -> name.contains("toolwarden-spring-boot-starter")), stdioOnly.toString());
    List<String> web = stdioOnly.stream().filter(BootStdioOnlyTest::isWebLibrary).toList();
    assertEquals(List.of(), web, "Tomcat, Boot's web server support or spring-web in the stdio-only jar");
    // the check sees them where they are: the default build has all three
    List<String> tomcatWeb = libraries(BootJars.example()).stream().filter(BootStdioOnlyTest::isWebLibrary).toList();
    assertTrue(tomcatWeb.stream().anyMatch(name -> name.contains("tomcat-embed-core"))
        && tomcatWeb.stream().anyMatch(name -> name.contains("spring-web-"))
        && tomcatWeb.stream().anyMatch(name -> name.contains("spring-boot-web-server")), tomcatWeb.toString());
  }

  @Test
  @Order(2)
  void theApplicationStartedWithoutWebServerAndWithoutWarnings() {
    String log = app.stderr();
    assertTrue(log.contains("Started BootExampleApplication"), "Boot's console log went to stderr:\n" + log);
    for (String web : List.of("Tomcat", "Jetty started", "WebServer", "web server", "servlet", "Servlet")) {
      assertFalse(log.contains(web), "'" + web + "' in the stdio-only application's log:\n" + log);
    }
    assertFalse(WARNING.matcher(log).find(), "a warning or error in the log:\n" + log);
  }

  @Test
  @Order(3)
  void javaSdkClientListsTheExampleToolsAndCallsOne() {
    McpSyncClient client = app.client();
    List<String> tools = client.listTools().tools().stream().map(McpSchema.Tool::name).sorted().toList();
    assertEquals(ExampleServer.TOOL_NAMES, tools);
    McpSchema.CallToolResult readme = client.callTool(new McpSchema.CallToolRequest("read_file",
        Map.of("path", "README.txt")));
    assertFalse(Boolean.TRUE.equals(readme.isError()), readme.toString());
    assertEquals(ExampleServer.README_TEXT, text(readme));
    assertTrue(app.awaitStderr("toolwarden.audit"), "the audit trail went to stderr:\n" + app.stderr());
  }

  @Test
  @Order(4)
  void aPathTraversalIsRefusedWithTheTomcatApplicationsMessage() {
    McpSchema.CallToolResult refused = app.client().callTool(new McpSchema.CallToolRequest("read_file",
        Map.of("path", TRAVERSAL)));
    assertEquals(Boolean.TRUE, refused.isError(), refused.toString());
    assertEquals("Invalid arguments for tool 'read_file':\n/path: path outside the allowed root [safePath]",
        text(refused));
    try (McpSyncClient onTomcat = McpClient.sync(HttpClientStreamableHttpTransport
            .builder("http://" + tomcat.url().getAuthority()).endpoint(tomcat.url().getPath()).build())
        .requestTimeout(Duration.ofSeconds(30)).build()) {
      onTomcat.initialize();
      McpSchema.CallToolResult onHttp = onTomcat.callTool(new McpSchema.CallToolRequest("read_file",
          Map.of("path", TRAVERSAL)));
      assertEquals(Boolean.TRUE, onHttp.isError(), onHttp.toString());
      assertEquals(text(onHttp), text(refused), "the Tomcat application's refusal");
    }
  }

  /** The trap of a stdio-only build: started as a web application would be, it serves nothing, and says so. */
  @Test
  @Order(5)
  void withoutTheStdioTransportItWarnsThatItServesNothing() throws IOException {
    ServerProcess plain = ServerProcess.stdio(Launch.jar(BootJars.exampleStdioOnly())
        .withEnv(Map.of(ExampleServer.WORKSPACE_ENV, dir.toString())), REAPER, new String[0]);
    int exit = plain.awaitExit(Duration.ofSeconds(90));
    // not a stdio run: Boot's console log is on stdout, read once the application ended
    String log = exit == -1 ? "" : new String(plain.stdout().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertEquals(0, exit, "with nothing to serve it ends by itself (-1: still running): " + plain.stderrText());
    assertTrue(log.contains("Toolwarden serves no transport"), log);
    assertTrue(WARNING.matcher(log).find(), "a WARN line:\n" + log);
  }

  /** Last: it ends the application. */
  @Test
  @Order(100)
  void stdinEofEndsTheApplicationWithExitZeroAndStdoutCarriedOnlyJsonRpc() {
    int exit = app.closeStdinAndAwaitExit(Duration.ofSeconds(60));
    assertEquals(0, exit, "exit code after stdin closed (-1: still running); stderr:\n" + app.stderr());
    assertTrue(app.stderr().contains("stdin ended: closing the application"), app.stderr());
    assertEquals(List.of(), app.nonProtocolStdout(), "stdout carried more than JSON-RPC");
  }

  // ---- helpers ----------------------------------------------------------------------------------

  private static boolean isWebLibrary(String name) {
    return name.contains("tomcat") || name.matches("BOOT-INF/lib/spring-web-\\d.*")
        || name.contains("spring-boot-web-server");
  }

  private static String text(McpSchema.CallToolResult result) {
    return ((McpSchema.TextContent) result.content().get(0)).text();
  }

  private static List<String> libraries(Path jar) throws IOException {
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      return zip.stream().map(ZipEntry::getName).filter(n -> n.startsWith("BOOT-INF/lib/")).toList();
    }
  }
}
