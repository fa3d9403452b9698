package dev.toolwarden.redis;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Other work on the same host: busy-loop processes ({@code sh -c 'while :; do :; done'}), one per
 * core, at normal priority, so that the server threads, the Redis client's threads and
 * {@code redis-server} compete for the CPU as on a loaded machine. Stopped (by process id) on close.
 */
final class CpuHog implements AutoCloseable {

  private final List<Process> hogs = new ArrayList<>();

  private CpuHog() {}

  /** Starts one busy loop per available processor. */
  static CpuHog onEveryCore() throws IOException {
    CpuHog hog = new CpuHog();
    try {
      for (int i = 0; i < Runtime.getRuntime().availableProcessors(); i++) {
        hog.hogs.add(new ProcessBuilder("sh", "-c", "while :; do :; done").redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
      }
    } catch (IOException e) {
      hog.close();
      throw e;
    }
    return hog;
  }

  int processes() {
    return hogs.size();
  }

  @Override
  public void close() {
    for (Process p : hogs) {
      p.destroyForcibly();
    }
    for (Process p : hogs) {
      try {
        p.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
