package dev.toolwarden.it.url;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwarden.it.support.ProcessReaper;
import dev.toolwarden.it.support.ServerProcess;
import dev.toolwarden.runtime.internal.url.Refusal;
import dev.toolwarden.runtime.url.Egress;
import dev.toolwarden.runtime.url.HostResolver;
import dev.toolwarden.runtime.url.SafeUrls;
import dev.toolwarden.runtime.url.UrlPolicy;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code @SafeUrl} end to end through tools the processor generated ({@link UrlTools}): a server
 * process ({@link UrlToolsServer}) spoken to by the MCP Java SDK's client over stdio and over
 * Streamable HTTP. The runtime's whole SSRF corpus is sent as {@code tools/call} requests: every
 * payload must be refused with an {@code isError} result naming the rule and no address, every
 * legitimate URL accepted. Then the {@code fetch} tool follows the corpus' redirects from a
 * loopback origin that the server reaches only because it trusts 127.0.0.1 explicitly: every
 * redirect to a forbidden target is refused before it is contacted.
 */
@Timeout(300)
class SafeUrlE2eTest {

  @RegisterExtension static final ProcessReaper REAPER = new ProcessReaper();

  private static final ItSsrfCorpus CORPUS = ItSsrfCorpus.load();
  private static final Egress EGRESS = Egress.builder().resolver(HostResolver.fixed(CORPUS.resolverTable())).build();
  /** The rules of {@link UrlTools#open} and {@link UrlTools#listed}, to compute the checked URL they echo. */
  private static final Map<String, UrlPolicy> POLICIES = Map.of(
      "open", UrlPolicy.builder().schemes("https", "http").build(),
      "listed", UrlPolicy.builder().schemes("https").hosts("api.example.com", "*.example.org",
          "xn--bcher-kva.example.com").ports(443, 8443).build());

  private static Map<String, String> env(String mode, int originPort) {
    return Map.of("TOOLWARDEN_IT_SSRF_CORPUS", Path.of(System.getProperty(ItSsrfCorpus.FILE_PROPERTY)).toString(),
        "TOOLWARDEN_IT_URL_MODE", mode, "TOOLWARDEN_IT_ORIGIN_PORT", Integer.toString(originPort));
  }

  private interface Connector {
    McpSyncClient connect(Map<String, String> env);
  }

  private static McpSyncClient client(McpClientTransport transport) {
    McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(30)).build();
    client.initialize();
    return client;
  }

  private static String text(McpSchema.CallToolResult r) {
    StringBuilder b = new StringBuilder();
    r.content().forEach(c -> b.append(((McpSchema.TextContent) c).text()));
    return b.toString();
  }

  private static McpSchema.CallToolRequest call(String tool, String url) {
    return McpSchema.CallToolRequest.builder(tool).arguments(Map.of("url", url)).build();
  }

  private static String refusal(String name) {
    return "url refused: " + Refusal.valueOf(name).reason() + " [TW-SAFE-URL]";
  }

  private void runCorpus(Connector connector, String transport) throws Exception {
    List<String> failures = new ArrayList<>();
    try (ItOrigin origin = new ItOrigin()) {
      try (McpSyncClient client = connector.connect(env("echo", origin.port()))) {
        for (List<String> p : CORPUS.echoPayloads()) {
          McpSchema.CallToolResult r = client.callTool(call(p.get(0), p.get(2)));
          String text = text(r);
          boolean ok = p.get(1).equals("OK")
              ? !Boolean.TRUE.equals(r.isError()) && text.equals(SafeUrls.check(POLICIES.get(p.get(0)), EGRESS,
                  p.get(2)).toString())
              : Boolean.TRUE.equals(r.isError())
                  && text.equals("Invalid arguments for tool '" + p.get(0) + "':\n/url: " + refusal(p.get(1)));
          if (!ok) {
            failures.add(p + " => " + text);
          }
        }
      }
      List<List<String>> redirects = CORPUS.redirects(origin.port());
      try (McpSyncClient client = connector.connect(env("fetch", origin.port()))) {
        for (List<String> p : redirects) {
          McpSchema.CallToolResult r = client.callTool(call("fetch", p.get(2)));
          String expected = p.get(1).equals("OK") ? ItOrigin.HELLO : refusal(p.get(1));
          if (Boolean.TRUE.equals(r.isError()) == p.get(1).equals("OK") || !text(r).equals(expected)) {
            failures.add(p + " => " + text(r));
          }
        }
      }
      long followed = redirects.stream().filter(p -> p.get(1).equals("OK")).count();
      assertEquals(followed, origin.paths().stream().filter("/ok"::equals).count(),
          transport + ": only legitimate hops reach the origin: " + origin.paths());
    }
    assertTrue(failures.isEmpty(), transport + ":\n" + String.join("\n", failures));
    assertTrue(CORPUS.echoPayloads().stream().filter(p -> !p.get(1).equals("OK")).count() >= 100);
  }

  @Test
  void overStdio() throws Exception {
    runCorpus(env -> {
      ServerParameters parameters = ServerParameters.builder(Path.of(System.getProperty("java.home"), "bin", "java")
              .toString())
          .args("-cp", System.getProperty("java.class.path"), UrlToolsServer.class.getName(), "stdio")
          .env(env).build();
      StdioClientTransport transport = new StdioClientTransport(parameters, McpJsonDefaults.getMapper());
      transport.setStdErrorHandler(line -> { });
      McpSyncClient client = client(transport);
      ProcessReaper.childrenRunning(UrlToolsServer.class.getName()).forEach(REAPER::track);
      return client;
    }, "stdio");
  }

  @Test
  void overStreamableHttp() throws Exception {
    runCorpus(env -> {
      ServerProcess server = ServerProcess.http(ServerProcess.Launch.mainClass(UrlToolsServer.class).withEnv(env),
          REAPER);
      URI url = server.url();
      return client(HttpClientStreamableHttpTransport.builder("http://" + url.getAuthority())
          .endpoint(url.getPath()).build());
    }, "http");
  }
}
