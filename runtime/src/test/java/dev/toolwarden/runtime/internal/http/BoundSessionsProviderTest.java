package dev.toolwarden.runtime.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.toolwarden.runtime.internal.auth.SessionBindings;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpStreamableServerSession;
import io.modelcontextprotocol.spec.McpStreamableServerTransportProvider;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** Every session the SDK creates is bound to an owner at creation; without an owner it is not created. */
class BoundSessionsProviderTest {

  /** The SDK's side of the contract: it installs the factory the server hands it, and calls it. */
  private static final class SdkTransport implements McpStreamableServerTransportProvider {
    McpStreamableServerSession.Factory factory;

    @Override
    public void setSessionFactory(McpStreamableServerSession.Factory factory) {
      this.factory = factory;
    }

    @Override
    public Mono<Void> notifyClients(String method, Object params) {
      return Mono.empty();
    }

    @Override
    public Mono<Void> closeGracefully() {
      return Mono.empty();
    }
  }

  private final SessionBindings bindings = new SessionBindings(Duration.ofMinutes(1), Duration.ofHours(1), 2, 10,
      Clock.systemUTC());
  private final SdkTransport sdk = new SdkTransport();
  private final BoundSessionsProvider provider = new BoundSessionsProvider(sdk, bindings);
  private final AtomicInteger created = new AtomicInteger();

  BoundSessionsProviderTest() {
    // what McpServer does when it is built on the provider
    provider.setSessionFactory(request -> new McpStreamableServerSession.McpStreamableServerSessionInit(
        new McpStreamableServerSession("s" + created.incrementAndGet(), null, null, Duration.ofSeconds(5), Map.of(),
            Map.of()), Mono.empty()));
  }

  @Test
  void aSessionWithoutAnOwnerIsNeverCreated() {
    assertThrows(IllegalStateException.class, () -> sdk.factory.startSession(initialize()));
    assertEquals(0, created.get(), "the SDK's factory was not even asked");
    assertEquals(0, bindings.size());
  }

  @Test
  void aSessionCreatedDuringAnOwnedRequestIsBoundToItsOwner() throws Exception {
    BoundSessionsProvider.runAs("iss\u0000alice", () -> sdk.factory.startSession(initialize()));
    assertEquals(SessionBindings.Check.OWNED, bindings.check("s1", "iss\u0000alice"));
    assertEquals(SessionBindings.Check.OTHER_PRINCIPAL, bindings.check("s1", "iss\u0000bob"));
    assertThrows(IllegalStateException.class, () -> sdk.factory.startSession(initialize()),
        "the owner does not outlive the request");
  }

  @Test
  void sessionsEvictedByTheBoundAreHandedBackToBeClosed() throws Exception {
    BoundSessionsProvider.runAs("alice", () -> {
      for (int i = 0; i < 3; i++) {
        sdk.factory.startSession(initialize());
      }
    });
    assertEquals(List.of("s1"), provider.drainForgotten());
    assertEquals(List.of(), provider.drainForgotten(), "drained once");
    assertEquals(2, bindings.size());
  }

  private static McpSchema.InitializeRequest initialize() {
    return new McpSchema.InitializeRequest("2025-11-25", McpSchema.ClientCapabilities.builder().build(),
        new McpSchema.Implementation("t", "1"));
  }
}
