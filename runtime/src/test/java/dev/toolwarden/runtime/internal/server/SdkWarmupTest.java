package dev.toolwarden.runtime.internal.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The start-up warm-up's SDK step really serves {@code initialize} and {@code tools/list} on its throwaway server (its
 * failures are swallowed in production, so a broken warm-up would only show as a slower start), and leaves no
 * non-daemon thread behind.
 */
class SdkWarmupTest {

  @Test
  void answersTheHandshakeAndTheListingAndLeavesNoThreadThatKeepsTheJvmAlive() {
    Set<Thread> before = nonDaemonThreads();
    List<McpSchema.JSONRPCMessage> sent = SdkWarmup.warm(JsonWarmup.warm());

    assertEquals(2, sent.size(), "answers: " + sent);
    McpSchema.JSONRPCResponse init = assertInstanceOf(McpSchema.JSONRPCResponse.class, sent.get(0));
    assertNull(init.error());
    assertInstanceOf(McpSchema.InitializeResult.class, init.result());
    McpSchema.JSONRPCResponse list = assertInstanceOf(McpSchema.JSONRPCResponse.class, sent.get(1));
    McpSchema.ListToolsResult tools = assertInstanceOf(McpSchema.ListToolsResult.class, list.result());
    assertEquals("w", tools.tools().get(0).name());
    Set<Thread> after = nonDaemonThreads();
    after.removeAll(before);
    assertTrue(after.isEmpty(), "threads left: " + after);
  }

  private static Set<Thread> nonDaemonThreads() {
    return Thread.getAllStackTraces().keySet().stream().filter(t -> !t.isDaemon() && t.isAlive())
        .collect(Collectors.toSet());
  }
}
