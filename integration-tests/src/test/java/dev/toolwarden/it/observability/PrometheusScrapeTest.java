package dev.toolwarden.it.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwarden.it.support.ExampleServer;
import dev.toolwarden.it.support.FreePort;
import dev.toolwarden.it.support.ProcessReaper;
import dev.toolwarden.it.support.ServerProcess;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The observability proof: the example server (with {@code TOOLWARDEN_METRICS_PROMETHEUS}) is scraped by a real
 * Prometheus while an MCP client runs a script of successful calls, refusals of every policy and a rate-limited burst;
 * Prometheus's HTTP API must then report exactly the counts the client saw. Finally headless Chromium photographs
 * Prometheus's graph page of the README's "which tool is refused most, and why" ({@code docs/images/prometheus-refusals.png} is
 * a copy of {@code target/observability/prometheus-refusals.png}).
 */
class PrometheusScrapeTest {

  @RegisterExtension static final ProcessReaper REAPER = new ProcessReaper();

  /** The README's queries. */
  static final String REFUSED_MOST =
      "topk(5, sum by (gen_ai_tool_name, toolwarden_reason) (increase(toolwarden_refusals_total[1h])))";
  static final String P99_PER_TOOL = "histogram_quantile(0.99, sum by (le, gen_ai_tool_name)"
      + " (rate(mcp_server_operation_duration_seconds_bucket{mcp_method_name=\"tools/call\"}[5m])))";

  @TempDir
  Path temp;

