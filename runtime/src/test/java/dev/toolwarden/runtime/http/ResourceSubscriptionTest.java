package dev.toolwarden.runtime.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwarden.runtime.RunningServer;
import dev.toolwarden.runtime.ServerBuilder;
import dev.toolwarden.runtime.Toolwarden;
import dev.toolwarden.runtime.ToolwardenStartupException;
import dev.toolwarden.runtime.testtools.EchoTools;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * {@code resources/subscribe}: off by default ("method not found", as the MCP conformance suite's
 * resources-subscribe scenario found), on with {@link ServerBuilder#resourceSubscriptions}, and
 * {@link RunningServer#notifyResourceUpdated} reaches the subscribers of that resource only.
 */
class ResourceSubscriptionTest {

  private static final String URI = "test://watched";

  private static final AtomicReference<String> CONTENT = new AtomicReference<>("v1");

  private static McpServerFeatures.SyncResourceSpecification watched() {
    return new McpServerFeatures.SyncResourceSpecification(
        McpSchema.Resource.builder().uri(URI).name("watched").description("changes").mimeType("text/plain").build(),
        (exchange, request) -> new McpSchema.ReadResourceResult(List.of(
            McpSchema.TextResourceContents.builder(request.uri(), CONTENT.get()).mimeType("text/plain").build())));
  }

  private static ServerBuilder server() {
    return Toolwarden.server("subscriptions", "1.0.0").tools(new EchoTools()).resources(watched());
  }

  @Test
  void withoutTheOptionSubscribingIsMethodNotFound() {
    try (RunningServer server = server().http(HttpOptions.loopback(0));
        McpSyncClient client = client(server, new CopyOnWriteArrayList<>())) {
      McpSchema.InitializeResult init = client.initialize();
      assertFalse(Boolean.TRUE.equals(init.capabilities().resources().subscribe()), init.capabilities().toString());
      McpError e = assertThrows(McpError.class, () -> client.subscribeResource(new McpSchema.SubscribeRequest(URI)));
      assertEquals(McpSchema.ErrorCodes.METHOD_NOT_FOUND, e.getJsonRpcError().code(), e.toString());
      assertThrows(IllegalStateException.class, () -> server.notifyResourceUpdated(URI));
    }
  }

  @Test
  void subscribersAreToldOfUpdatesUntilTheyUnsubscribe() throws Exception {
    List<McpSchema.ResourceContents> subscribed = new CopyOnWriteArrayList<>();
    List<McpSchema.ResourceContents> bystander = new CopyOnWriteArrayList<>();
    try (RunningServer server = server().resourceSubscriptions(true).http(HttpOptions.loopback(0));
        McpSyncClient client = client(server, subscribed);
        McpSyncClient other = client(server, bystander)) {
      McpSchema.InitializeResult init = client.initialize();
      other.initialize();
      assertEquals(Boolean.TRUE, init.capabilities().resources().subscribe(), init.capabilities().toString());
      client.subscribeResource(new McpSchema.SubscribeRequest(URI));

      CONTENT.set("v2");
      server.notifyResourceUpdated(URI);
      awaitSize(subscribed, 1);
      assertEquals("v2", ((McpSchema.TextResourceContents) subscribed.get(0)).text());

      client.unsubscribeResource(new McpSchema.UnsubscribeRequest(URI));
      CONTENT.set("v3");
      server.notifyResourceUpdated(URI);
      client.ping(); // the notification would have been sent before this answer
      Thread.sleep(300);
      assertEquals(1, subscribed.size(), "no update after unsubscribing: " + subscribed);
      assertTrue(bystander.isEmpty(), "a client that never subscribed hears nothing: " + bystander);
    } finally {
      CONTENT.set("v1");
    }
  }

  @Test
  void subscriptionsWithoutResourcesAreRefusedAtStartup() {
    ToolwardenStartupException e = assertThrows(ToolwardenStartupException.class,
        () -> Toolwarden.server("s", "1").tools(new EchoTools()).resourceSubscriptions(true).http(HttpOptions.loopback(0)));
    assertTrue(e.getMessage().contains("resourceSubscriptions"), e.getMessage());
  }

  private static McpSyncClient client(RunningServer server, List<McpSchema.ResourceContents> updates) {
    return McpClient.sync(HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + server.port())
            .endpoint("/mcp").build())
        .requestTimeout(Duration.ofSeconds(20))
        .resourcesUpdateConsumer(updates::addAll)
        .build();
  }

  private static void awaitSize(List<?> list, int size) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 60_000; // a bound only a hang reaches
    while (list.size() < size && System.currentTimeMillis() < deadline) {
      Thread.sleep(20);
    }
    assertEquals(size, list.size(), list.toString());
  }
}
