package dev.toolwarden.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example server's demo workspace exists while the server runs and is gone, with its files,
 * after a normal stop: the server runs as a real process with its own temporary directory.
 */
class DemoWorkspaceTest {

  /** A generous bound for a JVM start or stop on a busy machine: only a hang reaches it. */
  private static final long PROCESS_SECONDS = 120;

  @TempDir
  Path tmp;

  @Test
  void closeDeletesTheWholeTree() throws IOException {
    DemoWorkspace w = DemoWorkspace.create();
    assertTrue(Files.isRegularFile(w.dir().resolve("notes").resolve("todo.md")));
    w.close();
    assertTrue(Files.notExists(w.dir()), w.dir().toString());
    w.close(); // twice is harmless (the shutdown hook runs it again)
  }

  @Test
  void stdioServerLeavesNoFolderWhenItsInputEnds() throws Exception {
    Process p = start("stdio");
    p.getOutputStream().close(); // the client hangs up: the server returns from main
    assertTrue(p.waitFor(PROCESS_SECONDS, TimeUnit.SECONDS), "the stdio server did not stop");
    assertEquals(0, p.exitValue());
    assertEquals(List.of(), workspaces(), "left in the temporary directory");
  }

  @Test
  void httpServerLeavesNoFolderWhenTerminated() throws Exception {
    Process p = start("http", "0");
    CompletableFuture<String> listening = CompletableFuture.supplyAsync(() -> firstLine(p, "listening on"));
    String line = listening.get(PROCESS_SECONDS, TimeUnit.SECONDS);
    assertTrue(line.contains("listening on"), line);
    List<Path> whileRunning = workspaces();
    assertEquals(1, whileRunning.size(), "the demo workspace while the server runs: " + whileRunning);
    assertTrue(Files.isRegularFile(whileRunning.get(0).resolve("README.txt")));
    p.destroy(); // SIGTERM: the normal way to stop a server
    assertTrue(p.waitFor(PROCESS_SECONDS, TimeUnit.SECONDS), "the http server did not stop");
    assertEquals(List.of(), workspaces(), "left in the temporary directory");
  }

  /** The example server in a child JVM whose temporary directory is {@link #tmp}, with no configured workspace. */
  private Process start(String... args) throws IOException {
    String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> command = new java.util.ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Djava.io.tmpdir=" + tmp,
        "-cp", classPath, ExampleServer.class.getName()));
    command.addAll(List.of(args));
    ProcessBuilder b = new ProcessBuilder(command).redirectErrorStream(true);
    Map<String, String> env = b.environment();
    env.keySet().removeIf(k -> k.startsWith("TOOLWARDEN_"));
    return b.start();
  }

  private static String firstLine(Process p, String containing) {
    try {
      BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      StringBuilder seen = new StringBuilder();
      for (String line; (line = r.readLine()) != null; ) {
        if (line.contains(containing)) {
          // keep draining so the server never blocks on a full pipe
          Thread drain = new Thread(() -> drain(r), "example-server-output");
          drain.setDaemon(true);
          drain.start();
          return line;
        }
        seen.append(line).append('\n');
      }
      return "the server exited before listening:\n" + seen;
    } catch (IOException e) {
      return "could not read the server's output: " + e;
    }
  }

  private static void drain(BufferedReader r) {
    try {
      while (r.readLine() != null) {
        // discard
      }
    } catch (IOException closedWhenTheProcessEnded) {
      // nothing more to drain
    }
  }

  private List<Path> workspaces() throws IOException {
    try (Stream<Path> s = Files.list(tmp)) {
      return s.filter(f -> f.getFileName().toString().startsWith("toolwarden-workspace")).toList();
    }
  }
}
