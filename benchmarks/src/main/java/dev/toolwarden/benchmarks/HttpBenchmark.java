package dev.toolwarden.benchmarks;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * tools/call over Streamable HTTP, sequential and with 8 and 32 concurrent clients (one session and
 * one connection each): Toolwarden with every policy (scope, rate limit, generated validation, output
 * redaction, audit), the same with OAuth (JWT RS256 verified on every request), the same with the OpenTelemetry
 * SDK recording a span and the metrics of every call, and the bare SDK with
 * its own validation. Each server runs in its own JVM; the servers alternate within every round.
 *
 * <p>{@code java -cp toolwarden-benchmarks.jar dev.toolwarden.benchmarks.HttpBenchmark [--seconds 3]
 * [--rounds 3] [--clients 1,8,32] [--servers bare-sdk,toolwarden,toolwarden-2026,toolwarden+oauth] [--jfr DIR]
 * [--feature tool]}
 * ({@code --feature resource}: {@code resources/read} of a resource template instead, ResourceTools served by
 * Toolwarden with every policy vs the same template by hand on the bare SDK; only those two servers)
 * ({@code --servers} may add {@code toolwarden-sync-audit}: the audit line written on the request thread, as
 * before issue 16; {@code toolwarden-2026} is the "toolwarden" server process itself, called by
 * stateless MCP 2026-07-28 clients — no initialize, no session, {@code _meta} and the {@code Mcp-*} headers on every
 * request — so one run prints both eras side by side, the ratio in "p50 vs off"); with
 * {@code --jfr} every server JVM records a flight recording ({@code DIR/<server>.jfr}, profile "profile"),
 * written when the benchmark ends: read it with {@code jfr print} / {@code jfr summary}. "server CPU us" is
 * the server process's CPU time (user + system) per call over its rounds: unlike latency on a loaded
 * machine, it hardly moves with the load.
 */
public final class HttpBenchmark {

  private HttpBenchmark() {}

  static final String CALL = "{\"name\":\"lookup\",\"arguments\":{\"id\":\"acct-42\",\"count\":7}}";
  static final String READ = "{\"uri\":\"accounts://acct-42/statements/7\"}";

  /**
   * What every client sends: tools/call of PipelineTools.lookup, or resources/read of ResourceTools.statement;
   * {@code mcpName} is the request's {@code Mcp-Name} header in MCP 2026-07-28.
   */
  record Request(String method, String params, String mcpName, String serverTools, String expect) {
    static final Request TOOL = new Request("tools/call", CALL, "lookup", "lookup", "****1111");
    static final Request RESOURCE = new Request("resources/read", READ, "accounts://acct-42/statements/7", "resources",
        "****1111");
  }

  /** The server label of the Toolwarden server called in MCP 2026-07-28: the same process as "toolwarden". */
  static final String MODERN = "toolwarden-2026";

  static Request request = Request.TOOL;

