package dev.toolwarden.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwarden.runtime.RunningServer;
import dev.toolwarden.runtime.Toolwarden;
import dev.toolwarden.runtime.http.HttpOptions;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Three full Toolwarden servers (Streamable HTTP, each with its own Redis client) behind no load
 * balancer but called round-robin by 16 concurrent MCP clients: a limit holds for the deployment.
 */
class ReplicasShareRedisTest {

  @Test
  void sixteenClientsOnThreeReplicasGetExactlyTheLimit() throws Exception {
    try (RedisServerProcess redis = RedisServerProcess.startNew()) {
      List<RedisRateLimiter> limiters = new ArrayList<>();
      List<LimitedTools> tools = new ArrayList<>();
      List<RunningServer> servers = new ArrayList<>();
      ExecutorService pool = Executors.newFixedThreadPool(16);
      try {
        for (int i = 0; i < 3; i++) {
          // a generous timeout: this test is about atomicity across replicas on a CPU-starved machine
          RedisRateLimiter limiter = RedisRateLimiter.builder(redis.url()).timeout(Duration.ofSeconds(2)).build();
          LimitedTools t = new LimitedTools();
          limiters.add(limiter);
          tools.add(t);
          servers.add(Toolwarden.server("shop", "1.0.0").tools(t).rateLimiter(limiter)
              .auditSink(e -> { }).http(HttpOptions.loopback(0)));
        }
        int callsPerClient = 6; // 96 calls for a budget of 20
        AtomicInteger admitted = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        CountDownLatch ready = new CountDownLatch(16);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < 16; c++) {
          RunningServer replica = servers.get(c % 3);
          done.add(pool.submit(() -> {
            try (McpSyncClient client = McpClients.connect(replica)) {
              ready.countDown();
              go.await();
              for (int i = 0; i < callsPerClient; i++) {
                McpSchema.CallToolResult r = McpClients.call(client, "limited_global");
                if (Boolean.TRUE.equals(r.isError())) {
                  assertTrue(McpClients.text(r).startsWith("Rate limit exceeded for tool 'limited_global'"),
                      McpClients.text(r));
                  refused.incrementAndGet();
                } else {
                  assertEquals("done", McpClients.text(r));
                  admitted.incrementAndGet();
                }
              }
            }
            return null;
          }));
        }
        ready.await();
        go.countDown();
        for (Future<?> f : done) {
          f.get();
        }
        assertEquals(LimitedToolsBundle.GLOBAL_PERMITS, admitted.get(), "admitted across 3 replicas");
        assertEquals(16 * callsPerClient - LimitedToolsBundle.GLOBAL_PERMITS, refused.get());
        int ran = tools.stream().mapToInt(t -> t.ran.get()).sum();
        assertEquals(LimitedToolsBundle.GLOBAL_PERMITS, ran, "the method ran exactly as often as admitted");
        assertTrue(tools.stream().filter(t -> t.ran.get() > 0).count() >= 2, "calls were admitted on several replicas");
        assertTrue(redis.command("EXISTS", "toolwarden:shop:tool:limited_global").startsWith(":1"),
            "one bucket, namespaced by the server name");
      } finally {
        pool.shutdownNow();
        servers.forEach(RunningServer::close);
        limiters.forEach(RedisRateLimiter::close);
      }
    }
  }
}
