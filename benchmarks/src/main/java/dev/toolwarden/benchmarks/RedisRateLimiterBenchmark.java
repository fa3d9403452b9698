package dev.toolwarden.benchmarks;

import dev.toolwarden.redis.RedisRateLimiter;
import dev.toolwarden.runtime.internal.ratelimit.InMemoryRateLimiter;
import dev.toolwarden.runtime.ratelimit.RateLimiterBackend;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Per-call cost of the Redis rate limiter against its baselines, in one run on one machine:
 * a raw Redis {@code PING} round trip (Lettuce, its own connection), the Redis limiter admitting
 * (the script refills, takes and writes) and refusing (the script reads only), and the in-memory
 * limiter. Starts its own {@code redis-server} on 127.0.0.1 (free port, persistence off), warms
 * up, then alternates the four in rounds; prints median, p90, p99 and mean per call, and the
 * ratios to one PING.
 *
 * <p>{@code java -cp benchmarks/target/toolwarden-benchmarks.jar dev.toolwarden.benchmarks.RedisRateLimiterBenchmark [--calls N] [--rounds N]}
 *
 * <p>With {@code --under-load [--hog] [--rounds N]}: how long decisions take on a busy host instead
 * (what sizes the default timeout), see {@link RedisDecisionsUnderLoad}.
 */
public final class RedisRateLimiterBenchmark {

  private RedisRateLimiterBenchmark() {}

  interface Op {
    void run(int i);
  }

  /** Runs the benchmark (arguments above) and prints its figures. */
  public static void main(String[] args) throws Exception {
    run(args);
    // the servers of --under-load leave the SDK's session-sweeper threads (not daemon threads) behind
    System.exit(0);
  }

