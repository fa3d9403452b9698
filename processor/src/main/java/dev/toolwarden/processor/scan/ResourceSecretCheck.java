package dev.toolwarden.processor.scan;

import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.toolwarden.processor.diag.Reporter;
import dev.toolwarden.processor.diag.Rule;
import dev.toolwarden.processor.secrets.ResourceSecretScanner;
import dev.toolwarden.processor.secrets.SecretFinding;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * Literal secrets in the project's resource files fail the build like secrets in Java sources. The processor reads
 * {@code src/main/resources} itself — the sources, not what Maven copied to {@code target/classes} — so the result
 * does not depend on whether resources are copied before or after compilation. The directory is found next to the
 * {@code src/main/java} folder holding the compiled sources (Maven and Gradle layout), or named with
 * {@code -Atoolwarden.resources=dir[,dir...]}; {@code -Atoolwarden.resources=off} turns the scan off. Findings follow
 * {@code -Atoolwarden.secrets=error|warn|off}.
 */
public final class ResourceSecretCheck {

  /** The {@code -A} option: {@code auto} (default), {@code off}, or comma-separated directories. */
  public static final String OPTION = "toolwarden.resources";
  /** Files larger than this are not configuration: skipped. */
  private static final long MAX_FILE_BYTES = 4L << 20;

  private final Reporter reporter;
  private final Messager messager;
  private final Trees trees;
  private final boolean auto;
  private final Set<Path> scanned = new HashSet<>();
  private final Set<Path> sourceDirsSeen = new HashSet<>();

  public ResourceSecretCheck(ProcessingEnvironment env, Reporter reporter) {
    this.reporter = reporter;
    this.messager = env.getMessager();
    String option = env.getOptions().getOrDefault(OPTION, "auto").strip();
    this.auto = option.equals("auto");
    Trees t = SecretCheck.treesOf(env);
    this.trees = t;
    if (!auto && !option.equals("off")) {
      for (String dir : option.split(",")) {
        if (!dir.isBlank()) {
          scan(Path.of(dir.strip()));
        }
      }
    }
  }

  /** Finds the resources directory next to the source folder of a root element, and scans it once. */
  public void discover(Element root) {
    if (!auto || trees == null || reporter.options().kindOf(Rule.LITERAL_SECRET) == null) {
      return;
    }
    TreePath path = trees.getPath(root);
    if (path == null) {
      return;
    }
    URI uri = path.getCompilationUnit().getSourceFile().toUri();
    if (!"file".equals(uri.getScheme())) {
      return;
    }
    Path dir = Path.of(uri).getParent();
    if (dir == null || !sourceDirsSeen.add(dir)) {
      return;
    }
    for (Path p = dir; p != null; p = p.getParent()) {
      Path parent = p.getParent();
      if (p.getFileName() != null && p.getFileName().toString().equals("java") && parent != null
          && parent.getFileName() != null && parent.getFileName().toString().equals("main")) {
        scan(parent.resolve("resources"));
        return;
      }
    }
  }

  private void scan(Path dir) {
    Path normal = dir.toAbsolutePath().normalize();
    if (!scanned.add(normal) || !Files.isDirectory(normal)) {
      return;
    }
    List<Path> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(normal)) {
      walk.filter(f -> Files.isRegularFile(f) && ResourceSecretScanner.isResource(f.getFileName().toString()))
          .sorted().forEach(files::add);
    } catch (IOException | RuntimeException e) {
      reporter.note("[TW-SECRET] could not list " + dir + ": resource files were not scanned for literal secrets");
      return;
    }
    Path base = normal.getParent() != null && normal.getParent().getParent() != null
        ? normal.getParent().getParent().getParent() : null; // the project: <project>/src/main/resources
    for (Path f : files) {
      scanFile(f, base == null ? f : base.relativize(f));
    }
  }

  private void scanFile(Path file, Path shown) {
    String text;
    try {
      if (Files.size(file) > MAX_FILE_BYTES) {
        return;
      }
      text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return;
    }
    Set<String> reported = new LinkedHashSet<>();
    for (ResourceSecretScanner.Finding f : ResourceSecretScanner.scan(file.getFileName().toString(), text)) {
      SecretFinding s = f.finding();
      String message = shown + ":" + f.line() + ": " + Rule.LITERAL_SECRET.format(s.ruleId(), s.description(),
          s.masked(), f.key() == null ? "" : " in '" + f.key().strip() + "'", s.envVarHint());
      if (reported.add(message)) {
        print(message);
      }
    }
  }

  private void print(String message) {
    Diagnostic.Kind kind = reporter.options().kindOf(Rule.LITERAL_SECRET);
    if (kind == Diagnostic.Kind.ERROR) {
      reporter.error(message);
    } else if (kind != null) {
      messager.printMessage(kind, message);
    }
  }
}
