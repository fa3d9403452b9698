package dev.toolwarden.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwarden.runtime.RunningServer;
import dev.toolwarden.runtime.Toolwarden;
import dev.toolwarden.runtime.http.HttpOptions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Three full Toolwarden servers (Streamable HTTP, each with its own Redis client, every setting at
 * its default) called round-robin by 16 concurrent MCP clients while busy loops keep every core of
 * the host busy: the limit holds for the deployment, and no call is refused for want of Redis.
 */
class ReplicasShareRedisTest {

  static final int ROUNDS = 3;
  static final int CALLS_PER_CLIENT = 6; // 96 calls for a budget of 20

  @Test
  void sixteenClientsOnThreeReplicasGetExactlyTheLimitWithTheDefaultsOnABusyHost() throws Exception {
    try (RedisServerProcess redis = RedisServerProcess.startNew(); CpuHog hog = CpuHog.onEveryCore()) {
      assertTrue(hog.processes() > 0);
      for (int round = 0; round < ROUNDS; round++) {
        // fresh replicas (cold clients, new connections) and a fresh bucket each round
        String name = "shop-" + round;
        List<RedisRateLimiter> limiters = new ArrayList<>();
        List<LimitedTools> tools = new ArrayList<>();
        List<RunningServer> servers = new ArrayList<>();
        try {
          for (int i = 0; i < 3; i++) {
            RedisRateLimiter limiter = RedisRateLimiter.builder(redis.url()).build(); // the defaults
            LimitedTools t = new LimitedTools();
            limiters.add(limiter);
            tools.add(t);
            servers.add(Toolwarden.server(name, "1.0.0").tools(t).rateLimiter(limiter)
                .auditSink(e -> { }).http(HttpOptions.loopback(0)));
          }
          ReplicaRun run = ReplicaRun.call(servers, "limited_global", CALLS_PER_CLIENT);
          int calls = ReplicaRun.CLIENTS * CALLS_PER_CLIENT;
          assertEquals(LimitedToolsBundle.GLOBAL_PERMITS, run.admitted(), "admitted across 3 replicas: " + run);
          assertEquals(calls - LimitedToolsBundle.GLOBAL_PERMITS, run.refusedByTheLimit(),
              "every other call is refused by the limit, none for want of Redis: " + run);
          int ran = tools.stream().mapToInt(t -> t.ran.get()).sum();
          assertEquals(LimitedToolsBundle.GLOBAL_PERMITS, ran, "the method ran exactly as often as admitted");
          assertTrue(tools.stream().filter(t -> t.ran.get() > 0).count() >= 2, "calls were admitted on several replicas");
          for (RedisRateLimiter limiter : limiters) {
            assertEquals(0, limiter.outageCount(), "no outage declared while Redis was up");
          }
          assertTrue(redis.command("EXISTS", "toolwarden:" + name + ":tool:limited_global").startsWith(":1"),
              "one bucket, namespaced by the server name");
        } finally {
          servers.forEach(RunningServer::close);
          limiters.forEach(RedisRateLimiter::close);
        }
      }
    }
  }
}
