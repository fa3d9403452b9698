package dev.toolwarden.it.observability;

import dev.toolwarden.it.support.Components;
import dev.toolwarden.it.support.FreePort;
import dev.toolwarden.it.support.ProcessReaper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A real Prometheus (Debian's {@code prometheus} package) on 127.0.0.1 and a free port, with a generated config that
 * scrapes one target every second and a temporary storage directory; stopped by {@link #close()}. Under
 * {@code CI=true} a missing binary fails the test, elsewhere it is skipped loudly ({@link Components}).
 */
final class Prometheus implements AutoCloseable {

  static final String JOB = "toolwarden";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final int port;
  private final Path log;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private Prometheus(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /** Requires the binary (see {@link Components#require}). */
  static String binary() {
    String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
    for (String dir : path.split(java.io.File.pathSeparator)) {
      Path candidate = Path.of(dir, "prometheus");
      if (Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    Components.require("Prometheus (Debian package prometheus)",
        "no prometheus on the PATH: apt-get install prometheus (.ci/run install_observability_tools)");
    return null; // not reached: require() fails or aborts
  }

  /** Starts Prometheus scraping {@code 127.0.0.1:targetPort/metrics} every second and waits until it is ready. */
  static Prometheus start(Path dir, int targetPort, ProcessReaper reaper) throws IOException {
    String binary = binary();
    int port = FreePort.find();
    Path config = dir.resolve("prometheus.yml");
    Files.writeString(config, "global:\n  scrape_interval: 1s\n  scrape_timeout: 1s\n"
        + "scrape_configs:\n  - job_name: " + JOB + "\n    static_configs:\n      - targets: ['127.0.0.1:" + targetPort
        + "']\n");
    Path log = dir.resolve("prometheus.log");
    ProcessBuilder pb = new ProcessBuilder(binary, "--config.file=" + config, "--storage.tsdb.path=" + dir.resolve("data"),
        "--web.listen-address=127.0.0.1:" + port, "--log.level=warn")
        .redirectErrorStream(true).redirectOutput(log.toFile());
    Process process = reaper.track(pb.start());
    Prometheus p = new Prometheus(process, port, log);
    p.awaitReady();
    return p;
  }

  private void awaitReady() throws IOException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60); // only a broken start takes this long
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError("prometheus exited with " + process.exitValue() + ":\n" + Files.readString(log));
      }
      try {
        if (http.send(HttpRequest.newBuilder(URI.create(base() + "/-/ready")).build(),
            HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
    }
    throw new AssertionError("prometheus not ready in 60 s:\n" + Files.readString(log));
  }

  /** {@code http://127.0.0.1:port}. */
  String base() {
    return "http://127.0.0.1:" + port;
  }

  /**
   * An instant query; the result as (labels joined with {@code ,} in the order given) → value.
   *
   * @param labels the label names that identify a series of the result
   */
  Map<String, Double> query(String promql, String... labels) throws IOException, InterruptedException {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/query?query="
        + URLEncoder.encode(promql, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
    JsonNode body = JSON.readTree(r.body());
    if (r.statusCode() != 200 || !"success".equals(body.path("status").asString())) {
      throw new AssertionError("query " + promql + " failed: " + r.statusCode() + " " + r.body());
    }
    Map<String, Double> result = new HashMap<>();
    for (JsonNode series : body.path("data").path("result")) {
      StringBuilder key = new StringBuilder();
      for (String label : labels) {
        key.append(key.length() == 0 ? "" : ",").append(series.path("metric").path(label).asString(""));
      }
      result.put(key.toString(), Double.parseDouble(series.path("value").get(1).asString()));
    }
    return result;
  }

  /** Waits until {@code promql} (a single series) has {@code expected}, or fails with what it last had. */
  double awaitValue(String promql, double expected) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120); // scraping is every second: generous
    Map<String, Double> last = Map.of();
    while (System.nanoTime() < deadline) {
      last = query(promql);
      if (last.size() == 1 && last.values().iterator().next() == expected) {
        return expected;
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(250));
    }
    throw new AssertionError("prometheus never had " + promql + " == " + expected + "; last: " + last
        + "\nlog:\n" + Files.readString(log));
  }

  @Override
  public void close() {
    process.destroy(); // SIGTERM: Prometheus shuts down cleanly
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