  public static void main(String[] args) throws Exception {
    double seconds = 3;
    int rounds = 3;
    List<Integer> clientCounts = List.of(1, 8, 32);
    List<String> only = List.of("bare-sdk", "toolwarden", "toolwarden+oauth", "toolwarden+otel");
    String jfr = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--seconds" -> seconds = Double.parseDouble(args[++i]);
        case "--rounds" -> rounds = Integer.parseInt(args[++i]);
        case "--clients" -> clientCounts = Arrays.stream(args[++i].split(",")).map(Integer::valueOf).toList();
        case "--servers" -> only = List.of(args[++i].split(","));
        case "--jfr" -> jfr = args[++i];
        case "--feature" -> request = switch (args[++i]) {
          case "tool" -> Request.TOOL;
          case "resource" -> Request.RESOURCE;
          default -> throw new IllegalArgumentException("--feature tool|resource");
        };
        default -> throw new IllegalArgumentException(args[i]);
      }
    }
    if (request == Request.RESOURCE) { // the OAuth and telemetry servers serve the tool only
      only = only.stream().filter(n -> n.equals("bare-sdk") || n.equals("toolwarden") || n.equals(MODERN)).toList();
    }
    Map<String, Server> servers = new LinkedHashMap<>();
    try {
      Map<String, String> impls = Map.of("bare-sdk", "sdk", "toolwarden", "toolwarden",
          "toolwarden+oauth", "toolwarden-oauth", "toolwarden+otel", "toolwarden-otel",
          "toolwarden-sync-audit", "toolwarden-sync-audit");
      for (String name : List.of("bare-sdk", "toolwarden", "toolwarden+oauth", "toolwarden+otel",
          "toolwarden-sync-audit")) {
        if (only.contains(name)) {
          servers.put(name, Server.start(impls.get(name), jfr));
        }
      }
      Server legacy = servers.get("toolwarden");
      if (only.contains(MODERN)) { // the same process as "toolwarden": only the client's era differs
        servers.put(MODERN, (legacy != null ? legacy : Server.start("toolwarden", jfr)).speaking2026());
      }
      System.out.println("# " + request.method() + " over Streamable HTTP; " + rounds + " alternating rounds of "
          + seconds
          + " s per server and client count; " + Stats.load());
      if (servers.containsKey(MODERN)) {
        System.out.println("# " + MODERN + ": the toolwarden server process, called in MCP 2026-07-28 (no initialize,"
            + " no session, _meta and Mcp-* headers on every request); its \"p50 vs off\" is p50 / toolwarden's"
            + " (2025 era: a session negotiated with initialize 2025-06-18)");
      }
      for (Server s : servers.values()) {
        run(s, 8, Math.max(1, seconds)); // warm-up, not recorded
      }
      for (int clients : clientCounts) {
        Map<String, List<long[]>> latencies = new LinkedHashMap<>();
        Map<String, List<Double>> rates = new LinkedHashMap<>();
        Map<String, double[]> cpu = new LinkedHashMap<>(); // server CPU ms, calls
        List<String> names = new ArrayList<>(servers.keySet());
        for (int r = 0; r < rounds; r++) {
          for (int k = 0; k < names.size(); k++) {
            String name = names.get((k + r) % names.size());
            Result res = run(servers.get(name), clients, seconds);
            latencies.computeIfAbsent(name, x -> new ArrayList<>()).add(res.nanos);
            rates.computeIfAbsent(name, x -> new ArrayList<>()).add(res.callsPerSecond);
            double[] c = cpu.computeIfAbsent(name, x -> new double[2]);
            c[0] += res.serverCpuMillis;
            c[1] += res.nanos.length;
          }
        }
        System.out.printf(Locale.ROOT, "%n%d client(s)%n%-18s %10s %10s %12s %12s %12s %14s%n", clients, "server",
            "p50 us", "p99 us", "calls/s", "p50 vs SDK", "p50 vs off", "server CPU us");
        double sdkP50 = 0;
        double offP50 = 0;
        for (String name : names) {
          long[] all = latencies.get(name).stream().flatMapToLong(Arrays::stream).sorted().toArray();
          double p50 = Stats.percentile(all, 50) / 1000.0;
          double p99 = Stats.percentile(all, 99) / 1000.0;
          if (name.equals("bare-sdk")) {
            sdkP50 = p50;
          }
          if (name.equals("toolwarden")) {
            offP50 = p50;
          }
          double[] c = cpu.get(name);
          System.out.printf(Locale.ROOT, "%-18s %10.0f %10.0f %12.0f %12s %12s %14.0f%n", name, p50, p99,
              Stats.median(rates.get(name)), sdkP50 > 0 ? String.format(Locale.ROOT, "%.2fx", p50 / sdkP50) : "-",
              name.startsWith("toolwarden+") || name.equals(MODERN) ? String.format(Locale.ROOT, "%.2fx", p50 / offP50) : "-",
              c[0] * 1000 / c[1]);
        }
      }
      System.out.println("# done; " + Stats.load());
    } finally {
      for (Server s : servers.values()) {
        s.process.destroy(); // SIGTERM: the JVM's shutdown hooks run, so a --jfr recording is dumped
      }
      for (Server s : servers.values()) {
        s.process.waitFor(); // the 2026 view of a process waits for the same process: harmless
      }
    }
  }

  /** Latencies, throughput, and the server process's CPU time (user + system) during the round. */
  record Result(long[] nanos, double callsPerSecond, double serverCpuMillis) {}

  static Result run(Server server, int clients, double seconds) throws Exception {
    List<McpHttp> sessions = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      sessions.add((server.modern ? McpHttp.modern(server.url, server.token) : new McpHttp(server.url, server.token))
          .open());
    }
    AtomicBoolean stop = new AtomicBoolean();
    CountDownLatch go = new CountDownLatch(1);
    List<long[]> perClient = new ArrayList<>();
    int[] counts = new int[clients];
    List<Thread> threads = new ArrayList<>();
    Throwable[] failure = new Throwable[1];
    for (int c = 0; c < clients; c++) {
      int id = c;
      long[] buf = new long[1 << 20];
      perClient.add(buf);
      Thread t = new Thread(() -> {
        try {
          go.await();
          McpHttp s = sessions.get(id);
          int n = 0;
          while (!stop.get() && n < buf.length) {
            long t0 = System.nanoTime();
            String body = s.request(request.method(), request.params(), request.mcpName());
            buf[n++] = System.nanoTime() - t0;
            if (body.contains("\"isError\":true") || !body.contains(request.expect())) {
              throw new IllegalStateException("unexpected answer: " + body);
            }
          }
          counts[id] = n;
        } catch (Throwable e) {
          failure[0] = e;
        }
      });
      t.start();
      threads.add(t);
    }
    double cpuBefore = Stats.cpuMillis(server.process.pid());
    long start = System.nanoTime();
    go.countDown();
    Thread.sleep((long) (seconds * 1000));
    stop.set(true);
    for (Thread t : threads) {
      t.join();
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    double serverCpu = Stats.cpuMillis(server.process.pid()) - cpuBefore;
    if (failure[0] != null) {
      throw new IllegalStateException(server.name + ": " + failure[0], failure[0]);
    }
    int total = Arrays.stream(counts).sum();
    long[] all = new long[total];
    int at = 0;
    for (int c = 0; c < clients; c++) {
      System.arraycopy(perClient.get(c), 0, all, at, counts[c]);
      at += counts[c];
    }
    return new Result(all, total / elapsed, serverCpu);
  }

  /** A server in its own JVM: BenchServer <impl> http lookup. */
  static final class Server {
    final String name;
    final Process process;
    final String url;
    final String token;
    /** Whether its clients speak MCP 2026-07-28 (stateless) instead of opening a 2025 session. */
    final boolean modern;

    private Server(String name, Process process, String url, String token) {
      this(name, process, url, token, false);
    }

    private Server(String name, Process process, String url, String token, boolean modern) {
      this.name = name;
      this.process = process;
      this.url = url;
      this.token = token;
      this.modern = modern;
    }

    /** This server process, called by 2026-07-28 clients. */
    Server speaking2026() {
      return new Server(MODERN, process, url, token, true);
    }

    /** A server started elsewhere (BootBenchmark's Spring Boot applications), listening at {@code url}. */
    static Server of(String name, Process process, String url) {
      return new Server(name, process, url, null);
    }

    static Server start(String impl, String jfrDir) throws Exception {
      String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
      List<String> command = new ArrayList<>(List.of(java, "-Xmx512m"));
      if (jfrDir != null) {
        command.add("-XX:StartFlightRecording=settings=profile,filename=" + new File(jfrDir, impl + ".jfr"));
      }
      command.addAll(List.of("-cp", System.getProperty("java.class.path"),
          "dev.toolwarden.benchmarks.servers.BenchServer", impl, "http", request.serverTools()));
      Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      for (String line; (line = out.readLine()) != null; ) {
        if (line.startsWith("READY ")) {
          String[] parts = line.split(" ");
          Thread drain = new Thread(() -> {
            try {
              while (out.readLine() != null) {
                // keep the pipe empty
              }
            } catch (java.io.IOException ignored) {
              // ended
            }
          });
          drain.setDaemon(true);
          drain.start();
          return new Server(impl, p, "http://127.0.0.1:" + parts[1] + "/mcp", parts.length > 2 ? parts[2] : null);
        }
      }
      throw new IllegalStateException(impl + " server did not start");
    }
  }
}
