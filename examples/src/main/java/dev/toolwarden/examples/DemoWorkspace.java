package dev.toolwarden.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The small demo workspace the example server uses when none is configured: a temporary folder
 * with two files, deleted with everything in it when the server stops ({@code deleteOnExit} would
 * not do: it never deletes a folder that is not empty).
 */
final class DemoWorkspace implements AutoCloseable {

  private final Path dir;

  private DemoWorkspace(Path dir) {
    this.dir = dir;
  }

  /**
   * Creates the workspace in the temporary directory; it is deleted by {@link #close()}, or at the
   * latest when the JVM stops normally (end of main, {@code System.exit}, SIGTERM or Ctrl-C).
   */
  static DemoWorkspace create() throws IOException {
    DemoWorkspace w = new DemoWorkspace(Files.createTempDirectory("toolwarden-workspace"));
    Runtime.getRuntime().addShutdownHook(new Thread(w::close, "toolwarden-demo-workspace-cleanup"));
    Files.writeString(w.dir.resolve("README.txt"), "Welcome to the Toolwarden example workspace.\n");
    Files.createDirectories(w.dir.resolve("notes"));
    Files.writeString(w.dir.resolve("notes").resolve("todo.md"), "- try read_file\n- try list_files\n");
    return w;
  }

  /** The workspace folder. */
  Path dir() {
    return dir;
  }

  /** Deletes the workspace and everything in it (again: no-op). */
  @Override
  public void close() {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> tree = Files.walk(dir)) {
      // deepest first, so each folder is empty when it is deleted
      List<Path> paths = tree.sorted(Comparator.reverseOrder()).toList();
      for (Path p : paths) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not delete the demo workspace " + dir.getFileName(), e);
    }
  }
}
