package dev.toolwarden.benchmarks;

import dev.toolwarden.benchmarks.servers.OnlyBundles;
import dev.toolwarden.benchmarks.tools.PipelineTools;
import dev.toolwarden.redis.RedisRateLimiter;
import dev.toolwarden.runtime.RunningServer;
import dev.toolwarden.runtime.Toolwarden;
import dev.toolwarden.runtime.audit.AuditSink;
import dev.toolwarden.runtime.http.HttpOptions;
import dev.toolwarden.runtime.ratelimit.RateLimitDecision;
import dev.toolwarden.runtime.ratelimit.RateLimiterBackend;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The latency of Redis decisions where the README's user met spurious refusals: three replicas
 * (Toolwarden servers over Streamable HTTP, each with its own {@link RedisRateLimiter}) and 16
 * concurrent MCP sessions round-robin over them, each calling a rate-limited tool 7 times per
 * round, fresh replicas every round; with {@code --hog}, one busy-loop process per core as other
 * work on the host (run the whole command under {@code taskset -c 0} to pin it to one core). The
 * limiters get a 60 s timeout so that every decision is measured rather than cut off; the figures
 * say how many would have exceeded a given timeout.
 */
final class RedisDecisionsUnderLoad {

  static final int REPLICAS = 3;
  static final int CLIENTS = 16;
  static final int CALLS_PER_CLIENT = 7;
  static final long[] THRESHOLDS_MS = {100, 250, 500, 1000, 2000};

  private RedisDecisionsUnderLoad() {}

  static void run(String redisUrl, int rounds, boolean hog) throws Exception {
    List<Process> hogs = new ArrayList<>();
    ConcurrentLinkedQueue<Long> nanos = new ConcurrentLinkedQueue<>();
    try {
      if (hog) {
        for (int i = 0; i < Runtime.getRuntime().availableProcessors(); i++) {
          hogs.add(new ProcessBuilder("sh", "-c", "while :; do :; done")
              .redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
        }
      }
      for (int r = 0; r < rounds; r++) {
        round(redisUrl, "under-load-" + r, nanos);
      }
    } finally {
      for (Process p : hogs) {
        p.destroyForcibly();
        p.waitFor(10, TimeUnit.SECONDS);
      }
    }
    long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
    System.out.printf(Locale.ROOT, "%d replicas, %d MCP clients x %d calls, %d rounds, busy loops: %d; %s%n",
        REPLICAS, CLIENTS, CALLS_PER_CLIENT, rounds, hogs.size(), Stats.load());
    System.out.printf(Locale.ROOT, "decisions %d: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, p99.9 %.1f ms, max %.1f ms%n",
        sorted.length, ms(Stats.percentile(sorted, 50)), ms(Stats.percentile(sorted, 90)),
        ms(Stats.percentile(sorted, 99)), ms(Stats.percentile(sorted, 99.9)), ms(sorted[sorted.length - 1]));
    for (long t : THRESHOLDS_MS) {
      long over = 0;
      for (long v : sorted) {
        if (v > TimeUnit.MILLISECONDS.toNanos(t)) {
          over++;
        }
      }
      System.out.printf(Locale.ROOT, "  slower than %5d ms: %5d (%.2f %%)%n", t, over, 100.0 * over / sorted.length);
    }
  }

  private static void round(String redisUrl, String name, ConcurrentLinkedQueue<Long> nanos) throws Exception {
    List<RedisRateLimiter> limiters = new ArrayList<>();
    List<RunningServer> servers = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    try {
      for (int i = 0; i < REPLICAS; i++) {
        RedisRateLimiter limiter = RedisRateLimiter.builder(redisUrl).timeout(Duration.ofSeconds(60)).build();
        limiters.add(limiter);
        servers.add(Toolwarden.server(name, "1.0.0")
            .classLoader(new OnlyBundles(PipelineTools.class.getName() + "_ToolBundle"))
            .tools(new PipelineTools())
            .httpClientLimit(0, Duration.ofMinutes(1))
            .auditSink(e -> { })
            .rateLimiter(timed(limiter, nanos))
            .http(HttpOptions.loopback(0)));
      }
      CountDownLatch go = new CountDownLatch(1);
      List<Future<?>> done = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        String url = servers.get(c % REPLICAS).url();
        done.add(pool.submit(() -> {
          McpHttp session = new McpHttp(url, null).open();
          go.await();
          for (int i = 0; i < CALLS_PER_CLIENT; i++) {
            session.request("tools/call", "{\"name\":\"lookup\",\"arguments\":{\"id\":\"a\",\"count\":1}}");
          }
          return null;
        }));
      }
      go.countDown();
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
      servers.forEach(RunningServer::close);
      limiters.forEach(RedisRateLimiter::close);
    }
  }

  /** The limiter, timing each decision. */
  private static RateLimiterBackend timed(RedisRateLimiter limiter, ConcurrentLinkedQueue<Long> nanos) {
    return new RateLimiterBackend() {
      @Override
      public RateLimitDecision tryAcquire(String key, int permits, long windowMillis) {
        long t0 = System.nanoTime();
        RateLimitDecision d = limiter.tryAcquire(key, permits, windowMillis);
        nanos.add(System.nanoTime() - t0);
        if (d.backendUnavailable()) {
          throw new IllegalStateException("Redis was declared unavailable: the measurement is void");
        }
        return d;
      }

      @Override
      public void attach(String serverName, AuditSink audit) {
        limiter.attach(serverName, audit);
      }
    };
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }
}
