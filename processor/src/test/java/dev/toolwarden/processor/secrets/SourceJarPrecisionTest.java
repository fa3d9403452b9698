package dev.toolwarden.processor.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Precision on code we did not write: the {@code -sources.jar} files of widely used libraries, copied by the build
 * into {@code target/precision-corpus/} (maven-dependency-plugin, phase generate-test-resources, versions pinned in
 * the root pom), produce zero findings. Every finding is printed; so is the throughput per library.
 *
 * <p>Also: this project's own sources (the processor module, main and test) pass the project's own scan.
 */
class SourceJarPrecisionTest {
  private static final Path CORPUS = Path.of("target", "precision-corpus");

  @Test
  void sourcesJarsOfWidelyUsedLibrariesHaveNoFindings() throws IOException {
    assertTrue(Files.isDirectory(CORPUS), CORPUS.toAbsolutePath() + " is missing: run through Maven, which fetches it");
    List<Path> jars;
    try (Stream<Path> s = Files.list(CORPUS)) {
      jars = s.filter(p -> p.toString().endsWith("-sources.jar")).sorted().toList();
    }
    assertTrue(jars.size() >= 6, "expected at least 6 sources jars in " + CORPUS + ", found " + jars);

    List<String> all = new ArrayList<>();
    ScanCli.Report total = new ScanCli.Report();
    for (Path jar : jars) {
      ScanCli.Report r = ScanCli.scan(jar, f -> all.add(f.file() + ":" + f.line() + ":" + f.column() + " ["
          + f.ruleId() + "] " + f.masked() + " (context " + f.contextName() + ")"));
      System.out.printf(Locale.ROOT, "%-45s %5d files %8d lines %3d findings %3d skipped %8.0f lines/s parse+scan"
              + " %9.0f lines/s scan only%n", jar.getFileName(), r.files, r.lines, r.findings.size(),
          r.skipped.size(), r.linesPerSecond(), r.scanLinesPerSecond());
      r.skipped.forEach(s -> System.out.println("  " + s));
      total.files += r.files;
      total.lines += r.lines;
      total.nanos += r.nanos;
      total.scanNanos += r.scanNanos;
      total.findings.addAll(r.findings);
      total.skipped.addAll(r.skipped);
    }
    all.forEach(f -> System.out.println("FINDING " + f));
    System.out.println("TOTAL " + total.summary());
    assertEquals(List.of(), all, "findings in widely used libraries (false positives)");
    assertTrue(total.files > 1000, "corpus too small: " + total.files + " files");
  }

  @Test
  void theProjectsOwnSourcesPassItsOwnScan() {
    // every module of the repository (the processor runs from processor/, so the root is ..)
    List<String> found = new ArrayList<>();
    ScanCli.Report total = null;
    int files = 0;
    for (String module : List.of("annotations", "processor", "runtime", "examples", "integration-tests")) {
      Path src = Path.of("..", module, "src");
      if (!java.nio.file.Files.isDirectory(src)) {
        continue;
      }
      ScanCli.Report r = ScanCli.scan(src, f -> found.add(f.file() + ":" + f.line() + " [" + f.ruleId()
          + "] " + f.masked()));
      System.out.println("own sources of " + module + ": " + r.summary());
      assertEquals(List.of(), r.skipped);
      files += r.files;
    }
    assertTrue(files > 50, "expected the repository's sources, found " + files + " files");
    assertEquals(List.of(), found);
  }
}
