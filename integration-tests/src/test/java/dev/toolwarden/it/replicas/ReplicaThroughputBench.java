package dev.toolwarden.it.replicas;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwarden.it.support.ProcessReaper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Throughput through HAProxy on loopback: 1 vs 3 replicas, stateless vs stateful, 16 clients, a
 * fixed time per configuration (bounded). Opt-in, as it takes about two minutes:
 * {@code mvn -B verify -pl integration-tests -am -Dtest=ReplicaThroughputBench -Dtoolwarden.bench.replicas=true
 * -Dsurefire.failIfNoSpecifiedTests=false -Dinvoker.skip}; the table goes to the test's output and
 * {@code target/replica-throughput.md}. Results and their reading: BENCHMARKS.md.
 */
class ReplicaThroughputBench {

  @RegisterExtension static final ProcessReaper REAPER = new ProcessReaper();

  private static final int CLIENTS = 16;
  private static final Duration WARMUP = Duration.ofSeconds(5);
  private static final Duration MEASURE = Duration.ofSeconds(15);
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private record Result(String config, int calls, double perSecond, double p50Millis, double p99Millis, int errors) {}

  @Test
  void oneVersusThreeReplicasStatelessAndStateful() throws Exception {
    Assumptions.assumeTrue(Boolean.getBoolean("toolwarden.bench.replicas"),
        "opt-in benchmark: -Dtoolwarden.bench.replicas=true");
    Haproxy.require();
    List<Result> results = new ArrayList<>();
    try (LocalRedis redis = LocalRedis.start(REAPER)) {
      for (String mode : List.of("stateless", "stateful")) {
        for (int n : List.of(1, 3)) {
          int lbPort = Haproxy.freePort();
          try (Replicas replicas = Replicas.start(n, mode, redis.url(), "127.0.0.1:" + lbPort, REAPER);
              Haproxy lb = Haproxy.start(lbPort, replicas.ports(), "stateful".equals(mode), REAPER)) {
            results.add(run(mode + ", " + n + " replica" + (n == 1 ? "" : "s"), lb.url(), "stateful".equals(mode)));
          }
        }
      }
    }
    StringBuilder table = new StringBuilder("| configuration | calls | calls/s | p50 ms | p99 ms | errors |\n"
        + "|---|---:|---:|---:|---:|---:|\n");
    for (Result r : results) {
      table.append(String.format(java.util.Locale.ROOT, "| %s | %d | %.0f | %.1f | %.1f | %d |%n", r.config(), r.calls(),
          r.perSecond(), r.p50Millis(), r.p99Millis(), r.errors()));
    }
    System.err.println(table);
    java.nio.file.Files.writeString(java.nio.file.Path.of(System.getProperty("toolwarden.it.buildDir", "target"),
        "replica-throughput.md"), table);
    for (Result r : results) {
      assertTrue(r.calls() > 0, r.toString());
      assertTrue(r.errors() * 100 <= r.calls(), "more than 1% errors: " + r);
    }
  }

  private static Result run(String config, String url, boolean stateful) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger errors = new AtomicInteger();
    long start = System.nanoTime();
    long measureFrom = start + WARMUP.toNanos();
    long end = measureFrom + MEASURE.toNanos();
    List<Future<?>> loops = new ArrayList<>();
    for (int c = 0; c < CLIENTS; c++) {
      loops.add(pool.submit(() -> {
        String session = stateful ? initialize(url) : null;
        for (int i = 0; System.nanoTime() < end; i++) {
          long t0 = System.nanoTime();
          boolean ok;
          try {
            HttpResponse<String> r = post(url, "{\"jsonrpc\":\"2.0\",\"id\":" + i + ",\"method\":\"tools/call\","
                + "\"params\":{\"name\":\"whoami\",\"arguments\":{}}}", session);
            ok = r.statusCode() == 200 && r.body().contains("\"text\":\"r");
          } catch (java.io.IOException e) {
            ok = false; // counted, not fatal: the table reports errors
          }
          long t1 = System.nanoTime();
          if (t0 >= measureFrom && t1 <= end) {
            if (ok) {
              latencies.add(t1 - t0);
            } else {
              errors.incrementAndGet();
            }
          }
        }
        return null;
      }));
    }
    for (Future<?> f : loops) {
      f.get(MEASURE.plus(WARMUP).toSeconds() + 120, TimeUnit.SECONDS);
    }
    pool.shutdown();
    List<Long> sorted = new ArrayList<>(latencies);
    Collections.sort(sorted);
    return new Result(config, sorted.size(), sorted.size() / (double) MEASURE.toSeconds(),
        percentile(sorted, 0.50), percentile(sorted, 0.99), errors.get());
  }

  private static double percentile(List<Long> sorted, double p) {
    return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size()))) / 1e6;
  }

  private static String initialize(String url) throws Exception {
    HttpResponse<String> r = post(url, "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":"
        + "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"bench\",\"version\":\"1\"}}}",
        null);
    String session = r.headers().firstValue("Mcp-Session-Id").orElseThrow();
    post(url, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}", session);
    return session;
  }

  private static HttpResponse<String> post(String url, String body, String session) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (session != null) {
      b.header("Mcp-Session-Id", session);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
