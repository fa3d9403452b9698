package dev.toolwarden.it.conformance;

import dev.toolwarden.it.support.NodeTools;
import dev.toolwarden.it.support.ProcessReaper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * Runs the official MCP conformance suite, {@code npx conformance server --url URL --suite SUITE
 * --output-dir DIR} ({@code @modelcontextprotocol/conformance}, pinned in {@code node/package.json}),
 * and reads what it found: the per-scenario {@code checks.json} files it writes into the output
 * directory, cross-checked against the summary it prints.
 *
 * <p>Two versions are installed: 0.1.16 as {@code @modelcontextprotocol/conformance}, and the newest one
 * (a 0.2.0 pre-release, which knows the 2026-07-28 revision) under the npm alias {@code conformance-next}
 * ({@link #runNext}). Both import {@code fs.globSync}, which Node 20 lacks: {@code NODE_OPTIONS} loads
 * {@code node/node20-shim/register.mjs}, which supplies it on Node 20 and does nothing on Node 22+.
 */
final class ConformanceCli {

  /** One check of a scenario, as the suite reported it. */
  record Check(String id, String status, String description, String errorMessage, JsonNode details) {}

  /** One scenario's outcome. */
  record Scenario(String name, String suite, List<Check> checks) {

    long count(String status) {
      return checks.stream().filter(c -> c.status().equals(status)).count();
    }

    /** No FAILURE, and at least one SUCCESS: what the suite itself counts as passing ("✓"). */
    boolean passed() {
      return count("FAILURE") == 0 && count("SUCCESS") > 0;
    }
  }

  /** A whole run of one suite. */
  record Run(String suite, List<String> command, int exitCode, Duration elapsed, String stdout, String stderr,
      List<Scenario> scenarios) {

    String transcript() {
      return "command: " + command + "\nexit code: " + exitCode + "\n--- stdout ---\n" + stdout + "\n--- stderr ---\n" + stderr;
    }
  }

  private static final Pattern SUMMARY_LINE = Pattern.compile("^[✓✗] ([a-z0-9-]+): (\\d+) passed, (\\d+) failed$");
  // "Running active suite (30 scenarios) against …", and 0.2.0's "Running requirements 2026-07-28 (50 scenarios) against …"
  private static final Pattern RUNNING_LINE = Pattern.compile("^Running (.+?) \\((\\d+) scenarios\\) against ");
  private static final Pattern RESULT_DIR = Pattern.compile("^server-(.+)-\\d{4}-\\d{2}-\\d{2}T[0-9-]+Z$");

  private ConformanceCli() {}

  /** The shim folder (in {@code integration-tests/node/}). */
  static Path shim() {
    return NodeTools.nodeDir().resolve("node20-shim").resolve("register.mjs");
  }

  /** Runs {@code suite} ("active", "pending" or "all") of 0.1.16 against {@code url}; results go to {@code outputDir}. */
  static Run run(URI url, String suite, Path outputDir, Duration timeout, ProcessReaper reaper) {
    NodeTools.require();
    Path npx = NodeTools.onPath("npx").orElseThrow();
    // --no: never download anything; the pinned package in node_modules is the one that runs
    List<String> command = List.of(npx.toString(), "--no", "--", "conformance", "server", "--url", url.toString(),
        "--suite", suite, "--output-dir", outputDir.toString());
    return run(command, suite, outputDir, timeout, reaper);
  }

  /**
   * Runs the newest conformance package (npm alias {@code conformance-next}) against {@code url}:
   * {@code selection} is what follows {@code --url}, e.g. {@code --suite active} or
   * {@code --requirements 2026-07-28}; {@code label} names the run in the results. Its {@code bin} is
   * also called {@code conformance}, so it is started by its script, not through npx.
   */
  static Run runNext(URI url, String label, List<String> selection, Path outputDir, Duration timeout, ProcessReaper reaper) {
    NodeTools.require();
    Path node = NodeTools.onPath("node").orElseThrow();
    Path script = nextScript();
    if (!Files.isRegularFile(script)) {
      throw new AssertionError("no " + script + " (run: npm ci --prefix " + NodeTools.nodeDir() + ")");
    }
    List<String> command = new ArrayList<>(List.of(node.toString(), script.toString(), "server", "--url", url.toString()));
    command.addAll(selection);
    command.addAll(List.of("--output-dir", outputDir.toString()));
    return run(List.copyOf(command), label, outputDir, timeout, reaper);
  }

  /** The command-line entry of the package installed under the alias {@code conformance-next}. */
  static Path nextScript() {
    return NodeTools.nodeDir().resolve("node_modules").resolve("conformance-next").resolve("dist").resolve("index.js");
  }

  private static Run run(List<String> command, String suite, Path outputDir, Duration timeout, ProcessReaper reaper) {
    try {
      Files.createDirectories(outputDir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ProcessBuilder builder = new ProcessBuilder(command).directory(NodeTools.nodeDir().toFile());
    Map<String, String> env = builder.environment();
    String shimOption = "--import \"" + shim() + "\"";
    String existing = env.get("NODE_OPTIONS");
    env.put("NODE_OPTIONS", existing == null || existing.isBlank() ? shimOption : existing + " " + shimOption);
    env.put("NO_COLOR", "1");
    env.put("npm_config_update_notifier", "false");
    Path stdoutFile = outputDir.resolve("stdout.txt");
    Path stderrFile = outputDir.resolve("stderr.txt");
    builder.redirectOutput(stdoutFile.toFile()).redirectError(stderrFile.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
    long start = System.nanoTime();
    Process process;
    try {
      process = reaper.track(builder.start()); // npx → node: killed with its tree however the test ends
      process.getOutputStream().close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + command, e);
    }
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        ProcessReaper.kill(process.toHandle());
        throw new AssertionError("the conformance suite did not finish within " + timeout + "\n" + read(stdoutFile) + "\n"
            + read(stderrFile));
      }
    } catch (InterruptedException e) {
      ProcessReaper.kill(process.toHandle());
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while running " + command, e);
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
    String stdout = read(stdoutFile);
    String stderr = read(stderrFile);
    return new Run(suite, command, process.exitValue(), elapsed, stdout, stderr, scenarios(suite, stdout, outputDir));
  }

  /**
   * The scenarios of a run, in the order the suite ran them: the names, the number announced and the
   * pass/fail counts come from the printed summary; every check comes from the scenario's checks.json,
   * and both must agree.
   */
  private static List<Scenario> scenarios(String suite, String stdout, Path outputDir) {
    Map<String, long[]> summary = new LinkedHashMap<>();
    int announced = -1;
    for (String line : stdout.split("\\R")) {
      Matcher running = RUNNING_LINE.matcher(line.strip());
      if (running.find()) {
        announced = Integer.parseInt(running.group(2));
      }
      Matcher m = SUMMARY_LINE.matcher(line.strip());
      if (m.matches()) {
        summary.put(m.group(1), new long[] {Long.parseLong(m.group(2)), Long.parseLong(m.group(3))});
      }
    }
    if (announced < 0 || summary.size() != announced) {
      throw new AssertionError("cannot read the suite's summary (announced " + announced + " scenarios, summarised "
          + summary.size() + ")\n" + stdout);
    }
    Map<String, Path> checkFiles = new LinkedHashMap<>();
    try (Stream<Path> dirs = Files.list(outputDir)) {
      dirs.filter(Files::isDirectory).forEach(dir -> {
        Matcher m = RESULT_DIR.matcher(dir.getFileName().toString());
        Path checks = dir.resolve("checks.json");
        if (m.matches() && Files.isRegularFile(checks)) {
          checkFiles.put(m.group(1), checks);
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Scenario> scenarios = new ArrayList<>();
    for (Map.Entry<String, long[]> entry : summary.entrySet()) {
      String name = entry.getKey();
      Path file = checkFiles.get(name);
      List<Check> checks = new ArrayList<>();
      if (file == null) {
        // the suite writes no checks.json when a scenario threw; its summary then counts one failure
        checks.add(new Check(name, "FAILURE", "Failed to run scenario", "no checks.json (the scenario threw; see stderr)",
            NodeTools.JSON.missingNode()));
      } else {
        for (JsonNode c : NodeTools.JSON.readTree(file.toFile())) {
          String message = c.path("errorMessage").asString("");
          checks.add(new Check(c.path("id").asString(""), c.path("status").asString(""),
              c.path("description").asString(""), message.isEmpty() ? null : message, c.path("details")));
        }
      }
      Scenario scenario = new Scenario(name, suite, List.copyOf(checks));
      long[] counts = entry.getValue();
      if (scenario.count("SUCCESS") != counts[0] || scenario.count("FAILURE") != counts[1]) {
        throw new AssertionError("scenario " + name + ": the summary says " + counts[0] + " passed, " + counts[1]
            + " failed, but " + file + " holds " + scenario.count("SUCCESS") + " and " + scenario.count("FAILURE"));
      }
      scenarios.add(scenario);
    }
    return List.copyOf(scenarios);
  }

  private static String read(Path file) {
    try {
      return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
