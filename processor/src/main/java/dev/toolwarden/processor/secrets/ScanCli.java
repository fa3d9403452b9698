package dev.toolwarden.processor.secrets;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticListener;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * Standalone literal-secret scanner: scans a directory of {@code .java} files (recursively) or a {@code
 * -sources.jar} with the same rules and tree scanner the annotation processor uses, parsing with the JDK's javac
 * parser (parse only: no classpath, no attribution), and the configuration files beside them ({@code *.properties},
 * YAML, JSON, XML, {@code .env}, {@code *.conf}) with {@link ResourceSecretScanner}.
 *
 * <pre>
 * java -cp toolwarden-processor.jar dev.toolwarden.processor.secrets.ScanCli DIR|SOURCES.jar...
 * </pre>
 *
 * <p>Prints {@code file:line:col [rule] masked-value} per finding, a line per source that cannot be parsed (which is
 * skipped), and a summary ({@code files, lines, findings, lines/s}). Exit code: 0 without findings, 1 with findings,
 * 2 on a usage error (no argument, or a path that is neither a directory nor a jar/zip).
 */
public final class ScanCli {
  /** Sources parsed per javac task, to bound memory on large jars. */
  private static final int BATCH = 200;

  private ScanCli() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** The whole command, without {@code System.exit}: returns the exit code. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0 || args[0].equals("-h") || args[0].equals("--help")) {
      err.println("usage: ScanCli <directory-of-java-sources | sources.jar>...");
      return 2;
    }
    List<Path> inputs = new ArrayList<>();
    for (String a : args) {
      Path p = Path.of(a);
      if (!Files.isDirectory(p) && !(Files.isRegularFile(p) && isArchive(p))) {
        err.println("not a directory or a .jar/.zip: " + a);
        return 2;
      }
      inputs.add(p);
    }
    Report total = new Report();
    for (Path p : inputs) {
      Report r;
      try {
        r = scan(p, f -> out.println(f.file() + ":" + f.line() + ":" + f.column() + " [" + f.ruleId() + "] "
            + f.masked()));
      } catch (UncheckedIOException e) {
        err.println(p + ": cannot read: " + e.getCause().getMessage());
        return 2;
      }
      for (String s : r.skipped) {
        out.println(s);
      }
      total.add(r);
    }
    out.println(total.summary());
    return total.findings.isEmpty() ? 0 : 1;
  }

  /** One finding of a scan: where it is and what it is (masked). */
  public record Located(String file, long line, long column, String ruleId, String masked, String contextName) {}

  /** Totals of a scan. */
  public static final class Report {
    public int files;
    public long lines;
    public long nanos;
    /** Time spent in the tree scanner and rules only (parse time excluded). */
    public long scanNanos;
    public final List<Located> findings = new ArrayList<>();
    /** One line per source that could not be parsed and was skipped. */
    public final List<String> skipped = new ArrayList<>();

    void add(Report r) {
      files += r.files;
      lines += r.lines;
      nanos += r.nanos;
      scanNanos += r.scanNanos;
      findings.addAll(r.findings);
      skipped.addAll(r.skipped);
    }

    /** Lines per second, parse and scan together. */
    public double linesPerSecond() {
      return nanos == 0 ? 0 : lines * 1e9 / nanos;
    }

    /** Lines per second of the tree scanner and rules alone. */
    public double scanLinesPerSecond() {
      return scanNanos == 0 ? 0 : lines * 1e9 / scanNanos;
    }

    public String summary() {
      return String.format(Locale.ROOT,
          "scanned %d files, %d lines, %d findings, %d skipped, %.0f lines/s (parse+scan), %.0f lines/s (scan only)",
          files, lines, findings.size(), skipped.size(), linesPerSecond(), scanLinesPerSecond());
    }
  }

  /** Callback for findings as they are found. */
  public interface Sink {
    void accept(Located finding);
  }

  /** Scans a directory of {@code .java} files or a sources jar. */
  public static Report scan(Path input, Sink sink) {
    long t0 = System.nanoTime();
    Report report = new Report();
    List<Source> resources = new ArrayList<>();
    List<Source> sources = isArchive(input) ? readJar(input, resources) : readDirectory(input, resources);
    sources.sort(Comparator.comparing(s -> s.displayName));
    for (int i = 0; i < sources.size(); i += BATCH) {
      scanBatch(sources.subList(i, Math.min(sources.size(), i + BATCH)), report, sink);
    }
    resources.sort(Comparator.comparing(s -> s.displayName));
    for (Source r : resources) {
      scanResource(r, report, sink);
    }
    report.nanos = System.nanoTime() - t0;
    return report;
  }

  /** The {@code .java} files of a directory or a sources jar, in memory and sorted by name (for other scanners). */
  public static List<JavaFileObject> javaSources(Path input) {
    List<Source> sources = isArchive(input) ? readJar(input, new ArrayList<>()) : readDirectory(input, new ArrayList<>());
    sources.sort(Comparator.comparing(s -> s.displayName));
    return new ArrayList<>(sources);
  }

  private static void scanBatch(List<Source> batch, Report report, Sink sink) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      throw new IllegalStateException("no system Java compiler: run on a JDK, not a JRE");
    }
    Map<URI, String> errors = new HashMap<>();
    Map<URI, Source> byUri = new HashMap<>();
    for (Source s : batch) {
      byUri.put(s.toUri(), s);
    }
    DiagnosticListener<JavaFileObject> listener = d -> {
      if (d.getKind() == Diagnostic.Kind.ERROR && d.getSource() != null) {
        errors.putIfAbsent(d.getSource().toUri(),
            "line " + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT).lines().findFirst().orElse(""));
      }
    };
    List<CompilationUnitTree> units = new ArrayList<>();
    Trees trees;
    try {
      JavacTask task = (JavacTask) javac.getTask(null, null, listener,
          List.of("-proc:none", "-Xlint:none", "-nowarn"), null, batch);
      for (CompilationUnitTree u : task.parse()) {
        units.add(u);
      }
      trees = Trees.instance(task);
    } catch (IOException | RuntimeException | StackOverflowError e) {
      if (batch.size() == 1) {
        report.skipped.add(batch.get(0).displayName + ": skipped, the parser failed: " + e);
        return;
      }
      for (Source s : batch) {
        scanBatch(List.of(s), report, sink); // isolate the source that breaks the parser
      }
      return;
    }
    for (CompilationUnitTree unit : units) {
      Source source = byUri.get(unit.getSourceFile().toUri());
      report.files++;
      report.lines += source.lineCount();
      String error = errors.get(source.toUri());
      if (error != null) {
        report.skipped.add(source.displayName + ": skipped, cannot parse: " + error);
        continue;
      }
      long t = System.nanoTime();
      List<SourceSecretFinding> found;
      try {
        found = TreeSecretScanner.scan(unit, trees);
      } catch (RuntimeException e) {
        report.skipped.add(source.displayName + ": skipped, scanner failed: " + e);
        continue;
      } finally {
        report.scanNanos += System.nanoTime() - t;
      }
      for (SourceSecretFinding f : found) {
        Located l = new Located(source.displayName, f.line(), f.column(), f.ruleId(), f.finding().masked(),
            f.contextName());
        report.findings.add(l);
        sink.accept(l);
      }
    }
  }

  /** A configuration file (properties, YAML, JSON, XML, .env, .conf), scanned value by value with its key. */
  private static void scanResource(Source r, Report report, Sink sink) {
    report.files++;
    report.lines += r.lineCount();
    long t = System.nanoTime();
    List<ResourceSecretScanner.Finding> found = ResourceSecretScanner.scan(r.displayName, r.content);
    report.scanNanos += System.nanoTime() - t;
    for (ResourceSecretScanner.Finding f : found) {
      Located l = new Located(r.displayName, f.line(), 1, f.finding().ruleId(), f.finding().masked(), f.key());
      report.findings.add(l);
      sink.accept(l);
    }
  }

  private static boolean isArchive(Path p) {
    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
    return n.endsWith(".jar") || n.endsWith(".zip");
  }

  private static List<Source> readDirectory(Path dir, List<Source> resources) {
    List<Source> out = new ArrayList<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        if (Files.isRegularFile(f) && f.getFileName().toString().endsWith(".java")) {
          out.add(new Source(f.toString(), f.toUri(), decode(Files.readAllBytes(f))));
        } else if (Files.isRegularFile(f) && ResourceSecretScanner.isResource(f.getFileName().toString())) {
          resources.add(new Source(f.toString(), f.toUri(), decode(Files.readAllBytes(f))));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private static List<Source> readJar(Path jar, List<Source> resources) {
    List<Source> out = new ArrayList<>();
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      for (ZipEntry e : java.util.Collections.list(zip.entries())) {
        String simple = e.getName().substring(e.getName().lastIndexOf('/') + 1);
        boolean java = e.getName().endsWith(".java");
        if (e.isDirectory() || !java && !ResourceSecretScanner.isResource(simple)) {
          continue;
        }
        try (InputStream in = zip.getInputStream(e)) {
          String name = jar.getFileName() + "!/" + e.getName();
          (java ? out : resources).add(new Source(name, memoryUri(jar.getFileName() + "/" + e.getName()),
              decode(in.readAllBytes())));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private static URI memoryUri(String path) {
    try {
      return new URI("mem", null, "/" + path, null);
    } catch (java.net.URISyntaxException e) {
      throw new IllegalArgumentException(path, e);
    }
  }

  private static String decode(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8); // malformed input becomes U+FFFD, never an exception
  }

  /** An in-memory source file. */
  private static final class Source extends SimpleJavaFileObject {
    final String displayName;
    final String content;

    Source(String displayName, URI uri, String content) {
      super(uri, Kind.SOURCE);
      this.displayName = displayName;
      this.content = content;
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return content;
    }

    /** Lines as {@code wc -l} counts them, plus one for a last line without a newline. */
    long lineCount() {
      long n = 0;
      for (int i = 0; i < content.length(); i++) {
        if (content.charAt(i) == '\n') {
          n++;
        }
      }
      return content.isEmpty() || content.endsWith("\n") ? n : n + 1;
    }
  }
}
