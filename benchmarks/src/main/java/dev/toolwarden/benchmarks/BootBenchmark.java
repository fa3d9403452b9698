package dev.toolwarden.benchmarks;

import java.io.File;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.http.HttpTimeoutException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Spring Boot with toolwarden-spring-boot-starter ({@code peers/toolwarden-boot}) vs Spring AI 2.0's MCP server
 * ({@code peers/spring-ai}), the same tools, in the same run:
 * <ol>
 *   <li>start-up over stdio: from starting the JVM until the first {@code tools/list} answer, peak RSS (VmHWM) and the
 *       process's CPU time at that moment ({@link StartupBenchmark#once}), with 1 and 100 tools — each framework's
 *       stdio deployment: Spring AI's stdio starter, Toolwarden's starter without the servlet container
 *       ({@code --subject-stdio}, the subject's {@code -Pstdio} build; the {@code --subject} jar when not given);</li>
 *   <li>the same over Streamable HTTP (both on Tomcat): the driver polls until {@code initialize} is answered, then
 *       asks {@code tools/list};</li>
 *   <li>{@code tools/call} over Streamable HTTP: Toolwarden's {@code lookup} with every policy (scope, rate limit,
 *       generated validation, output redaction, audit through Logback) vs Spring AI's {@code lookup} with none,
 *       sequential and concurrent clients, alternating rounds ({@link HttpBenchmark#run}).</li>
 * </ol>
 * Servers alternate within every round (the order rotates); medians over the rounds.
 *
 * <p>{@code java -cp toolwarden-benchmarks.jar dev.toolwarden.benchmarks.BootBenchmark --subject
 * benchmarks/peers/toolwarden-boot/target/toolwarden-boot-subject.jar [--subject-stdio
 * benchmarks/peers/toolwarden-boot/target/stdio/toolwarden-boot-subject-stdio.jar] --spring
 * benchmarks/peers/spring-ai/target/spring-ai-peer.jar --spring-http
 * benchmarks/peers/spring-ai/target/http/spring-ai-peer-http.jar [--runs 7] [--tools 1,100]
 * [--parts stdio,http-startup,http-call] [--seconds 3] [--rounds 3] [--clients 1,8,32]}
 */
public final class BootBenchmark {

  private BootBenchmark() {}

  public static void main(String[] args) throws Exception {
    String subject = null;
    String subjectStdio = null;
    String spring = null;
    String springHttp = null;
    int runs = 7;
    List<Integer> sizes = List.of(1, 100);
    List<String> parts = List.of("stdio", "http-startup", "http-call");
    double seconds = 3;
    int rounds = 3;
    List<Integer> clientCounts = List.of(1, 8, 32);
    // --stdio-variant NAME=ARGS: one more stdio row, the stdio subject with extra (space-separated) JVM options and
    // --application arguments, for an A/B of a setting in the same alternating run
    Map<String, List<String>> stdioVariants = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--subject" -> subject = args[++i];
        case "--subject-stdio" -> subjectStdio = args[++i];
        case "--spring" -> spring = args[++i];
        case "--spring-http" -> springHttp = args[++i];
        case "--runs" -> runs = Integer.parseInt(args[++i]);
        case "--tools" -> sizes = Arrays.stream(args[++i].split(",")).map(Integer::valueOf).toList();
        case "--parts" -> parts = List.of(args[++i].split(","));
        case "--seconds" -> seconds = Double.parseDouble(args[++i]);
        case "--rounds" -> rounds = Integer.parseInt(args[++i]);
        case "--clients" -> clientCounts = Arrays.stream(args[++i].split(",")).map(Integer::valueOf).toList();
        case "--stdio-variant" -> {
          String[] variant = args[++i].split("=", 2);
          stdioVariants.put("toolwarden-" + variant[0], List.of(variant[1].trim().split(" +")));
        }
        default -> throw new IllegalArgumentException(args[i]);
      }
    }
    if (subject == null || spring == null || springHttp == null) {
      throw new IllegalArgumentException("--subject, --spring and --spring-http are required");
    }
    String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    System.out.println("# Spring Boot + Toolwarden starter vs Spring AI MCP server; " + Stats.load());
    for (int tools : sizes) {
      if (parts.contains("stdio")) {
        Map<String, List<String>> commands = new LinkedHashMap<>();
        commands.put("toolwarden-boot", List.of(java, "-jar", subjectStdio != null ? subjectStdio : subject,
            "--spring.profiles.active=tools" + tools, "--toolwarden.transport=stdio"));
        for (Map.Entry<String, List<String>> variant : stdioVariants.entrySet()) {
          List<String> command = new ArrayList<>(commands.get("toolwarden-boot"));
          for (String arg : variant.getValue()) { // JVM options before -jar, the application's after it
            if (arg.startsWith("--")) {
              command.add(arg);
            } else {
              command.add(1, arg);
            }
          }
          commands.put(variant.getKey(), command);
        }
        commands.put("spring-ai", List.of(java, "-jar", spring, "--spring.profiles.active=tools" + tools));
        table("start-up until the first tools/list, stdio, " + tools + " tool(s)", runs, commands,
            command -> StartupBenchmark.once(command, tools, false));
      }
      if (parts.contains("http-startup")) {
        Map<String, List<String>> commands = new LinkedHashMap<>();
        commands.put("toolwarden-boot", List.of(java, "-jar", subject, "--spring.profiles.active=tools" + tools));
        commands.put("spring-ai", springHttpCommand(java, springHttp, "tools" + tools));
        table("start-up until the first tools/list, Streamable HTTP on Tomcat, " + tools + " tool(s)", runs, commands,
            command -> httpStartup(command, tools));
      }
    }
    if (parts.contains("http-call")) {
      calls(java, subject, springHttp, seconds, rounds, clientCounts);
    }
    System.out.println("# done; " + Stats.load());
  }

  /** Spring AI on Spring MVC: the stdio peer's properties turned to Streamable HTTP. */
  static List<String> springHttpCommand(String java, String jar, String profile) {
    return List.of(java, "-jar", jar, "--spring.profiles.active=" + profile, "--spring.main.web-application-type=servlet",
        "--spring.ai.mcp.server.stdio=false", "--spring.ai.mcp.server.protocol=STREAMABLE",
        "--server.address=127.0.0.1");
  }

  interface Start {
    double[] once(List<String> command) throws Exception;
  }

  /** Alternating starts, then one line per server: medians of time, peak RSS and CPU, and their ratios. */
  static void table(String title, int runs, Map<String, List<String>> commands, Start start) throws Exception {
    Map<String, List<double[]>> results = new LinkedHashMap<>();
    List<String> names = new ArrayList<>(commands.keySet());
    for (int r = 0; r < runs; r++) {
      for (int k = 0; k < names.size(); k++) {
        String name = names.get((k + r) % names.size());
        results.computeIfAbsent(name, x -> new ArrayList<>()).add(start.once(commands.get(name)));
      }
    }
    double[] peer = medians(results.get("spring-ai"));
    System.out.printf(Locale.ROOT, "%n%s (%d alternating runs, medians; %s)%n%-16s %10s %13s %12s %13s %8s %12s%n",
        title, runs, Stats.load(), "server", "ms", "vs Spring AI", "peak RSS MiB", "vs Spring AI", "CPU ms",
        "vs Spring AI");
    for (String name : names) {
      double[] m = medians(results.get(name));
      System.out.printf(Locale.ROOT, "%-16s %10.0f %12.2fx %12.0f %12.2fx %8.0f %11.2fx%n", name, m[0], m[0] / peer[0],
          m[1] / 1024.0, m[1] / peer[1], m[2], m[2] / peer[2]);
    }
  }

  private static double[] medians(List<double[]> runs) {
    double[] out = new double[3];
    for (int i = 0; i < 3; i++) {
      int col = i;
      out[i] = Stats.median(runs.stream().mapToDouble(v -> v[col]).toArray());
    }
    return out;
  }

  /** One HTTP start: [ms until the tools/list answer, peak RSS KiB, CPU ms until then]. */
  static double[] httpStartup(List<String> base, int tools) throws Exception {
    int port = freePort();
    List<String> command = new ArrayList<>(base);
    command.add("--server.port=" + port);
    long start = System.nanoTime();
    Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    try {
      McpHttp session = connect(p, port, command);
      String answer = session.request("tools/list", null);
      double ms = (System.nanoTime() - start) / 1e6;
      long rss = Stats.peakRssKib(p.pid());
      double cpu = Stats.cpuMillis(p.pid());
      int listed = answer.split("\"inputSchema\"", -1).length - 1;
      if (listed != tools) {
        throw new IllegalStateException(command + " listed " + listed + " tools, expected " + tools);
      }
      return new double[] {ms, rss, cpu};
    } finally {
      stop(p);
    }
  }

  /**
   * Polls {@code initialize} every 10 ms until the server answers (the first answer is the first moment a client
   * could list the tools); fails after 120 s or when the process ends.
   */
  static McpHttp connect(Process p, int port, List<String> command) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    String url = "http://127.0.0.1:" + port + "/mcp";
    while (true) {
      try {
        return new McpHttp(url, null).open();
      } catch (ConnectException | HttpTimeoutException e) {
        // not listening yet
      } catch (java.io.IOException e) {
        // the connection was closed while the container started
      }
      if (!p.isAlive() || System.nanoTime() > deadline) {
        throw new IllegalStateException(command + " did not answer initialize on port " + port);
      }
      Thread.sleep(10);
    }
  }

  /** tools/call latency: both servers with the lookup profile, long-lived, rounds alternating. */
  static void calls(String java, String subject, String springHttp, double seconds, int rounds,
      List<Integer> clientCounts) throws Exception {
    Map<String, List<String>> commands = new LinkedHashMap<>();
    commands.put("spring-ai", springHttpCommand(java, springHttp, "lookup"));
    commands.put("toolwarden-boot", List.of(java, "-jar", subject, "--spring.profiles.active=lookup"));
    Map<String, HttpBenchmark.Server> servers = new LinkedHashMap<>();
    try {
      for (Map.Entry<String, List<String>> e : commands.entrySet()) {
        int port = freePort();
        List<String> command = new ArrayList<>(e.getValue());
        command.add("--server.port=" + port);
        Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        servers.put(e.getKey(), HttpBenchmark.Server.of(e.getKey(), p, "http://127.0.0.1:" + port + "/mcp"));
        connect(p, port, command);
      }
      System.out.printf(Locale.ROOT, "%ntools/call over Streamable HTTP: Toolwarden lookup with every policy vs Spring AI"
          + " lookup with none; %d alternating rounds of %.1f s; %s%n", rounds, seconds, Stats.load());
      for (HttpBenchmark.Server s : servers.values()) {
        HttpBenchmark.run(s, 8, seconds); // warm-up, not recorded
      }
      for (int clients : clientCounts) {
        Map<String, List<long[]>> latencies = new LinkedHashMap<>();
        Map<String, List<Double>> rates = new LinkedHashMap<>();
        Map<String, double[]> cpu = new LinkedHashMap<>();
        List<String> names = new ArrayList<>(servers.keySet());
        for (int r = 0; r < rounds; r++) {
          for (int k = 0; k < names.size(); k++) {
            String name = names.get((k + r) % names.size());
            HttpBenchmark.Result res = HttpBenchmark.run(servers.get(name), clients, seconds);
            latencies.computeIfAbsent(name, x -> new ArrayList<>()).add(res.nanos());
            rates.computeIfAbsent(name, x -> new ArrayList<>()).add(res.callsPerSecond());
            double[] c = cpu.computeIfAbsent(name, x -> new double[2]);
            c[0] += res.serverCpuMillis();
            c[1] += res.nanos().length;
          }
        }
        System.out.printf(Locale.ROOT, "%n%d client(s)%n%-16s %10s %10s %10s %16s %16s %14s%n", clients, "server",
            "p50 us", "p99 us", "calls/s", "p50 vs Spring AI", "p99 vs Spring AI", "server CPU us");
        double[] peer = null;
        for (String name : List.of("spring-ai", "toolwarden-boot")) {
          long[] all = latencies.get(name).stream().flatMapToLong(Arrays::stream).sorted().toArray();
          double p50 = Stats.percentile(all, 50) / 1000.0;
          double p99 = Stats.percentile(all, 99) / 1000.0;
          if (peer == null) {
            peer = new double[] {p50, p99};
          }
          double[] c = cpu.get(name);
          System.out.printf(Locale.ROOT, "%-16s %10.0f %10.0f %10.0f %15.2fx %15.2fx %14.0f%n", name, p50, p99,
              Stats.median(rates.get(name)), p50 / peer[0], p99 / peer[1], c[0] * 1000 / c[1]);
        }
      }
    } finally {
      for (HttpBenchmark.Server s : servers.values()) {
        stop(s.process);
      }
    }
  }

  private static void stop(Process p) throws InterruptedException {
    p.destroy();
    if (!p.waitFor(20, TimeUnit.SECONDS)) {
      p.destroyForcibly().waitFor();
    }
  }

  static int freePort() throws java.io.IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
