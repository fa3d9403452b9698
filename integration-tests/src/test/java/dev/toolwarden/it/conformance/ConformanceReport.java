package dev.toolwarden.it.conformance;

import dev.toolwarden.it.support.NodeTools;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** The scenario table: printed, written to target/, and kept in docs/conformance.md. */
final class ConformanceReport {

  static final String BEGIN = "<!-- conformance-results:begin (written by ConformanceSuiteTest) -->";
  static final String END = "<!-- conformance-results:end -->";

  private ConformanceReport() {}

  /** A Markdown table, one row per scenario; deterministic (no timings, no ports). */
  static String table(List<ConformanceCli.Scenario> scenarios) {
    StringBuilder b = new StringBuilder();
    b.append("| scenario | suite | result | checks (success / failure / warning) | notes |\n");
    b.append("|---|---|---|---|---|\n");
    for (ConformanceCli.Scenario s : scenarios) {
      b.append("| `").append(s.name()).append("` | ").append(s.suite()).append(" | ")
          .append(result(s)).append(" | ")
          .append(s.count("SUCCESS")).append(" / ").append(s.count("FAILURE")).append(" / ").append(s.count("WARNING"))
          .append(" | ").append(notes(s)).append(" |\n");
    }
    return b.toString();
  }

  /** "passed", "**failed**", or, when no check failed but none succeeded either, "not verified". */
  static String result(ConformanceCli.Scenario s) {
    if (s.count("FAILURE") > 0) {
      return "**failed**";
    }
    return s.count("SUCCESS") > 0 ? "passed" : "not verified (no check succeeded)";
  }

  /** The FAILURE and WARNING checks, each as "id: message". */
  private static String notes(ConformanceCli.Scenario s) {
    return s.checks().stream()
        .filter(c -> c.status().equals("FAILURE") || c.status().equals("WARNING"))
        .map(c -> c.status().toLowerCase(java.util.Locale.ROOT) + " `" + c.id() + "`: "
            + (c.errorMessage() == null ? c.description() : c.errorMessage()))
        .map(ConformanceReport::cell)
        .collect(Collectors.joining("<br>"));
  }

  static String describe(ConformanceCli.Scenario s) {
    return "  " + s.name() + ":\n" + s.checks().stream()
        .filter(c -> !c.status().equals("SUCCESS") && !c.status().equals("INFO"))
        .map(c -> "    " + c.status() + " " + c.id() + ": " + c.errorMessage())
        .collect(Collectors.joining("\n"));
  }

  private static String cell(String text) {
    String oneLine = text.replaceAll("\\s+", " ").replace("|", "\\|");
    return oneLine.length() > 300 ? oneLine.substring(0, 297) + "..." : oneLine;
  }

  static void write(Path file, String table) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, table, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** docs/conformance.md of this repository (the node folder is integration-tests/node). */
  static Path docsFile() {
    return NodeTools.nodeDir().getParent().getParent().resolve("docs").resolve("conformance.md");
  }

  /** Fails unless the table between the markers in {@code docs} is {@code table}; or rewrites it when asked. */
  static void checkDocs(Path docs, String table, boolean update) {
    checkDocs(docs, BEGIN, END, table, update);
  }

  /** {@link #checkDocs(Path, String, boolean)} for the block between {@code begin} and {@code end}. */
  static void checkDocs(Path docs, String begin, String end, String table, boolean update) {
    String text = ConformanceSuiteTest.utf8(docs);
    int from = text.indexOf(begin);
    int to = text.indexOf(end, Math.max(from, 0));
    if (from < 0 || to < from) {
      throw new AssertionError(docs + " has no results block (" + begin + " … " + end + ")");
    }
    String current = text.substring(from + begin.length(), to).strip();
    if (current.equals(table.strip())) {
      return;
    }
    if (update) {
      write(docs, text.substring(0, from + begin.length()) + "\n" + table + text.substring(to));
      System.out.println("updated " + docs);
      return;
    }
    throw new AssertionError(docs + " does not show these results. If the change is deliberate, rerun with "
        + "-Dtoolwarden.it.conformance.updateDocs=true (or copy the results.md under target/).\nexpected:\n" + table
        + "\nfound:\n" + current);
  }
}
