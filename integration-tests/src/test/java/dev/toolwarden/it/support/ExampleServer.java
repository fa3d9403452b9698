package dev.toolwarden.it.support;

import dev.toolwarden.it.support.ServerProcess.Launch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The example server of {@code examples/}, as users run it: {@code java -jar toolwarden-example.jar
 * stdio | http PORT}, with its workspace root in {@code TOOLWARDEN_ROOT_WORKSPACE}.
 *
 * <p>The jar is the one the reactor built before these tests ({@code examples} is a test dependency of
 * this module); Surefire passes its path as {@code toolwarden.it.exampleJar}.
 */
public final class ExampleServer {

  /** The environment variable the example reads its workspace root from. */
  public static final String WORKSPACE_ENV = "TOOLWARDEN_ROOT_WORKSPACE";

  /** The text of {@code README.txt} in a {@link #workspace} (two lines, UTF-8 with a non-ASCII character). */
  public static final String README_TEXT = "Toolwarden end-to-end workspace\nZürich, 2026\n";

  /** The text of {@code notes/todo.md} in a {@link #workspace}. */
  public static final String TODO_TEXT = "- write the e2e tests\n";

  /** The six tools of the example server. */
  public static final java.util.List<String> TOOL_NAMES =
      java.util.List.of("build_report", "crash", "find_orders", "get_order", "list_files", "read_file", "save_note");

  private ExampleServer() {}

  /** The shaded jar. */
  public static Path jar() {
    String configured = System.getProperty("toolwarden.it.exampleJar");
    Path jar = configured != null ? Path.of(configured)
        : Path.of("..", "examples", "target", "toolwarden-example.jar");
    return jar.toAbsolutePath().normalize();
  }

  /** {@code java -jar <jar>} with {@code workspace} as its workspace root. */
  public static Launch launch(Path workspace) {
    return Launch.jar(jar()).withEnv(Map.of(WORKSPACE_ENV, workspace.toAbsolutePath().toString()));
  }

  /**
   * Fills {@code dir} with the known workspace files: {@code README.txt} ({@link #README_TEXT}) and
   * {@code notes/todo.md} ({@link #TODO_TEXT}); returns the real path of {@code dir}.
   */
  public static Path workspace(Path dir) {
    try {
      Files.writeString(dir.resolve("README.txt"), README_TEXT);
      Files.createDirectories(dir.resolve("notes"));
      Files.writeString(dir.resolve("notes").resolve("todo.md"), TODO_TEXT);
      return dir.toRealPath();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
