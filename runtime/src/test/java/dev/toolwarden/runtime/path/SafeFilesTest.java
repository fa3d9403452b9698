package dev.toolwarden.runtime.path;

import static dev.toolwarden.runtime.testtools.PolicyHarness.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwarden.runtime.audit.AuditOutcome;
import dev.toolwarden.runtime.testtools.PolicyHarness;
import dev.toolwarden.runtime.testtools.PolicyTools;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Check, then use: a file or a parent swapped for a link after the check does not lead out. */
class SafeFilesTest {

  @TempDir Path temp;
  private Path root;
  private Path outside;
  private PolicyHarness h;

  @BeforeEach
  void setUp() throws Exception {
    root = Files.createDirectories(temp.resolve("ws")).toRealPath();
    outside = Files.createDirectories(temp.resolve("outside")).toRealPath();
    Files.writeString(outside.resolve("f.txt"), TraversalCorpus.SECRET);
    Files.writeString(root.resolve("f.txt"), "inside");
    Files.createDirectories(root.resolve("dir"));
    Files.writeString(root.resolve("dir/f.txt"), "inside too");
    h = new PolicyHarness(root, null);
  }

  @AfterEach
  void tearDown() {
    PolicyTools.beforeOpen = null;
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
    CallToolResult r = h.call("read", Map.of("path", "f.txt"));
    assertEquals("inside", text(r));
  }

  @Test
  void aFileSwappedForALinkAfterTheCheckIsNotFollowed() {
    PolicyTools.beforeOpen = p -> swap(p, outside.resolve("f.txt"));
    CallToolResult r = h.call("read", Map.of("path", "f.txt"));
    assertTrue(r.isError());
    assertTrue(text(r).startsWith("internal error (ref "), text(r));
    assertFalse(text(r).contains(TraversalCorpus.SECRET));
    assertEquals(AuditOutcome.ERROR, h.events.get(0).outcome());
  }

  @Test
  void aParentSwappedForALinkAfterTheCheckIsDetected() {
    PolicyTools.beforeOpen = p -> swap(p.getParent(), outside);
    CallToolResult r = h.call("read", Map.of("path", "dir/f.txt"));
    assertTrue(r.isError());
    assertFalse(text(r).contains(TraversalCorpus.SECRET));
  }

  @Test
  void directUseRefusesLinksAnywhere() throws Exception {
    Files.createSymbolicLink(root.resolve("link.txt"), outside.resolve("f.txt"));
    FileSystemException e = assertThrows(FileSystemException.class, () -> SafeFiles.readString(root.resolve("link.txt")));
    assertTrue(e.getMessage().contains("symbolic link"), e.getMessage());
    Files.createSymbolicLink(root.resolve("linkdir"), outside);
    assertThrows(FileSystemException.class, () -> SafeFiles.readString(root.resolve("linkdir/f.txt")));
    try (var out = SafeFiles.newOutputStream(root.resolve("new.txt"))) {
      out.write('x');
    }
    assertEquals("x", SafeFiles.readString(root.resolve("new.txt")));
  }
}
