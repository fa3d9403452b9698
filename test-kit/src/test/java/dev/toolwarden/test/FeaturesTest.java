package dev.toolwarden.test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwarden.runtime.ToolwardenStartupException;
import dev.toolwarden.runtime.audit.AuditOutcome;
import dev.toolwarden.test.tools.DocsServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Resources, resource templates, prompts and completions through the kit, with their policies. */
class FeaturesTest {

  @TempDir Path docs;

  private ToolwardenTestClient client() throws Exception {
    Files.writeString(docs.resolve("guide.md"), "# Guide");
    Files.writeString(docs.getParent().resolve("outside-" + docs.getFileName() + ".md"), "SECRET");
    return ToolwardenTestClient.of(new DocsServer()).root("docs", docs);
  }

  @Test
  void readsAResourceAndATemplatedFileUnderItsRoot() throws Exception {
    try (ToolwardenTestClient client = client()) {
      ResourceResult index = client.readResource("docs://index");
      assertEquals("a.md\nb.md", index.text());
      assertEquals("text/plain", index.mimeType());
      ResourceResult guide = client.readResource("docs://files/guide.md");
      assertEquals("# Guide", guide.text());
      assertEquals(AuditOutcome.OK, client.lastAuditEvent().outcome());
    }
  }

  @Test
  void aTraversalOutOfTheRootIsRefusedWithoutRevealingIt() throws Exception {
    try (ToolwardenTestClient client = client()) {
      ResourceResult r = client.readResource("docs://files/../outside-" + docs.getFileName() + ".md");
      assertTrue(r.isRpcError(), r.toString());
      assertEquals(-32602, r.rpcError().code());
      assertFalse(r.toString().contains(docs.toString()), r.toString());
      assertFalse(r.toString().contains("SECRET"), r.toString());
      assertEquals(AuditOutcome.PATH_REJECTED, client.rejections().get(0).outcome());
    }
  }

  @Test
  void aRootThatIsNotBoundFailsAsTheServerWouldFailToStart() {
    try (ToolwardenTestClient client = ToolwardenTestClient.of(new DocsServer())) {
      ToolwardenStartupException e = assertThrows(ToolwardenStartupException.class, client::start);
      assertTrue(e.getMessage().contains("needs the root 'docs'"), e.getMessage());
    }
  }

  @Test
  void getsAPromptWithARedactedArgumentKeptOutOfTheAudit() throws Exception {
    try (ToolwardenTestClient client = client()) {
      PromptResult p = client.getPrompt("review", Map.of("topic", "style", "ticket", "T-4711"));
      assertEquals("Review the style of the docs for ticket T-4711.", p.text());
      String audit = client.lastAuditEvent().toJson();
      assertTrue(audit.contains("\"topic\":\"style\""), audit);
      assertFalse(audit.contains("T-4711"), audit);
    }
  }

  @Test
  void aPromptOverItsRateLimitIsRefusedUntilTheClockMoves() throws Exception {
    try (ToolwardenTestClient client = client()) {
      assertEquals("Summarize the docs.", client.getPrompt("summarize").text());
      PromptResult refused = client.getPrompt("summarize");
      assertEquals(-32000, refused.rpcError().code());
      assertEquals(3600L, refused.rpcError().retryAfterSeconds().orElseThrow());
      client.advanceClock(Duration.ofHours(1));
      assertEquals("Summarize the docs.", client.getPrompt("summarize").text());
    }
  }

  @Test
  void completesAPromptArgument() throws Exception {
    try (ToolwardenTestClient client = client()) {
      assertEquals(List.of("security", "speed", "style"), client.completePromptArgument("review", "topic", "s").values());
      assertEquals(List.of("speed"), client.completePromptArgument("review", "topic", "sp").values());
      assertEquals(List.of(), client.completePromptArgument("review", "topic", "x").values());
      assertEquals(AuditOutcome.OK, client.lastAuditEvent().outcome());
      CompletionResult refused = client.withScopes().completePromptArgument("review", "topic", "s");
      assertEquals(-32600, refused.rpcError().code());
    }
  }

  @Test
  void listsTheToolsWithTheirSchemas() throws Exception {
    try (ToolwardenTestClient client = client()) {
      var tools = client.listTools();
      assertEquals(List.of("count_words"), tools.stream().map(t -> t.name()).toList());
      assertEquals(Boolean.TRUE, tools.get(0).annotations().readOnlyHint());
      assertArrayEquals("# Guide".getBytes(StandardCharsets.UTF_8),
          client.readResource("docs://files/guide.md").text().getBytes(StandardCharsets.UTF_8));
    }
  }
}
