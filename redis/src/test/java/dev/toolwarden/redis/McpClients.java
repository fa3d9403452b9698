package dev.toolwarden.redis;

import dev.toolwarden.runtime.RunningServer;
import dev.toolwarden.runtime.ratelimit.RateLimitDecision;
import dev.toolwarden.runtime.ratelimit.RateLimiterBackend;
import dev.toolwarden.runtime.audit.AuditSink;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** The MCP Java SDK client over Streamable HTTP, and a backend decorator that times every decision. */
final class McpClients {

  private McpClients() {}

  static McpSyncClient connect(RunningServer server) {
    McpSyncClient client = McpClient.sync(HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + server.port())
            .endpoint("/mcp").build())
        .requestTimeout(Duration.ofSeconds(20))
        .build();
    client.initialize();
    return client;
  }

  static McpSchema.CallToolResult call(McpSyncClient client, String tool) {
    return client.callTool(new McpSchema.CallToolRequest(tool, Map.of()));
  }

  static String text(McpSchema.CallToolResult r) {
    StringBuilder b = new StringBuilder();
    for (McpSchema.Content c : r.content()) {
      b.append(((McpSchema.TextContent) c).text());
    }
    return b.toString();
  }

  /** Forwards to a backend and keeps the slowest decision it took. */
  static final class Timed implements RateLimiterBackend {
    final RateLimiterBackend inner;
    final AtomicLong maxNanos = new AtomicLong();

    Timed(RateLimiterBackend inner) {
      this.inner = inner;
    }

    @Override
    public RateLimitDecision tryAcquire(String key, int permits, long windowMillis) {
      long t0 = System.nanoTime();
      try {
        return inner.tryAcquire(key, permits, windowMillis);
      } finally {
        maxNanos.accumulateAndGet(System.nanoTime() - t0, Math::max);
      }
    }

    @Override
    public void attach(String serverName, AuditSink audit) {
      inner.attach(serverName, audit);
    }

    long maxMillis() {
      return maxNanos.get() / 1_000_000;
    }

    void reset() {
      maxNanos.set(0);
    }
  }
}
