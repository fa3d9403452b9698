package dev.toolwarden.runtime.url;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwarden.runtime.RunningServer;
import dev.toolwarden.runtime.ServerBuilder;
import dev.toolwarden.runtime.Toolwarden;
import dev.toolwarden.runtime.audit.AuditEvent;
import dev.toolwarden.runtime.audit.AuditOutcome;
import dev.toolwarden.runtime.http.HttpOptions;
import dev.toolwarden.runtime.internal.url.Refusal;
import dev.toolwarden.runtime.internal.url.UrlArguments;
import dev.toolwarden.runtime.testtools.StdioSession;
import dev.toolwarden.runtime.testtools.UrlTools;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The whole SSRF corpus as {@code tools/call} requests over both transports, stdio (real JSON-RPC
 * lines) and Streamable HTTP (the SDK's client). Two servers each time: one whose tools echo the
 * checked URL (the {@code open} and {@code listed} payloads; nothing trusted), and one whose tool
 * fetches from a real loopback origin with {@link SafeHttpClient} (the {@code redirect}
 * payloads; only that origin's 127.0.0.1 trusted, by the test). Every refusal must be an
 * {@code isError} result naming the rule, never an address.
 */
@Timeout(180)
class UrlCorpusOverTransportsTest {

  private static final SsrfCorpus CORPUS = SsrfCorpus.load();

  private interface Transport {
    McpSchema.CallToolResult call(String tool, String url) throws Exception;
  }

  private interface Session extends AutoCloseable {
    Transport transport();

    @Override
    void close() throws java.io.IOException;
  }

  private interface Starter {
    Session start(ServerBuilder server, String name) throws Exception;
  }

  private static ServerBuilder echoServer(List<AuditEvent> events, SafeHttpClient http) {
    return Toolwarden.server("url-corpus", "1.0.0").tools(new UrlTools(http))
        .egress(Egress.builder().resolver(CORPUS.resolver()).build())
        .auditSink(events::add).httpClientLimit(0, Duration.ofMinutes(1));
  }

  private static ServerBuilder fetchServer(List<AuditEvent> events, SafeHttpClient http) {
    return Toolwarden.server("url-fetch", "1.0.0").tools(new UrlTools(http))
        .egress(CORPUS.trustingOrigin())
        .auditSink(events::add).httpClientLimit(0, Duration.ofMinutes(1));
  }

  private void runCorpus(Starter starter, String name) throws Exception {
    List<String> failures = new ArrayList<>();
    try (LoopbackOrigin origin = LoopbackOrigin.onFixedPort();
        SafeHttpClient http = SafeHttpClient.builder().policy(SsrfCorpus.redirectPolicy(origin.port()))
            .egress(CORPUS.trustingOrigin()).maxRedirects(5).build()) {
      List<AuditEvent> echoEvents = new CopyOnWriteArrayList<>();
      try (Session s = starter.start(echoServer(echoEvents, http), "url-corpus")) {
        for (SsrfCorpus.Payload p : CORPUS.payloads()) {
          McpSchema.CallToolResult r = s.transport().call(p.policy(), p.url());
          String text = StdioSession.text(r);
          if (p.expected().equals(SsrfCorpus.OK)) {
            String checked = SafeUrls.check(UrlArguments.policy(SsrfCorpus.rule(p.policy(), "/url")),
                Egress.builder().resolver(CORPUS.resolver()).build(), p.url()).toString();
            if (Boolean.TRUE.equals(r.isError()) || !text.equals(checked)) {
              failures.add(p + " => " + text);
            }
          } else if (!Boolean.TRUE.equals(r.isError()) || !text.equals("Invalid arguments for tool '" + p.policy()
              + "':\n/url: url refused: " + Refusal.valueOf(p.expected()).reason() + " [TW-SAFE-URL]")) {
            failures.add(p + " => " + text);
          }
        }
      }
      long refused = CORPUS.payloads().stream().filter(p -> !p.expected().equals(SsrfCorpus.OK)).count();
      assertEquals(refused, echoEvents.stream().filter(e -> e.outcome() == AuditOutcome.VALIDATION_REJECTED).count(),
          name + ": one rejection event per refused payload");

      List<AuditEvent> fetchEvents = new CopyOnWriteArrayList<>();
      List<SsrfCorpus.Payload> redirects = CORPUS.redirects(origin.port());
      try (Session s = starter.start(fetchServer(fetchEvents, http), "url-fetch")) {
        for (SsrfCorpus.Payload p : redirects) {
          McpSchema.CallToolResult r = s.transport().call("fetch", p.url());
          String text = StdioSession.text(r);
          String expected = p.expected().equals(SsrfCorpus.OK) ? LoopbackOrigin.HELLO
              : "url refused: " + Refusal.valueOf(p.expected()).reason() + " [TW-SAFE-URL]";
          if (Boolean.TRUE.equals(r.isError()) == p.expected().equals(SsrfCorpus.OK) || !text.equals(expected)) {
            failures.add(p + " => " + text);
          }
        }
        // an argument that names a private host directly is refused when the call arrives
        McpSchema.CallToolResult direct = s.transport().call("fetch", "http://internal.lab.test:" + origin.port() + "/ok");
        assertEquals("Invalid arguments for tool 'fetch':\n/url: url refused: host does not resolve to an allowed"
            + " address [TW-SAFE-URL]", StdioSession.text(direct));
      }
      long followed = redirects.stream().filter(p -> p.expected().equals(SsrfCorpus.OK)).count();
      assertEquals(followed, origin.requests().stream().filter(r -> r.endsWith(" /ok")).count(),
          name + ": only legitimate hops reach the origin: " + origin.requests());
      assertEquals(redirects.size() - followed,
          fetchEvents.stream().filter(e -> e.outcome() == AuditOutcome.ERROR).count(), name);
    }
    assertTrue(failures.isEmpty(), name + ":\n" + String.join("\n", failures));
  }

  @Test
  void overStreamableHttp() throws Exception {
    runCorpus((server, name) -> {
      RunningServer running = server.http(HttpOptions.loopback(0));
      McpSyncClient client = McpClient.sync(HttpClientStreamableHttpTransport.builder("http://127.0.0.1:"
              + running.port()).endpoint("/mcp").build())
          .requestTimeout(Duration.ofSeconds(20)).build();
      client.initialize();
      return new Session() {
        @Override
        public Transport transport() {
          return (tool, url) -> client.callTool(
              McpSchema.CallToolRequest.builder(tool).arguments(Map.of("url", url)).build());
        }

        @Override
        public void close() {
          client.close();
          running.close();
        }
      };
    }, "http");
  }

  @Test
  void overStdio() throws Exception {
    runCorpus((server, name) -> {
      StdioSession stdio = StdioSession.start(server, name);
      return new Session() {
        @Override
        public Transport transport() {
          return (tool, url) -> stdio.call(tool, Map.of("url", url));
        }

        @Override
        public void close() throws java.io.IOException {
          stdio.close();
        }
      };
    }, "stdio");
  }
}
