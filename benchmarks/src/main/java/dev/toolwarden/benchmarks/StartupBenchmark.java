package dev.toolwarden.benchmarks;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Whole-process start-up: from starting the JVM until the first {@code tools/list} answer over stdio,
 * with 1 and 100 tools, for Toolwarden, the same tools registered by hand on the bare SDK, Spring AI's
 * MCP server (when its jar is given) and a trivial Java program (the floor). Servers alternate within
 * each round; medians over the rounds; peak RSS (VmHWM) at the answer.
 *
 * <p>{@code java -cp toolwarden-benchmarks.jar dev.toolwarden.benchmarks.StartupBenchmark [--runs 10]
 * [--tools 1,100] [--spring benchmarks/peers/spring-ai/target/spring-ai-peer.jar] [--servers toolwarden,bare-sdk]
 * [--java /path/to/bin/java] [--aot DIR] [--train-aot] [--example examples/target/toolwarden-example.jar]
 * [--baseline-java /path/to/java17/bin/java]}
 *
 * <p>{@code --java} starts the servers on another JDK. {@code --aot DIR} (JDK 24+) starts each server with
 * {@code -XX:AOTCache=DIR/<server>-<tools>.aot}; with {@code --train-aot} the caches are made first, by one
 * training start per server with {@code -XX:AOTCacheOutput} (JEP 514: the same initialize + tools/list, then
 * the end of stdin). CPU ms (user + system of the server process at the answer) is printed beside the wall
 * time: on a loaded machine it moves much less. {@code --example} adds the example server
 * ({@code java -jar JAR stdio}, its own tools) to every table. {@code --baseline-java} adds the bare SDK on
 * that JVM without any AOT cache ({@code bare-sdk-baseline}, e.g. Java 17) and a column relative to it.
 */
public final class StartupBenchmark {

  private StartupBenchmark() {}

