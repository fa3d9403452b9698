package dev.toolwarden.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwarden.runtime.audit.AuditEvent;
import dev.toolwarden.runtime.audit.AuditOutcome;
import dev.toolwarden.spring.app.GreetingApp;
import dev.toolwarden.spring.app.GreetingTools;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** Graceful shutdown lets a call in flight finish; the health contributor reports the rate-limit backend. */
class ShutdownAndHealthTest {

  private static ConfigurableApplicationContext start() {
    return SpringApplication.run(GreetingApp.class, "--server.port=0", "--server.address=127.0.0.1",
        "--spring.main.banner-mode=off");
  }

  @Test
  void aCallInFlightWhenTheApplicationStopsStillCompletes() throws Exception {
    GreetingTools.slowCallStarted = new CountDownLatch(1);
    ConfigurableApplicationContext context = start();
    int port = ((WebServerApplicationContext) context).getWebServer().getPort();
    try (McpSyncClient client = McpClient.sync(HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + port)
        .build()).requestTimeout(Duration.ofSeconds(60)).build()) {
      client.initialize();
      CompletableFuture<McpSchema.CallToolResult> call = CompletableFuture.supplyAsync(() -> client.callTool(
          new McpSchema.CallToolRequest("slow_greet", Map.of("name", "Ada", "millis", 1500))));
      assertTrue(GreetingTools.slowCallStarted.await(30, TimeUnit.SECONDS), "the slow call started");
      CompletableFuture<Void> closing = CompletableFuture.runAsync(context::close);
      McpSchema.CallToolResult r = call.get(60, TimeUnit.SECONDS);
      assertFalse(Boolean.TRUE.equals(r.isError()), r.toString());
      assertEquals("Hello, Ada!", ((McpSchema.TextContent) r.content().get(0)).text());
      closing.get(60, TimeUnit.SECONDS);
    } finally {
      context.close();
    }
  }

  @Test
  void healthIsDownWhileTheRateLimitBackendIsUnavailable() {
    try (ConfigurableApplicationContext context = start()) {
      HealthIndicator indicator = context.getBean("toolwardenHealthIndicator", HealthIndicator.class);
      Health up = indicator.health();
      assertEquals(Status.UP, up.getStatus());
      assertEquals(3, up.getDetails().get("tools"));
      assertEquals("available", up.getDetails().get("rateLimitBackend"));
      ToolwardenServer server = context.getBean(ToolwardenServer.class);
      server.backendState().record(AuditEvent.builder(AuditOutcome.RATE_LIMIT_BACKEND_UNAVAILABLE)
          .reason("redis 127.0.0.1:6390 unavailable").build());
      Health down = indicator.health();
      assertEquals(Status.DOWN, down.getStatus());
      assertEquals("redis 127.0.0.1:6390 unavailable", down.getDetails().get("rateLimitBackendOutage"));
      server.backendState().record(AuditEvent.builder(AuditOutcome.RATE_LIMIT_BACKEND_RECOVERED).reason("back").build());
      assertEquals(Status.UP, indicator.health().getStatus());
    }
  }
}
