package dev.toolwarden.it.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwarden.it.support.NodeTools;
import dev.toolwarden.it.support.ProcessReaper;
import dev.toolwarden.it.support.ServerProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The official MCP conformance suite ({@code @modelcontextprotocol/conformance} 0.1.16, npm) against
 * {@link ConformanceServer}, a Toolwarden server on Streamable HTTP: every scenario of the default
 * (active) suite must pass, the pending scenarios are run and reported. The scenario table is printed,
 * written to {@code target/conformance/results.md}, and must match the one in
 * {@code docs/conformance.md} (run with {@code -Dtoolwarden.it.conformance.updateDocs=true} to rewrite
 * it after a deliberate change).
 */
class ConformanceSuiteTest {

  @RegisterExtension static final ProcessReaper REAPER = new ProcessReaper();

  /** The active suite of 0.1.16, in the order it runs: all of them must run, and pass. */
  static final List<String> ACTIVE = List.of(
      "server-initialize", "logging-set-level", "ping", "completion-complete", "tools-list",
      "tools-call-simple-text", "tools-call-image", "tools-call-audio", "tools-call-embedded-resource",
      "tools-call-mixed-content", "tools-call-with-logging", "tools-call-error", "tools-call-with-progress",
      "tools-call-sampling", "tools-call-elicitation", "elicitation-sep1034-defaults",
      "server-sse-multiple-streams", "elicitation-sep1330-enums", "resources-list", "resources-read-text",
      "resources-read-binary", "resources-templates-read", "resources-subscribe", "resources-unsubscribe",
      "prompts-list", "prompts-get-simple", "prompts-get-with-args", "prompts-get-embedded-resource",
      "prompts-get-with-image", "dns-rebinding-protection");

  /** The pending suite of 0.1.16. */
  static final List<String> PENDING = List.of("json-schema-2020-12", "server-sse-polling");

  private static final Duration SUITE_TIMEOUT = Duration.ofMinutes(5);

  @Test
  void theActiveSuitePassesAndThePendingScenariosAreReported() {
    NodeTools.require();
    Path out = Path.of(System.getProperty("toolwarden.it.buildDir", "target")).resolve("conformance");
    deleteRecursively(out);
    ConformanceCli.Run active;
    ConformanceCli.Run pending;
    try (ServerProcess server = ServerProcess.http(ServerProcess.Launch.mainClass(ConformanceServer.class), REAPER)) {
      active = ConformanceCli.run(server.url(), "active", out.resolve("active"), SUITE_TIMEOUT, REAPER);
      pending = ConformanceCli.run(server.url(), "pending", out.resolve("pending"), SUITE_TIMEOUT, REAPER);
      assertTrue(server.isAlive(), "the fixture server survived the suite\n" + server.stderrText());
    }
    List<ConformanceCli.Scenario> all = new ArrayList<>(active.scenarios());
    all.addAll(pending.scenarios());
    String table = ConformanceReport.table(all);
    System.out.println("MCP conformance suite against the Toolwarden fixture server (active "
        + active.elapsed().toMillis() + " ms, pending " + pending.elapsed().toMillis() + " ms):\n" + table);
    ConformanceReport.write(out.resolve("results.md"), table);

    assertEquals(ACTIVE, active.scenarios().stream().map(ConformanceCli.Scenario::name).toList(),
        "the active suite ran exactly its 30 scenarios\n" + active.transcript());
    List<String> failed = active.scenarios().stream().filter(s -> !s.passed()).map(ConformanceReport::describe).toList();
    assertTrue(failed.isEmpty(), "active scenarios failed:\n" + String.join("\n", failed) + "\n\n" + active.transcript());
    assertEquals(0, active.exitCode(), "the suite's own verdict\n" + active.transcript());
    // the suite only counts these; what it recorded shows the fixture sent exactly what its scenario describes
    assertEquals(List.of("Tool execution started", "Tool processing data", "Tool execution completed"),
        details(active, "tools-call-with-logging").path("logs").valueStream().map(l -> l.path("data").asString()).toList());
    assertEquals(List.of("0.0/100.0", "50.0/100.0", "100.0/100.0"),
        details(active, "tools-call-with-progress").path("progressNotifications").valueStream()
            .map(p -> p.path("progress").asDouble() + "/" + p.path("total").asDouble()).toList());
    assertEquals(PENDING, pending.scenarios().stream().map(ConformanceCli.Scenario::name).toList(),
        "the pending suite ran its scenarios\n" + pending.transcript());

    ConformanceReport.checkDocs(ConformanceReport.docsFile(), table,
        Boolean.getBoolean("toolwarden.it.conformance.updateDocs"));
  }

  private static tools.jackson.databind.JsonNode details(ConformanceCli.Run run, String scenario) {
    return run.scenarios().stream().filter(s -> s.name().equals(scenario)).findFirst().orElseThrow()
        .checks().get(0).details();
  }

  static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String utf8(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