  public static void main(String[] args) throws Exception {
    int runs = 10;
    List<Integer> sizes = List.of(1, 100);
    String spring = null;
    String javaCmd = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    String aot = null;
    boolean train = false;
    List<String> only = null;
    String example = null;
    String baselineJava = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--runs" -> runs = Integer.parseInt(args[++i]);
        case "--tools" -> sizes = java.util.Arrays.stream(args[++i].split(",")).map(Integer::valueOf).toList();
        case "--spring" -> spring = args[++i];
        case "--java" -> javaCmd = args[++i];
        case "--aot" -> aot = args[++i];
        case "--train-aot" -> train = true;
        case "--servers" -> only = List.of(args[++i].split(","));
        case "--example" -> example = args[++i];
        case "--baseline-java" -> baselineJava = args[++i];
        default -> throw new IllegalArgumentException(args[i]);
      }
    }
    String cp = System.getProperty("java.class.path");
    List<String> keep = only;
    System.out.println("# start-up until the first tools/list answer over stdio; " + runs + " alternating runs; "
        + (aot != null ? "AOT caches in " + aot + "; " : "") + "servers on " + javaCmd + "; " + Stats.load());
    for (int tools : sizes) {
      Map<String, List<String>> commands = new LinkedHashMap<>();
      String main = "dev.toolwarden.benchmarks.servers.BenchServer";
      commands.put("toolwarden", List.of("-cp", cp, main, "toolwarden", "stdio", "" + tools));
      commands.put("bare-sdk", List.of("-cp", cp, main, "sdk", "stdio", "" + tools));
      if (keep != null && keep.contains("sdk-floor")) { // only on request: the SDK with no schema work at all
        commands.put("sdk-floor", List.of("-cp", cp, main, "sdk-floor", "stdio", "" + tools));
      }
      if (keep != null && keep.contains("toolwarden-nowarmup")) { // only on request: the A/B of JsonWarmup
        commands.put("toolwarden-nowarmup", List.of("-cp", cp, main, "toolwarden-nowarmup", "stdio", "" + tools));
      }
      if (spring != null) {
        commands.put("spring-ai", List.of("-jar", spring, "--spring.profiles.active=tools" + tools));
      }
      commands.put("trivial-java", List.of("-cp", cp, main, "trivial", "stdio", "" + tools));
      if (example != null) {
        commands.put("example", List.of("-jar", example, "stdio"));
      }
      if (keep != null) {
        commands.keySet().removeIf(name -> !keep.contains(name) && !name.equals("example"));
      }
      for (Map.Entry<String, List<String>> e : commands.entrySet()) {
        List<String> full = new ArrayList<>(List.of(javaCmd));
        if (aot != null) {
          String cache = new File(aot, e.getKey() + "-" + tools + ".aot").getPath();
          if (train) {
            List<String> training = new ArrayList<>(full);
            training.add("-XX:AOTCacheOutput=" + cache);
            training.addAll(e.getValue());
            once(training, e.getKey().equals("example") ? -1 : tools, true);
          }
          full.add("-XX:AOTCache=" + cache);
        }
        full.addAll(e.getValue());
        e.setValue(full);
      }
      if (baselineJava != null) {
        List<String> base = new ArrayList<>(List.of(baselineJava));
        base.addAll(List.of("-cp", cp, main, "sdk", "stdio", "" + tools));
        commands.put("bare-sdk-baseline", base);
      }
      Map<String, List<Double>> ms = new LinkedHashMap<>();
      Map<String, List<Double>> rss = new LinkedHashMap<>();
      Map<String, List<Double>> cpu = new LinkedHashMap<>();
      List<String> names = new ArrayList<>(commands.keySet());
      for (int r = 0; r < runs; r++) {
        for (int k = 0; k < names.size(); k++) {
          String name = names.get((k + r) % names.size()); // rotate the order every round
          double[] m = once(commands.get(name), name.equals("example") ? -1 : tools, false);
          ms.computeIfAbsent(name, x -> new ArrayList<>()).add(m[0]);
          rss.computeIfAbsent(name, x -> new ArrayList<>()).add(m[1]);
          cpu.computeIfAbsent(name, x -> new ArrayList<>()).add(m[2]);
        }
      }
      double base = ms.containsKey("bare-sdk") ? Stats.median(ms.get("bare-sdk")) : Double.NaN;
      double cpuBase = cpu.containsKey("bare-sdk") ? Stats.median(cpu.get("bare-sdk")) : Double.NaN;
      double baseline = ms.containsKey("bare-sdk-baseline") ? Stats.median(ms.get("bare-sdk-baseline")) : Double.NaN;
      double cpuBaseline = cpu.containsKey("bare-sdk-baseline") ? Stats.median(cpu.get("bare-sdk-baseline")) : Double.NaN;
      System.out.printf(Locale.ROOT, "%n%d tool(s)%n%-17s %12s %14s %16s %14s %10s %12s %14s %16s%n", tools, "server",
          "median ms", "vs bare SDK", "vs Spring AI", "peak RSS MiB", "CPU ms", "CPU vs SDK", "vs baseline", "CPU vs baseline");
      for (String name : names) {
        double med = Stats.median(ms.get(name));
        String vsSpring = ms.containsKey("spring-ai")
            ? String.format(Locale.ROOT, "%.2fx", med / Stats.median(ms.get("spring-ai"))) : "-";
        double cpuMed = Stats.median(cpu.get(name));
        System.out.printf(Locale.ROOT, "%-17s %12.0f %13.2fx %16s %14.0f %10.0f %11.2fx %14s %16s%n", name, med,
            med / base, vsSpring, Stats.median(rss.get(name)) / 1024.0, cpuMed, cpuMed / cpuBase, ratio(med, baseline),
            ratio(cpuMed, cpuBaseline));
      }
    }
    System.out.println("# done; " + Stats.load());
  }

  /** {@code value / base} as "0.42x", or "-" without a base (no {@code --baseline-java}). */
  private static String ratio(double value, double base) {
    return Double.isNaN(base) ? "-" : String.format(Locale.ROOT, "%.2fx", value / base);
  }

  /**
   * One start: [milliseconds until the tools/list answer, peak RSS KiB, CPU milliseconds until then];
   * {@code tools} is the number of tools the answer must list, or -1 for any.
   */
  static double[] once(List<String> command, int tools, boolean training) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
    long start = System.nanoTime();
    Process p = pb.start();
    try {
      OutputStream in = p.getOutputStream();
      BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      send(in, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
          + "\"capabilities\":{},\"clientInfo\":{\"name\":\"bench\",\"version\":\"1\"}}}");
      await(out, 1);
      send(in, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
      send(in, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}");
      String answer = await(out, 2);
      double ms = (System.nanoTime() - start) / 1e6;
      long rss = Stats.peakRssKib(p.pid());
      double cpuMs = Stats.cpuMillis(p.pid());
      int listed = answer.split("\"inputSchema\"", -1).length - 1;
      if (tools >= 0 && listed != tools) {
        throw new IllegalStateException(command + " listed " + listed + " tools, expected " + tools);
      }
      in.close();
      return new double[] {ms, rss, cpuMs};
    } finally {
      if (training && !p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroy(); // SIGTERM: an orderly exit, at which the JVM writes the AOT cache
        p.waitFor(120, TimeUnit.SECONDS);
      }
      if (!p.waitFor(5, TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor();
      }
    }
  }

  private static void send(OutputStream in, String line) throws java.io.IOException {
    in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    in.flush();
  }

  private static String await(BufferedReader out, int id) throws java.io.IOException {
    String marker = "\"id\":" + id;
    for (String line; (line = out.readLine()) != null; ) {
      if (line.startsWith("{") && line.contains(marker) && (line.contains("\"result\"") || line.contains("\"error\""))) {
        if (line.contains("\"error\"") && !line.contains("\"result\"")) {
          throw new IllegalStateException("error answer: " + line);
        }
        return line;
      }
    }
    throw new IllegalStateException("the server ended before answering request " + id);
  }
}
