package dev.toolwarden.it.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An MCP server in its own process, started the way a user starts one.
 *
 * <pre>
 *   Launch jar  = Launch.jar(Path.of("examples/target/toolwarden-example.jar"));    // java -jar … stdio|http PORT
 *   Launch main = Launch.mainClass(BareSdkServer.class);                          // java -cp &lt;test class path&gt; …
 *   try (ServerProcess server = ServerProcess.http(main, REAPER)) { URI url = server.url(); … }
 *   List&lt;String&gt; cmd = main.command("stdio");                                       // for a client that spawns it
 * </pre>
 *
 * HTTP readiness: the server's URL is taken from the first stderr line that prints an
 * {@code http://127.0.0.1:PORT/…} (or {@code localhost}) URL; otherwise the port is polled until it
 * accepts connections. A server that exits early, or is not ready in time, fails the test with the
 * tail of its stderr. stderr is always drained and echoed (prefixed) to the test's output.
 */
public final class ServerProcess implements AutoCloseable {

  /** How a server is started: the command line without its transport arguments. */
  public record Launch(List<String> prefix, Map<String, String> env, String label) {

    public Launch {
      prefix = List.copyOf(prefix);
      env = Map.copyOf(env);
    }

    /** {@code java -jar <jar>}: the way users run a packaged server. */
    public static Launch jar(Path jar) {
      if (!Files.isRegularFile(jar)) {
        throw new IllegalArgumentException("server jar not found: " + jar.toAbsolutePath()
            + " (build it first: mvn -B verify from the repository root)");
      }
      return new Launch(List.of(javaExecutable(), "-jar", jar.toAbsolutePath().toString()), Map.of(),
          jar.getFileName().toString());
    }

    /** {@code java -cp <this JVM's class path> <main>}: for servers in the test sources. */
    public static Launch mainClass(Class<?> main) {
      return new Launch(List.of(javaExecutable(), "-cp", System.getProperty("java.class.path"), main.getName()),
          Map.of(), main.getSimpleName());
    }

    /** The same launch with extra environment variables for the server. */
    public Launch withEnv(Map<String, String> extra) {
      Map<String, String> merged = new java.util.HashMap<>(env);
      merged.putAll(extra);
      return new Launch(prefix, merged, label);
    }

    /** The full command line: the launch prefix, then {@code transportArgs} (e.g. "stdio"). */
    public List<String> command(String... transportArgs) {
      List<String> command = new ArrayList<>(prefix);
      command.addAll(List.of(transportArgs));
      return command;
    }
  }

  private static final Pattern LOOPBACK_URL =
      Pattern.compile("(https?://(?:127\\.0\\.0\\.1|localhost|\\[::1\\]):(\\d+)(?:/[^\\s\"'<>]*)?)");
  private static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(60);

  private final Process process;
  private final StreamCollector stderr;
  private final StreamCollector stdout; // null for stdio: the caller owns the protocol streams
  private final String label;
  private URI url;

  private ServerProcess(Process process, String label, boolean drainStdout) {
    this.process = process;
    this.label = label;
    this.stderr = new StreamCollector(process.getErrorStream(), "[" + label + " stderr] ",
        label + "-stderr").start();
    this.stdout = drainStdout
        ? new StreamCollector(process.getInputStream(), "[" + label + " stdout] ", label + "-stdout").start()
        : null;
  }

  /**
   * Starts {@code java … http PORT} on a free port and waits until it serves.
   *
   * @param mcpPath the endpoint path, used when the server does not print its URL
   */
  public static ServerProcess http(Launch launch, ProcessReaper reaper, String mcpPath) {
    int port = FreePort.find();
    return http(launch, reaper, port, mcpPath, DEFAULT_START_TIMEOUT, "http", String.valueOf(port));
  }

  /** Starts {@code java … http PORT} on a free port, endpoint {@code /mcp}. */
  public static ServerProcess http(Launch launch, ProcessReaper reaper) {
    return http(launch, reaper, "/mcp");
  }

  /** Starts the server with any transport arguments, then waits for its HTTP port. */
  public static ServerProcess http(Launch launch, ProcessReaper reaper, int port, String mcpPath,
      Duration timeout, String... transportArgs) {
    ServerProcess server = start(launch, reaper, true, transportArgs);
    try {
      server.awaitHttp(port, mcpPath, timeout);
    } catch (RuntimeException | Error e) {
      server.close();
      throw e;
    }
    return server;
  }

  /**
   * Starts {@code java … stdio}. The caller speaks the protocol on {@link #stdin()} and
   * {@link #stdout()}; stderr is drained.
   */
  public static ServerProcess stdio(Launch launch, ProcessReaper reaper) {
    return stdio(launch, reaper, "stdio");
  }

  /** Starts a stdio server with its own transport arguments (a Boot application: {@code --toolwarden.transport=stdio}). */
  public static ServerProcess stdio(Launch launch, ProcessReaper reaper, String... transportArgs) {
    return start(launch, reaper, false, transportArgs);
  }

  private static ServerProcess start(Launch launch, ProcessReaper reaper, boolean drainStdout,
      String... transportArgs) {
    ProcessBuilder builder = new ProcessBuilder(launch.command(transportArgs));
    builder.environment().putAll(launch.env());
    try {
      Process process = reaper.track(builder.start());
      return new ServerProcess(process, launch.label(), drainStdout);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + builder.command(), e);
    }
  }

  private void awaitHttp(int port, String mcpPath, Duration timeout) {
    CompletableFuture<URI> printed = new CompletableFuture<>();
    stderr.onLine(line -> {
      Matcher m = LOOPBACK_URL.matcher(line);
      if (m.find()) {
        printed.complete(URI.create(m.group(1)));
      }
    });
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (printed.isDone()) {
        url = printed.join();
        if (url.getPath() == null || url.getPath().isEmpty()) {
          url = url.resolve(mcpPath);
        }
        return;
      }
      if (!process.isAlive()) {
        throw new AssertionError(label + " exited with " + process.exitValue() + " before serving HTTP; stderr:\n"
            + stderr.awaitText(2000));
      }
      if (port > 0 && FreePort.isListening(port)) {
        url = URI.create("http://127.0.0.1:" + port + mcpPath);
        return;
      }
      sleep(100);
    }
    throw new AssertionError(label + " did not serve HTTP within " + timeout + "; stderr:\n" + stderr.tail(50));
  }

  /** The MCP endpoint of an HTTP server. */
  public URI url() {
    if (url == null) {
      throw new IllegalStateException(label + " is not an HTTP server");
    }
    return url;
  }

  /** The server's stdin: where a stdio client writes requests. */
  public OutputStream stdin() {
    return process.getOutputStream();
  }

  /** The server's stdout: the protocol of a stdio server. */
  public InputStream stdout() {
    if (stdout != null) {
      throw new IllegalStateException("stdout of an HTTP server is drained; read stdoutText()");
    }
    return process.getInputStream();
  }

  /** What the server printed on stderr so far. */
  public String stderrText() {
    return stderr.text();
  }

  /**
   * Waits (bounded) until a stderr line contains {@code text}, e.g. a log line written off the request thread; whether
   * one did (lines that arrived before count too).
   */
  public boolean awaitStderr(String text, Duration timeout) {
    CompletableFuture<Void> seen = new CompletableFuture<>();
    stderr.onLine(line -> {
      if (line.contains(text)) {
        seen.complete(null);
      }
    });
    try {
      seen.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (java.util.concurrent.TimeoutException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (java.util.concurrent.ExecutionException e) {
      throw new AssertionError(e);
    }
  }

  /** What an HTTP server printed on stdout so far. */
  public String stdoutText() {
    return stdout == null ? "" : stdout.text();
  }

  public Process process() {
    return process;
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Waits for the process to exit by itself (e.g. after stdin closed); its exit code, or -1 if it did not. */
  public int awaitExit(Duration timeout) {
    try {
      return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  /** Stops the server and its descendants (the reaper would do it after the test anyway). */
  @Override
  public void close() {
    ProcessReaper.kill(process.toHandle());
  }

  static String javaExecutable() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
