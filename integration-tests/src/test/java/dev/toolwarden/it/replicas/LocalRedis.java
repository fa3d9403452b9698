package dev.toolwarden.it.replicas;

import dev.toolwarden.it.support.Components;
import dev.toolwarden.it.support.FreePort;
import dev.toolwarden.it.support.ProcessReaper;
import java.io.IOException;
import java.util.concurrent.TimeUnit;

/** A throwaway {@code redis-server} on 127.0.0.1 (no persistence) for the replicas to share budgets through. */
final class LocalRedis implements AutoCloseable {

  private final Process process;
  private final int port;

  private LocalRedis(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  static LocalRedis start(ProcessReaper reaper) throws IOException {
    Components.require("Redis (redis-server)", Haproxy.onPath("redis-server") ? null
        : "install it with `apt-get install -y redis-server` (.ci/run does)");
    int port = FreePort.find();
    Process p = reaper.track(new ProcessBuilder("redis-server", "--bind", "127.0.0.1", "--port",
        Integer.toString(port), "--save", "", "--appendonly", "no", "--loglevel", "warning")
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30); // only a hang takes this long
    while (!FreePort.isListening(port)) {
      if (!p.isAlive() || System.nanoTime() > deadline) {
        p.destroyForcibly();
        throw new IOException("redis-server did not start on port " + port);
      }
      Haproxy.sleep(20);
    }
    return new LocalRedis(p, port);
  }

  String url() {
    return "redis://127.0.0.1:" + port;
  }

  @Override
  public void close() throws InterruptedException {
    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
  }
}
