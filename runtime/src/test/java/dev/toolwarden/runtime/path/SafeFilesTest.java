package dev.toolwarden.runtime.path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link SafeFiles} used directly. Check-then-use through a tool (a file or a parent swapped for a link after the
 * check) is tested with the test kit (toolwarden-test's SafeFilesTest: the runtime's tests cannot depend on the kit,
 * which depends on the runtime).
 */
class SafeFilesTest {

  @TempDir Path temp;

  @Test
  void directUseRefusesLinksAnywhere() throws Exception {
    Path root = Files.createDirectories(temp.resolve("ws")).toRealPath();
    Path outside = Files.createDirectories(temp.resolve("outside")).toRealPath();
    Files.writeString(outside.resolve("f.txt"), TraversalCorpus.SECRET);
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
