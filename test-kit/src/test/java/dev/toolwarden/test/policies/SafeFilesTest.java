package dev.toolwarden.test.policies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwarden.runtime.audit.AuditOutcome;
import dev.toolwarden.test.ToolResult;
import dev.toolwarden.test.ToolwardenTestClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Check, then use: a file or a parent swapped for a link after the check does not lead out. Moved from the
 * runtime's SafeFilesTest (a hand-written bundle called in-process; its direct-use test of SafeFiles stays there).
 */
class SafeFilesTest {

  /** The content of the file outside the root: it must never reach a result. */
  static final String SECRET = "TOP-SECRET-OUTSIDE-THE-ROOT";

  @TempDir Path temp;
  private Path outside;
  private ToolwardenTestClient client;

  @BeforeEach
  void setUp() throws Exception {
    Path root = Files.createDirectories(temp.resolve("ws")).toRealPath();
    outside = Files.createDirectories(temp.resolve("outside")).toRealPath();
    Files.writeString(outside.resolve("f.txt"), SECRET);
    Files.writeString(root.resolve("f.txt"), "inside");
    Files.createDirectories(root.resolve("dir"));
    Files.writeString(root.resolve("dir/f.txt"), "inside too");
    client = ToolwardenTestClient.of(new PolicyTools()).root("ws", root);
  }

  @AfterEach
  void tearDown() {
    PolicyTools.beforeOpen = null;
    client.close();
  }

  private static void swap(Path victim, Path target) {
    try {
      if (Files.isDirectory(victim)) {
        Files.move(victim, victim.resolveSibling(victim.getFileName() + ".moved"));
      } else {
        Files.delete(victim);
      }
      Files.createSymbolicLink(victim, target);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void readsTheFileWhenNothingChanged() {
    ToolResult r = client.callTool("read", Map.of("path", "f.txt"));
    assertEquals("inside", r.text());
  }

  @Test
  void aFileSwappedForALinkAfterTheCheckIsNotFollowed() {
    PolicyTools.beforeOpen = p -> swap(p, outside.resolve("f.txt"));
    ToolResult r = client.callTool("read", Map.of("path", "f.txt"));
    assertTrue(r.isError());
    assertTrue(r.text().startsWith("internal error (ref "), r.text());
    assertFalse(r.text().contains(SECRET));
    assertEquals(AuditOutcome.ERROR, client.auditEvents().get(0).outcome());
  }

  @Test
  void aParentSwappedForALinkAfterTheCheckIsDetected() {
    PolicyTools.beforeOpen = p -> swap(p.getParent(), outside);
    ToolResult r = client.callTool("read", Map.of("path", "dir/f.txt"));
    assertTrue(r.isError());
    assertFalse(r.text().contains(SECRET));
  }
}
