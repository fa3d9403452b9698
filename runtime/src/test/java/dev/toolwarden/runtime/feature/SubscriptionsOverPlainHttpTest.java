package dev.toolwarden.runtime.feature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwarden.runtime.RunningServer;
import dev.toolwarden.runtime.Toolwarden;
import dev.toolwarden.runtime.audit.AuditEvent;
import dev.toolwarden.runtime.audit.AuditOutcome;
import dev.toolwarden.runtime.http.HttpOptions;
import dev.toolwarden.runtime.testtools.FeatureTools;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code resources/subscribe} and {@code unsubscribe} over Streamable HTTP without OAuth: the configured grant is the
 * caller's, and a subscription needs the scopes of the resource it names, as a read does (the SDK alone would accept
 * any URI).
 */
class SubscriptionsOverPlainHttpTest {

  @TempDir Path temp;

  @Test
  void aSubscriptionWithoutTheResourcesScopeIsRefusedBeforeTheSdk() throws Exception {
    Path ws = Files.createDirectories(temp.resolve("ws"));
    Files.writeString(ws.resolve("a.txt"), "alpha");
    List<AuditEvent> events = new CopyOnWriteArrayList<>();
    try (RunningServer server = Toolwarden.server("subscriptions", "1.0.0").tools(new FeatureTools())
        .root("ws", ws).grantScopes("files:read").resourceSubscriptions(true).auditSink(events::add)
        .http(HttpOptions.loopback(0));
        McpSyncClient client = McpClient.sync(HttpClientStreamableHttpTransport.builder("http://127.0.0.1:"
            + server.port()).endpoint("/mcp").build()).requestTimeout(Duration.ofSeconds(20)).build()) {
      client.initialize();
      McpError refused = assertThrows(McpError.class,
          () -> client.subscribeResource(new McpSchema.SubscribeRequest("config://admin")));
      assertEquals(-32600, refused.getJsonRpcError().code(), refused.toString());
      assertTrue(refused.getMessage().contains("resource 'config://admin' requires the scope admin"),
          refused.getMessage());
      McpError unsubscribe = assertThrows(McpError.class,
          () -> client.unsubscribeResource(new McpSchema.UnsubscribeRequest("users://7/profile")));
      assertFalse(unsubscribe.getMessage().contains("users://7"), unsubscribe.getMessage());
      client.subscribeResource(new McpSchema.SubscribeRequest("file:///workspace/a.txt"));
      client.unsubscribeResource(new McpSchema.UnsubscribeRequest("file:///workspace/a.txt"));
    }
    assertEquals(2, events.stream().filter(e -> e.outcome() == AuditOutcome.SCOPE_DENIED).count(), events.toString());
  }
}
