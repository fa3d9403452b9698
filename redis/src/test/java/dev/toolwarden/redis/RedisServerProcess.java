package dev.toolwarden.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code redis-server} (the Debian package) on 127.0.0.1, on a free port, with persistence
 * off ({@code --save "" --appendonly no}); {@link #kill()} stops it the hard way (SIGKILL, as a
 * crash), {@link #start()} starts it again on the same port, {@link #pause()} / {@link #resume()}
 * freeze it (SIGSTOP/SIGCONT: a Redis that accepts connections but never answers).
 */
final class RedisServerProcess implements AutoCloseable {

  static final String BINARY = "redis-server";

  private final int port;
  private final List<String> extraArgs;
  private final Path dir;
  private Process process;

  private RedisServerProcess(int port, List<String> extraArgs) throws IOException {
    this.port = port;
    this.extraArgs = extraArgs;
    this.dir = Files.createTempDirectory("toolwarden-redis-test");
  }

  /** Starts one, or fails/skips the test by the {@link RequiredComponent} rule when redis-server is missing. */
  static RedisServerProcess startNew(String... extraArgs) throws IOException {
    RequiredComponent.require(installed(), BINARY, "install it with `apt-get install -y redis-server` (.ci/run does)");
    RedisServerProcess r = new RedisServerProcess(freePort(), List.of(extraArgs));
    r.start();
    return r;
  }

  static boolean installed() {
    // the PATH decides, as it does for ProcessBuilder
    for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, BINARY))) {
        return true;
      }
    }
    return false;
  }

  int port() {
    return port;
  }

  String url() {
    return "redis://127.0.0.1:" + port;
  }

  long pid() {
    return process.pid();
  }

  synchronized void start() throws IOException {
    if (process != null && process.isAlive()) {
      return;
    }
    List<String> cmd = new ArrayList<>(List.of(BINARY, "--bind", "127.0.0.1", "--port", Integer.toString(port),
        "--save", "", "--appendonly", "no", "--dir", dir.toString(), "--daemonize", "no", "--loglevel", "warning",
        "--protected-mode", "yes"));
    cmd.addAll(extraArgs);
    process = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(dir.resolve("redis.log").toFile()).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60); // only a hang takes this long
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException("redis-server exited at start: " + Files.readString(dir.resolve("redis.log")));
      }
      if (answersPing()) {
        return;
      }
      sleep(20);
    }
    throw new IOException("redis-server did not answer PING on port " + port + " within 10 s");
  }

  /** SIGKILL: the server disappears as in a crash. */
  synchronized void kill() throws InterruptedException {
    if (process != null) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }

  void pause() throws IOException, InterruptedException {
    signal("STOP");
  }

  void resume() throws IOException, InterruptedException {
    signal("CONT");
  }

  private void signal(String sig) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("kill", "-" + sig, Long.toString(process.pid())).inheritIO().start();
    if (p.waitFor() != 0) {
      throw new IOException("kill -" + sig + " failed");
    }
  }

  /** One raw RESP command (inline form), for assertions independent of the code under test. */
  String command(String... parts) throws IOException {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
      s.setSoTimeout(2000);
      StringBuilder b = new StringBuilder("*").append(parts.length).append("\r\n");
      for (String p : parts) {
        byte[] bytes = p.getBytes(StandardCharsets.UTF_8);
        b.append('$').append(bytes.length).append("\r\n").append(p).append("\r\n");
      }
      OutputStream out = s.getOutputStream();
      out.write(b.toString().getBytes(StandardCharsets.UTF_8));
      out.flush();
      InputStream in = s.getInputStream();
      byte[] buf = new byte[65536];
      int n = in.read(buf);
      return n <= 0 ? "" : new String(buf, 0, n, StandardCharsets.UTF_8);
    }
  }

  private boolean answersPing() {
    try {
      return command("PING").startsWith("+PONG") || command("PING").startsWith("-NOAUTH");
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public synchronized void close() {
    if (process != null) {
      if (process.isAlive()) {
        process.toHandle().children().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
      }
      try {
        process.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // temporary files only
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      s.setReuseAddress(true);
      return s.getLocalPort();
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
