package dev.toolwarden.benchmarks;

import dev.toolwarden.benchmarks.servers.BareSdk;
import dev.toolwarden.benchmarks.servers.BenchServer;
import dev.toolwarden.benchmarks.servers.OnlyBundles;
import dev.toolwarden.benchmarks.servers.ScaleBundle;
import dev.toolwarden.benchmarks.tools.PipelineTools;
import dev.toolwarden.runtime.RunningServer;
import dev.toolwarden.runtime.Toolwarden;
import dev.toolwarden.runtime.http.HttpOptions;
import io.modelcontextprotocol.json.McpJsonDefaults;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * Scale, in one JVM: tools/list latency over Streamable HTTP with 1, 100 and 10,000 tools, Toolwarden
 * against the bare SDK with the same tools; and the heap retained per idle HTTP session (initialize +
 * initialized, then nothing), Toolwarden against the bare SDK.
 *
 * <p>{@code java -Xmx1g -cp toolwarden-benchmarks.jar dev.toolwarden.benchmarks.ScaleBenchmark [--tools 1,100,10000]
 * [--sessions 1000]}
 */
public final class ScaleBenchmark {

  private ScaleBenchmark() {}

  public static void main(String[] args) throws Exception {
    List<Integer> sizes = List.of(1, 100, 10_000);
    int sessions = 1000;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--tools" -> sizes = Arrays.stream(args[++i].split(",")).map(Integer::valueOf).toList();
        case "--sessions" -> sessions = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException(args[i]);
      }
    }
    System.out.println("# tools/list over Streamable HTTP, in one JVM; " + Stats.load());
    System.out.printf(Locale.ROOT, "%8s %16s %16s %12s %12s%n", "tools", "toolwarden ms", "bare SDK ms", "ratio",
        "KiB/answer");
    for (int tools : sizes) {
      ScaleBundle.count = tools;
      RunningServer tw = Toolwarden.server("bench", "1.0.0")
          .classLoader(new OnlyBundles(ScaleBundle.class.getName()))
          .tools(new ScaleBundle.Target())
          .httpClientLimit(0, Duration.ofMinutes(1))
          .http(HttpOptions.loopback(0));
      Server sdk = BenchServer.sdkHttp(0, BareSdk.manyTools(tools, McpJsonDefaults.getMapper()));
      try {
        String sdkUrl = "http://127.0.0.1:" + ((ServerConnector) sdk.getConnectors()[0]).getLocalPort() + "/mcp";
        McpHttp a = new McpHttp(tw.url(), null).open();
        McpHttp b = new McpHttp(sdkUrl, null).open();
        int reps = tools >= 10_000 ? 15 : tools >= 100 ? 100 : 400;
        int warm = Math.max(3, reps / 3);
        int size = 0;
        for (int w = 0; w < warm; w++) {
          size = check(a.request("tools/list", null), tools).length();
          check(b.request("tools/list", null), tools);
        }
        double[] ta = new double[reps];
        double[] tb = new double[reps];
        for (int r = 0; r < reps; r++) { // alternate
          long t0 = System.nanoTime();
          a.request("tools/list", null);
          ta[r] = (System.nanoTime() - t0) / 1e6;
          t0 = System.nanoTime();
          b.request("tools/list", null);
          tb[r] = (System.nanoTime() - t0) / 1e6;
        }
        double ma = Stats.median(ta);
        double mb = Stats.median(tb);
        System.out.printf(Locale.ROOT, "%8d %16.2f %16.2f %11.2fx %12.0f%n", tools, ma, mb, ma / mb, size / 1024.0);
      } finally {
        tw.close();
        sdk.stop();
      }
    }

    System.out.println("\n# heap retained per idle HTTP session (" + sessions + " sessions, after full GC); "
        + Stats.load());
    RunningServer tw = Toolwarden.server("bench", "1.0.0")
        .classLoader(new OnlyBundles(PipelineTools.class.getName() + "_ToolBundle"))
        .tools(new PipelineTools())
        .httpClientLimit(0, Duration.ofMinutes(1))
        .http(HttpOptions.loopback(0));
    Server sdk = BenchServer.sdkHttp(0, List.of(BareSdk.lookup(McpJsonDefaults.getMapper())));
    try {
      String sdkUrl = "http://127.0.0.1:" + ((ServerConnector) sdk.getConnectors()[0]).getLocalPort() + "/mcp";
      double perTw = perSession(tw.url(), sessions);
      double perSdk = perSession(sdkUrl, sessions);
      System.out.printf(Locale.ROOT, "%-12s %10.2f KiB/session%n%-12s %10.2f KiB/session%n%-12s %10.2fx%n",
          "toolwarden", perTw / 1024, "bare-sdk", perSdk / 1024, "ratio", perTw / perSdk);
    } finally {
      tw.close();
      sdk.stop();
    }
    System.out.println("# done; " + Stats.load());
    System.exit(0); // SDK/Reactor and HttpClient threads would keep the JVM alive
  }

  private static String check(String body, int tools) {
    if (body.split("\"inputSchema\"", -1).length - 1 != tools) {
      throw new IllegalStateException("tools/list did not list " + tools + " tools");
    }
    return body;
  }

  /** Opens sessions (one shared client), keeping only their ids; bytes of heap retained per session. */
  static double perSession(String url, int count) throws Exception {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    List<String> ids = new ArrayList<>(count);
    open(http, url, 20, new ArrayList<>()); // warm the code paths (these sessions count in neither reading)
    long before = usedHeapAfterGc();
    open(http, url, count, ids);
    long after = usedHeapAfterGc();
    if (ids.size() != count) {
      throw new IllegalStateException("opened " + ids.size() + " sessions");
    }
    // the ids themselves (~100 B each with their list slot) live in this JVM too: subtract them
    return (after - before) / (double) count - 100;
  }

  private static void open(HttpClient http, String url, int count, List<String> ids) throws Exception {
    for (int i = 0; i < count; i++) {
      HttpResponse<String> r = http.send(request(url, null, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\","
          + "\"params\":{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"bench\","
          + "\"version\":\"1\"}}}"), HttpResponse.BodyHandlers.ofString());
      String id = r.headers().firstValue("mcp-session-id").orElseThrow();
      http.send(request(url, id, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}"),
          HttpResponse.BodyHandlers.discarding());
      ids.add(id);
    }
  }

  private static HttpRequest request(String url, String session, String body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
        .header("Accept", "application/json, text/event-stream").POST(HttpRequest.BodyPublishers.ofString(body));
    if (session != null) {
      b.header("Mcp-Session-Id", session).header("MCP-Protocol-Version", "2025-06-18");
    }
    return b.build();
  }

  static long usedHeapAfterGc() throws InterruptedException {
    var memory = ManagementFactory.getMemoryMXBean();
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 4; i++) {
      System.gc();
      Thread.sleep(100);
      used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
    }
    return used;
  }
}
