package dev.toolwarden.redis;

import dev.toolwarden.runtime.RunningServer;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * 16 concurrent MCP clients (the SDK's, over Streamable HTTP), spread round-robin over the replicas,
 * all starting at once, each calling one tool a number of times; what they were answered, counted by
 * answer text.
 */
final class ReplicaRun {

  static final int CLIENTS = 16;

  /** How often each answer came back: "done" for an admitted call, the error text for a refused one. */
  final Map<String, AtomicInteger> answers = new ConcurrentHashMap<>();

  private ReplicaRun() {}

  static ReplicaRun call(List<RunningServer> replicas, String tool, int callsPerClient) throws Exception {
    ReplicaRun run = new ReplicaRun();
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    try {
      CountDownLatch ready = new CountDownLatch(CLIENTS);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<?>> done = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        RunningServer replica = replicas.get(c % replicas.size());
        done.add(pool.submit(() -> {
          try (McpSyncClient client = McpClients.connect(replica)) {
            ready.countDown();
            go.await();
            for (int i = 0; i < callsPerClient; i++) {
              McpSchema.CallToolResult r = McpClients.call(client, tool);
              run.answers.computeIfAbsent(McpClients.text(r), k -> new AtomicInteger()).incrementAndGet();
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
    } finally {
      pool.shutdownNow();
    }
    return run;
  }

  /** Calls admitted (answered "done" by the tool). */
  int admitted() {
    return count("done");
  }

  /** Calls refused because the budget is spent. */
  int refusedByTheLimit() {
    return answers.entrySet().stream().filter(e -> e.getKey().startsWith("Rate limit exceeded"))
        .mapToInt(e -> e.getValue().get()).sum();
  }

  int count(String answer) {
    AtomicInteger n = answers.get(answer);
    return n == null ? 0 : n.get();
  }

  @Override
  public String toString() {
    return answers.toString();
  }
}