  @Test
  void prometheusScrapesExactlyTheCountsTheClientSaw() throws Exception {
    Prometheus.binary();
    Chromium.binary(); // both parts present before anything starts (CI fails, elsewhere a loud skip)
    Path workspace = ExampleServer.workspace(Files.createDirectories(temp.resolve("workspace")));
    int metricsPort = FreePort.find();
    ServerProcess.Launch launch = ExampleServer.launch(workspace).withEnv(Map.of(
        "TOOLWARDEN_METRICS_PROMETHEUS", "127.0.0.1:" + metricsPort,
        // every scope but files:write: save_note is refused with scope_denied
        "TOOLWARDEN_GRANT_SCOPES", "files:read orders:read reports:run"));
    try (ServerProcess server = ServerProcess.http(launch, REAPER);
        Prometheus prometheus = Prometheus.start(Files.createDirectories(temp.resolve("prometheus")), metricsPort,
            REAPER)) {
      prometheus.awaitValue("up{job=\"" + Prometheus.JOB + "\"}", 1);
      // the zero-initialised series are scraped before the first call, so increase() counts every refusal
      prometheus.awaitValue("count(toolwarden_refusals_total)", 4 * ExampleServer.TOOL_NAMES.size());

      // after each phase, wait until Prometheus has scraped it: the graph then shows the run step by step
      Map<String, Integer> seen = runScript(server.url(), calls -> {
        try {
          prometheus.awaitValue("sum(toolwarden_calls_total)", calls);
        } catch (Exception e) {
          throw new AssertionError(e);
        }
      });
      assertEquals(expectedScript(), seen, "the script did what it meant (tool,outcome -> calls)");

      int total = total(seen);
      prometheus.awaitValue("sum(toolwarden_calls_total)", total); // the last scrape saw every call
      Map<String, Double> calls =
          prometheus.query("sum by (gen_ai_tool_name, toolwarden_outcome) (toolwarden_calls_total) > 0",
              "gen_ai_tool_name", "toolwarden_outcome");
      assertEquals(asDoubles(seen), new TreeMap<>(calls), "toolwarden_calls_total by tool and outcome");

      Map<String, Double> refusals = prometheus.query("sum by (gen_ai_tool_name, toolwarden_reason)"
          + " (toolwarden_refusals_total) > 0", "gen_ai_tool_name", "toolwarden_reason");
      Map<String, Double> refusedBySeen = new TreeMap<>();
      seen.forEach((k, v) -> {
        if (!k.endsWith(",ok") && !k.endsWith(",error")) {
          refusedBySeen.put(k, v.doubleValue());
        }
      });
      assertEquals(refusedBySeen, new TreeMap<>(refusals), "toolwarden_refusals_total by tool and reason code");

      Map<String, Double> durations = prometheus.query(
          "sum by (gen_ai_tool_name) (mcp_server_operation_duration_seconds_count)", "gen_ai_tool_name");
      Map<String, Double> perTool = new TreeMap<>();
      seen.forEach((k, v) -> perTool.merge(k.substring(0, k.indexOf(',')), v.doubleValue(), Double::sum));
      assertEquals(perTool, new TreeMap<>(durations), "one duration sample per call");

      // the README's queries run and answer for the tools of the script
      Map<String, Double> most = prometheus.query(REFUSED_MOST, "gen_ai_tool_name", "toolwarden_reason");
      assertTrue(most.getOrDefault("build_report,rate_limited", 0.0) > 0, most.toString());
      Map<String, Double> p99 = prometheus.query(P99_PER_TOOL, "gen_ai_tool_name");
      assertTrue(p99.containsKey("read_file"), p99.toString()); // NaN until two scrapes saw it change: not asserted

      Path png = Path.of(System.getProperty("toolwarden.it.buildDir", "target"), "observability",
          "prometheus-refusals.png");
      String graph = prometheus.base() + "/graph?g0.expr=" + URLEncoder.encode(REFUSED_MOST, StandardCharsets.UTF_8)
          + "&g0.tab=0&g0.stacked=0&g0.show_exemplars=0&g0.range_input=1m";
      Chromium.screenshot(graph, png, temp.resolve("chromium-profile"), 15_000, REAPER);
      byte[] head = Files.readAllBytes(png);
      assertTrue(head.length > 10_000 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G', "a PNG of the page");
    }
  }

  /** (tool,outcome) -> calls, as the script below is meant to produce them. */
  private static Map<String, Integer> expectedScript() {
    Map<String, Integer> m = new TreeMap<>();
    m.put("read_file,ok", 4);
    m.put("read_file,path_rejected", 2);
    m.put("get_order,ok", 1);
    m.put("get_order,validation_rejected", 3);
    m.put("get_order,error", 1);
    m.put("save_note,scope_denied", 2);
    m.put("crash,error", 1);
    m.put("build_report,ok", 5);
    m.put("build_report,rate_limited", 4);
    return m;
  }

  /**
   * Runs the script; returns (tool,outcome) -> calls as the client saw the results.
   *
   * @param phaseDone called after each phase with the number of calls made so far
   */
  private static Map<String, Integer> runScript(URI url, java.util.function.IntConsumer phaseDone) {
    Map<String, Integer> seen = new TreeMap<>();
    McpSyncClient client = McpClient.sync(HttpClientStreamableHttpTransport.builder("http://" + url.getAuthority())
        .endpoint(url.getPath()).build()).requestTimeout(Duration.ofSeconds(30))
        .initializationTimeout(Duration.ofSeconds(60)).build();
    try {
      client.initialize();
      for (int i = 0; i < 4; i++) {
        call(client, seen, "read_file", Map.of("path", "README.txt"));
      }
      phaseDone.accept(total(seen));
      call(client, seen, "read_file", Map.of("path", "../../etc/passwd"));
      call(client, seen, "read_file", Map.of("path", "/etc/hostname"));
      phaseDone.accept(total(seen));
      call(client, seen, "get_order", Map.of("id", "A-1001"));
      call(client, seen, "get_order", Map.of("id", "not an id"));
      call(client, seen, "get_order", Map.of());
      call(client, seen, "get_order", Map.of("id", 7));
      call(client, seen, "get_order", Map.of("id", "Z-9999")); // no such order: the tool's own error
      phaseDone.accept(total(seen));
      call(client, seen, "save_note", Map.of("path", "notes/a.md", "text", "hello"));
      call(client, seen, "save_note", Map.of("path", "notes/b.md", "text", "hello"));
      call(client, seen, "crash", Map.of());
      phaseDone.accept(total(seen));
      for (int i = 0; i < 9; i++) { // a burst against 5 a minute for everyone
        call(client, seen, "build_report", Map.of("title", "Q" + i, "sections", 1));
      }
    } finally {
      client.closeGracefully();
    }
    return seen;
  }

  private static int total(Map<String, Integer> seen) {
    return seen.values().stream().mapToInt(Integer::intValue).sum();
  }

  private static void call(McpSyncClient client, Map<String, Integer> seen, String tool, Map<String, Object> args) {
    CallToolResult r = client.callTool(McpSchema.CallToolRequest.builder(tool).arguments(args).build());
    seen.merge(tool + "," + outcomeOf(r), 1, Integer::sum);
  }

  /** The outcome as the client can tell it from the result alone. */
  static String outcomeOf(CallToolResult r) {
    if (!Boolean.TRUE.equals(r.isError())) {
      return "ok";
    }
    String text = r.content().isEmpty() ? "" : ((McpSchema.TextContent) r.content().get(0)).text();
    if (r.meta() != null && r.meta().containsKey("dev.toolwarden/retryAfterSeconds")) {
      return "rate_limited";
    }
    if (text.startsWith("Forbidden:")) {
      return "scope_denied";
    }
    if (text.startsWith("Invalid arguments")) {
      return text.contains("safePath") ? "path_rejected" : "validation_rejected";
    }
    return "error";
  }

  private static Map<String, Double> asDoubles(Map<String, Integer> m) {
    Map<String, Double> d = new TreeMap<>();
    m.forEach((k, v) -> d.put(k, v.doubleValue()));
    return d;
  }
}
