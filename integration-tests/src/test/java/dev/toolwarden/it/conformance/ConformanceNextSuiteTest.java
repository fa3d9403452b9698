package dev.toolwarden.it.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwarden.it.support.NodeTools;
import dev.toolwarden.it.support.ProcessReaper;
import dev.toolwarden.it.support.ServerProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The newest official MCP conformance suite ({@code @modelcontextprotocol/conformance} 0.2.0-alpha.12,
 * installed under the npm alias {@code conformance-next} next to 0.1.16) against the same fixture server
 * as {@link ConformanceSuiteTest}: its active suite (2025-11-25 wire) must pass entirely, and of the
 * scenarios the 2026-07-28 revision requires ({@code --requirements 2026-07-28}, stateless wire) exactly
 * {@link #PASSING_2026} must pass: a regression fails the test, and so does a scenario that starts
 * passing (add it here and in the docs). Every other scenario is printed with the checks that failed.
 * The table must match the one in {@code docs/conformance.md} ({@code -Dtoolwarden.it.conformance.updateDocs=true}
 * rewrites it).
 */
class ConformanceNextSuiteTest {

  @RegisterExtension static final ProcessReaper REAPER = new ProcessReaper();

  static final String VERSION = "0.2.0-alpha.12";

  /** The active suite of 0.2.0-alpha.12 (2025-11-25 wire), in the order it runs: all of them must pass. */
  static final List<String> ACTIVE = List.of(
      "server-initialize", "server-session-lifecycle", "logging-set-level", "ping", "completion-complete", "tools-list",
      "tools-call-simple-text", "tools-call-image", "tools-call-audio", "tools-call-embedded-resource",
      "tools-call-mixed-content", "tools-call-with-logging", "tools-call-error", "tools-call-with-progress",
      "tools-call-sampling", "tools-call-elicitation", "elicitation-sep1034-defaults", "server-sse-multiple-streams",
      "elicitation-sep1330-enums", "resources-list", "resources-read-text", "resources-read-binary",
      "resources-templates-read", "resources-subscribe", "resources-unsubscribe", "prompts-list", "prompts-get-simple",
      "prompts-get-with-args", "prompts-get-embedded-resource", "prompts-get-with-image", "dns-rebinding-protection");

  /** What {@code --requirements 2026-07-28} runs: the 37 required scenarios, then 13 it runs without scoring. */
  static final List<String> REQUIREMENTS_2026 = List.of(
      "server-stateless", "completion-complete", "tools-list", "tools-call-simple-text", "tools-call-image",
      "tools-call-audio", "tools-call-embedded-resource", "tools-call-mixed-content", "tools-call-error",
      "tools-call-with-progress", "server-sse-multiple-streams", "resources-list", "resources-read-text",
      "resources-read-binary", "resources-templates-read", "sep-2164-resource-not-found", "prompts-list",
      "prompts-get-simple", "prompts-get-with-args", "prompts-get-embedded-resource", "prompts-get-with-image",
      "dns-rebinding-protection", "caching", "input-required-result-basic-elicitation",
      "input-required-result-basic-sampling", "input-required-result-basic-list-roots",
      "input-required-result-request-state", "input-required-result-multiple-input-requests",
      "input-required-result-multi-round", "input-required-result-missing-input-response",
      "input-required-result-non-tool-request", "input-required-result-result-type",
      "input-required-result-unsupported-methods", "input-required-result-tampered-state",
      "input-required-result-capability-check", "input-required-result-ignore-extra-params",
      "input-required-result-validate-input",
      // not scored for 2026-07-28 (extension / pending), run and reported all the same
      "tasks-lifecycle", "tasks-capability-negotiation", "tasks-wire-fields", "tasks-request-state-removal",
      "tasks-mrtr-input", "tasks-request-headers", "tasks-dispatch-and-envelope", "tasks-status-notifications",
      "tasks-required-task-error", "tasks-mrtr-composition", "json-schema-2020-12", "http-header-validation",
      "http-custom-header-server-validation");

  /** The 2026-07-28 scenarios that pass today; docs/conformance.md says why each of the others does not. */
  static final Set<String> PASSING_2026 = Set.of(
      "server-stateless", "completion-complete", "tools-list", "tools-call-simple-text", "tools-call-image", "tools-call-audio",
      "tools-call-embedded-resource", "tools-call-mixed-content", "tools-call-error", "tools-call-with-progress",
      "server-sse-multiple-streams",
      "resources-list", "resources-read-text", "resources-read-binary", "resources-templates-read",
      "sep-2164-resource-not-found", "prompts-list", "prompts-get-simple", "prompts-get-with-args",
      "prompts-get-embedded-resource", "prompts-get-with-image", "dns-rebinding-protection", "caching",
      "input-required-result-basic-elicitation", "input-required-result-basic-sampling",
      "input-required-result-basic-list-roots", "input-required-result-request-state",
      "input-required-result-multiple-input-requests", "input-required-result-multi-round",
      "input-required-result-missing-input-response", "input-required-result-non-tool-request",
      "input-required-result-result-type", "input-required-result-unsupported-methods",
      "input-required-result-tampered-state", "input-required-result-capability-check",
      "input-required-result-ignore-extra-params", "input-required-result-validate-input", "http-header-validation");

  static final String BEGIN = "<!-- conformance-next-results:begin (written by ConformanceNextSuiteTest) -->";
  static final String END = "<!-- conformance-next-results:end -->";

  private static final Duration SUITE_TIMEOUT = Duration.ofMinutes(5);

  @Test
  void theActiveSuitePassesAndTheExpected2026ScenariosPass() {
    NodeTools.require();
    Path out = Path.of(System.getProperty("toolwarden.it.buildDir", "target")).resolve("conformance-next");
    ConformanceSuiteTest.deleteRecursively(out);
    ConformanceCli.Run active;
    ConformanceCli.Run modern;
    try (ServerProcess server = ServerProcess.http(ServerProcess.Launch.mainClass(ConformanceServer.class), REAPER)) {
      active = ConformanceCli.runNext(server.url(), "active", List.of("--suite", "active"), out.resolve("active"),
          SUITE_TIMEOUT, REAPER);
      modern = ConformanceCli.runNext(server.url(), "2026-07-28", List.of("--requirements", "2026-07-28"),
          out.resolve("2026-07-28"), SUITE_TIMEOUT, REAPER);
      assertTrue(server.isAlive(), "the fixture server survived the suite\n" + server.stderrText());
    }
    List<ConformanceCli.Scenario> all = new ArrayList<>(active.scenarios());
    all.addAll(modern.scenarios());
    String table = ConformanceReport.table(all);
    List<String> others = modern.scenarios().stream().filter(s -> !s.passed()).map(ConformanceReport::describe).toList();
    System.out.println("MCP conformance suite " + VERSION + " against the Toolwarden fixture server (active "
        + active.elapsed().toMillis() + " ms, 2026-07-28 " + modern.elapsed().toMillis() + " ms):\n" + table
        + "\n2026-07-28 scenarios that do not pass, and why:\n" + String.join("\n", others));
    ConformanceReport.write(out.resolve("results.md"), table);

    assertEquals(ACTIVE, names(active), "the active suite ran exactly its 31 scenarios\n" + active.transcript());
    List<String> failed = active.scenarios().stream().filter(s -> !s.passed()).map(ConformanceReport::describe).toList();
    assertTrue(failed.isEmpty(), "active scenarios failed:\n" + String.join("\n", failed) + "\n\n" + active.transcript());
    assertEquals(0, active.exitCode(), "the suite's own verdict\n" + active.transcript());

    assertEquals(REQUIREMENTS_2026, names(modern), "--requirements 2026-07-28 ran its 50 scenarios\n" + modern.transcript());
    Set<String> passing = new TreeSet<>(modern.scenarios().stream().filter(ConformanceCli.Scenario::passed)
        .map(ConformanceCli.Scenario::name).toList());
    assertEquals(new TreeSet<>(PASSING_2026), passing, "the 2026-07-28 scenarios that pass (expected vs actual); "
        + "the others:\n" + String.join("\n", others));

    ConformanceReport.checkDocs(ConformanceReport.docsFile(), BEGIN, END, table,
        Boolean.getBoolean("toolwarden.it.conformance.updateDocs"));
  }

  private static List<String> names(ConformanceCli.Run run) {
    return run.scenarios().stream().map(ConformanceCli.Scenario::name).toList();
  }
}
