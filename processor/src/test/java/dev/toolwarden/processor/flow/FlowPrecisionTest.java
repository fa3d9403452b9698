package dev.toolwarden.processor.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Precision of the flow analysis on code we did not write: the sources jars of the precision corpus (the same the
 * literal-secret scanner is measured on, copied by the build into {@code target/precision-corpus/}), scanned with
 * every public method's parameters as sources ({@link FlowScan}). A library's public method is not a tool: its
 * caller chooses the file, class or URL on purpose, so such flows are expected. Every finding is printed, and every
 * one must be in {@code flow/precision-reviewed.txt} with the category that justifies it; a new finding, or a
 * reviewed one that disappeared, fails the test until the list is reviewed again.
 */
class FlowPrecisionTest {
  private static final Path CORPUS = Path.of("target", "precision-corpus");

  @Test
  void everyFindingInWidelyUsedLibrariesIsReviewedAndJustified() throws IOException {
    assertTrue(Files.isDirectory(CORPUS), CORPUS.toAbsolutePath() + " is missing: run through Maven, which fetches it");
    List<Path> jars;
    try (Stream<Path> s = Files.list(CORPUS)) {
      jars = s.filter(p -> p.toString().endsWith("-sources.jar")).sorted().toList();
    }
    assertTrue(jars.size() >= 6, "expected at least 6 sources jars in " + CORPUS + ", found " + jars);
    Set<String> found = new TreeSet<>();
    int files = 0;
    for (Path jar : jars) {
      FlowScan.Result r = FlowScan.scan(jar);
      System.out.printf(Locale.ROOT, "%-45s %5d files %6d public methods %4d findings %3d not analysed%n",
          jar.getFileName(), r.files(), r.methods(), r.findings().size(), r.skipped());
      r.findings().forEach(f -> System.out.println("  FINDING " + f));
      found.addAll(r.keys());
      files += r.files();
    }
    Map<String, String> reviewed = reviewed();
    Set<String> unreviewed = new TreeSet<>(found);
    unreviewed.removeAll(reviewed.keySet());
    Set<String> gone = new TreeSet<>(reviewed.keySet());
    gone.removeAll(found);
    assertEquals(Set.of(), unreviewed, "findings nobody reviewed: review each, fix the analysis or add it with its "
        + "category to flow/precision-reviewed.txt");
    assertEquals(Set.of(), gone, "reviewed findings no longer found: remove them from flow/precision-reviewed.txt");
    assertTrue(files > 1000, "corpus too small: " + files + " files");
  }

  /** The reviewed findings: {@code key<TAB>category}, each category explained at the top of the file. */
  private static Map<String, String> reviewed() throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (InputStream in = FlowPrecisionTest.class.getResourceAsStream("/flow/precision-reviewed.txt")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank() && !line.startsWith("#")) {
          String[] parts = line.split("\t");
          assertEquals(2, parts.length, "not key<TAB>category: " + line);
          assertTrue(CATEGORIES.contains(parts[1]), "unknown category in: " + line);
          out.put(parts[0], parts[1]);
        }
      }
    }
    return out;
  }

  private static final Set<String> CATEGORIES = Set.of("file-api", "path-object", "class-loading-api",
      "reflection-api", "deserialisation-api", "url-object");
}