  private static void run(String[] args) throws Exception {
    int calls = 20_000;
    int rounds = 7;
    boolean underLoad = false;
    boolean hog = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--calls" -> calls = Integer.parseInt(args[++i]);
        case "--rounds" -> rounds = Integer.parseInt(args[++i]);
        case "--under-load" -> underLoad = true;
        case "--hog" -> hog = true;
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    Path dir = Files.createTempDirectory("toolwarden-redis-bench");
    Process redis = new ProcessBuilder("redis-server", "--bind", "127.0.0.1", "--port", Integer.toString(port),
        "--save", "", "--appendonly", "no", "--dir", dir.toString(), "--loglevel", "warning")
        .redirectErrorStream(true).redirectOutput(dir.resolve("redis.log").toFile()).start();
    RedisClient raw = null;
    RedisRateLimiter limiter = null;
    try {
      awaitPort(port);
      String url = "redis://127.0.0.1:" + port;
      if (underLoad) {
        RedisDecisionsUnderLoad.run(url, rounds, hog);
        return;
      }
      raw = RedisClient.create(RedisURI.create(url));
      StatefulRedisConnection<String, String> pingConnection = raw.connect();
      RedisCommands<String, String> ping = pingConnection.sync();
      limiter = RedisRateLimiter.builder(url).namespace("bench").build(); // the defaults
      InMemoryRateLimiter memory = new InMemoryRateLimiter();
      RedisRateLimiter l = limiter;
      // refusals: a bucket of 1 per day, spent once
      l.tryAcquire("tool:deny|principal:bench", 1, 86_400_000);

      Map<String, Op> ops = new LinkedHashMap<>();
      ops.put("redis PING (Lettuce sync)", i -> ping.ping());
      // the floor of any script: EVALSHA of `return 0` with the limiter's key and arguments, sent as the limiter sends
      String emptySha = ping.scriptLoad("return 0");
      String[] emptyKeys = {"toolwarden:bench:tool:empty|principal:bench"};
      ops.put("EVALSHA of `return 0` (async)", i -> awaitEmpty(pingConnection.async().<Long>evalsha(emptySha,
          ScriptOutputType.INTEGER, emptyKeys, "1000000000", "3600000", "1000")));
      // the least any correct shared bucket asks of Redis: the server's clock, one read and one write with an expiry
      // of one string value (what a one-number algorithm such as GCRA needs); constant values, no arithmetic
      String leastSha = ping.scriptLoad("local t = redis.call('TIME') local v = redis.call('GET', KEYS[1]) "
          + "redis.call('SET', KEYS[1], t[1], 'PX', 3600000) return 0");
      ops.put("EVALSHA of TIME + GET + SET PX", i -> awaitEmpty(pingConnection.async().<Long>evalsha(leastSha,
          ScriptOutputType.INTEGER, emptyKeys, "1000000000", "3600000", "1000")));
      ops.put("RedisRateLimiter, admitted", i -> check(l, "tool:allow|principal:bench", 1_000_000_000, 3_600_000, true));
      ops.put("RedisRateLimiter, refused", i -> check(l, "tool:deny|principal:bench", 1, 86_400_000, false));
      ops.put("InMemoryRateLimiter, admitted", i -> check(memory, "tool:allow|principal:bench", 1_000_000_000, 3_600_000, true));

      System.out.printf(Locale.ROOT, "%s, Java %s, %d cores; %d rounds x %d calls per variant, single thread%n",
          redisVersion(ping), System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), rounds, calls);
      for (Op op : ops.values()) { // warm-up
        for (int i = 0; i < calls; i++) {
          op.run(i);
        }
      }
      Map<String, long[]> samples = new LinkedHashMap<>();
      for (String name : ops.keySet()) {
        samples.put(name, new long[rounds * calls]);
      }
      for (int r = 0; r < rounds; r++) {
        for (Map.Entry<String, Op> e : ops.entrySet()) {
          long[] into = samples.get(e.getKey());
          Op op = e.getValue();
          for (int i = 0; i < calls; i++) {
            long t0 = System.nanoTime();
            op.run(i);
            into[r * calls + i] = System.nanoTime() - t0;
          }
        }
      }
      double pingMedian = percentile(samples.get("redis PING (Lettuce sync)"), 0.5);
      double pingMean = mean(samples.get("redis PING (Lettuce sync)"));
      System.out.printf(Locale.ROOT, "%-32s %10s %10s %10s %10s %14s%n", "per call (µs)", "median", "p90", "p99", "mean",
          "median/PING");
      for (Map.Entry<String, long[]> e : samples.entrySet()) {
        long[] s = e.getValue();
        double median = percentile(s, 0.5);
        System.out.printf(Locale.ROOT, "%-32s %10.2f %10.2f %10.2f %10.2f %13.2fx%n", e.getKey(), median / 1000,
            percentile(s, 0.9) / 1000, percentile(s, 0.99) / 1000, mean(s) / 1000, median / pingMedian);
      }
      double limiterMean = mean(samples.get("RedisRateLimiter, admitted"));
      System.out.printf(Locale.ROOT, "mean, admitted vs PING: %.2fx%n", limiterMean / pingMean);
      pingConnection.close();
    } finally {
      if (limiter != null) {
        limiter.close();
      }
      if (raw != null) {
        raw.shutdown();
      }
      redis.destroyForcibly();
      redis.waitFor(10, TimeUnit.SECONDS);
      try (var files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static void awaitEmpty(RedisFuture<Long> reply) {
    try {
      if (reply.get(10, TimeUnit.SECONDS) != 0L) {
        throw new IllegalStateException("the empty script answered " + reply.get());
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void check(RateLimiterBackend b, String key, int permits, long window, boolean expectAllowed) {
    if (b.tryAcquire(key, permits, window).allowed() != expectAllowed) {
      throw new IllegalStateException("unexpected decision for " + key);
    }
  }

  private static String redisVersion(RedisCommands<String, String> c) {
    for (String line : c.info("server").split("\r?\n")) {
      if (line.startsWith("redis_version:")) {
        return "Redis " + line.substring("redis_version:".length()).trim();
      }
    }
    return "Redis";
  }

  private static double percentile(long[] values, double p) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[Math.min(sorted.length - 1, (int) Math.floor(p * sorted.length))];
  }

  private static double mean(long[] values) {
    double sum = 0;
    for (long v : values) {
      sum += v;
    }
    return sum / values.length;
  }

  private static void awaitPort(int port) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      try (Socket s = new Socket("127.0.0.1", port)) {
        return;
      } catch (IOException e) {
        Thread.sleep(20);
      }
    }
    throw new IOException("redis-server did not listen on " + port);
  }
}
