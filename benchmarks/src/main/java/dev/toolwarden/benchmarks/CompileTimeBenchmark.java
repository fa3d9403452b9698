package dev.toolwarden.benchmarks;

import dev.toolwarden.processor.ToolwardenProcessor;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compile time of a generated project with N tools: javac alone, javac with the processor but the
 * secret scan off, and javac with everything on — alternated in one run, medians and ratios.
 *
 * <p>{@code java -cp <benchmarks classpath> dev.toolwarden.benchmarks.CompileTimeBenchmark [tools...] [--runs N]}
 */
public final class CompileTimeBenchmark {

  private CompileTimeBenchmark() {}

  public static void main(String[] args) throws IOException {
    List<Integer> sizes = new ArrayList<>();
    int runs = 7;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--runs")) {
        runs = Integer.parseInt(args[++i]);
      } else {
        sizes.add(Integer.parseInt(args[i]));
      }
    }
    if (sizes.isEmpty()) {
      sizes = List.of(10, 100, 1000);
    }
    System.out.println("# javac in process, alternating modes, medians of " + runs + " runs; " + Stats.load());
    System.out.printf(Locale.ROOT, "%6s %10s %14s %10s %10s %12s %14s %14s %12s %10s%n", "tools", "javac ms",
        "+proc,no scan", "+all ms", "ratio all", "scan share", "proc-only ms", "added ms/tool", "flow added", "flow cpu");
    for (int tools : sizes) {
      Path dir = Files.createTempDirectory("tw-compile-bench");
      List<File> sources = generate(dir, tools);
      long[] plain = new long[runs];
      long[] noScan = new long[runs];
      long[] full = new long[runs];
      long[] procOnly = new long[runs];
      long[] noFlow = new long[runs];
      long[] fullCpu = new long[runs];
      long[] noFlowCpu = new long[runs];
      compile(sources, dir, "none"); // warm the compiler and the processor once
      compile(sources, dir, "full");
      for (int r = 0; r < runs; r++) {
        plain[r] = compile(sources, dir, "none");
        noScan[r] = compile(sources, dir, "noscan");
        long cpu = threadCpuMillis();
        full[r] = compile(sources, dir, "full");
        fullCpu[r] = threadCpuMillis() - cpu;
        procOnly[r] = compile(sources, dir, "proconly");
        cpu = threadCpuMillis();
        noFlow[r] = compile(sources, dir, "noflow");
        noFlowCpu[r] = threadCpuMillis() - cpu;
      }
      double p = median(plain);
      double n = median(noScan);
      double f = median(full);
      // scan share: the secret scan's part of what the processor adds; added ms/tool must stay flat (linear growth)
      // flow added: what the tool-body flow analysis adds to the whole compilation with everything on, in wall time
      // and in the compiling thread's CPU time (javac compiles on the calling thread): on a loaded machine the wall
      // time of a 1-2 s compile swings by more than the analysis costs, the thread's CPU time much less
      double nf = median(noFlow);
      double fc = median(fullCpu);
      double nfc = median(noFlowCpu);
      System.out.printf(Locale.ROOT, "%6d %10.0f %14.0f %10.0f %9.2fx %11.1f%% %14.0f %14.2f %11.1f%% %9.1f%%%n", tools,
          p, n, f, f / p, 100 * (f - n) / Math.max(1, f - p), median(procOnly), (f - p) / tools, 100 * (f - nf) / nf,
          100 * (fc - nfc) / nfc);
    }
    System.out.println("# done; " + Stats.load());
  }

  /** CPU time of this thread, in milliseconds. */
  private static long threadCpuMillis() {
    return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1_000_000;
  }

  private static long compile(List<File> sources, Path dir, String mode) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    Path out = Files.createTempDirectory(dir, "out");
    List<String> options = new ArrayList<>(List.of("-d", out.toString(), "-cp", System.getProperty("java.class.path"),
        "--release", "17", "-implicit:none"));
    if (mode.equals("none")) {
      options.add("-proc:none");
    } else if (mode.equals("noscan")) {
      options.add("-Atoolwarden.secrets=off");
    } else if (mode.equals("proconly")) {
      options.add("-proc:only");
    } else if (mode.equals("noflow")) {
      options.add("-Atoolwarden.flow=off");
    }
    try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null)) {
      Iterable<? extends JavaFileObject> units = files.getJavaFileObjectsFromFiles(sources);
      long start = System.nanoTime();
      JavaCompiler.CompilationTask task = javac.getTask(new PrintWriter(OutputStream.nullOutputStream()), files,
          null, options, null, units);
      if (!mode.equals("none")) {
        task.setProcessors(List.of(new ToolwardenProcessor()));
      }
      if (!task.call()) {
        throw new IllegalStateException("generated project does not compile in mode " + mode);
      }
      return (System.nanoTime() - start) / 1_000_000;
    }
  }

  /** Classes of ten tools each, with constraints, records and a little method body to scan. */
  static List<File> generate(Path dir, int tools) throws IOException {
    Path pkg = Files.createDirectories(dir.resolve("src/bench"));
    List<File> files = new ArrayList<>();
    int classes = (tools + 9) / 10;
    for (int c = 0; c < classes; c++) {
      StringBuilder b = new StringBuilder();
      b.append("package bench;\n\nimport dev.toolwarden.*;\nimport jakarta.validation.constraints.*;\n")
          .append("import java.util.*;\n\n")
          .append("@RequiresScope(\"bench:").append(c).append("\")\npublic class Tools").append(c).append(" {\n")
          .append("  public record Item(@NotBlank @Size(max = 40) String name, @Min(0) int count, ")
          .append("List<@Size(max = 10) String> tags) {}\n")
          .append("  private static final String GREETING = \"hello from tools ").append(c).append("\";\n");
      for (int t = 0; t < 10 && c * 10 + t < tools; t++) {
        int n = c * 10 + t;
        b.append("  /** Tool ").append(n).append(". @param query what to find @param limit at most this many */\n")
            .append("  @McpTool(name = \"tool_").append(n).append("\")\n")
            .append("  public List<Item> tool").append(n)
            .append("(@Size(min = 1, max = 200) String query, @Min(1) @Max(100) @ToolParam(defaultValue = \"10\") ")
            .append("int limit, Optional<Item> filter, @Email String owner) {\n")
            .append("    String message = GREETING + \" \" + query;\n")
            .append("    return List.of(new Item(message, limit, List.of(\"a\", \"b\")));\n  }\n");
      }
      b.append("}\n");
      Path f = pkg.resolve("Tools" + c + ".java");
      Files.writeString(f, b.toString());
      files.add(f.toFile());
    }
    return files;
  }

  private static double median(long[] values) {
    long[] v = Arrays.copyOf(values, values.length);
    Arrays.sort(v);
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2.0;
  }
}
