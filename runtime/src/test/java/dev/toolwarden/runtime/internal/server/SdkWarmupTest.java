package dev.toolwarden.runtime.internal.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The start-up warm-up's SDK step really serves {@code tools/list} on its throwaway server (its failures are swallowed
 * in production, so a broken warm-up would only show as a slower start), leaves no non-daemon thread behind, and logs
 * nothing a server's log would show (no phantom client).
 */
class SdkWarmupTest {

  @Test
  void answersTheListingAndLeavesNoThreadThatKeepsTheJvmAlive() {
    Set<Thread> before = nonDaemonThreads();
    List<McpSchema.JSONRPCMessage> sent = SdkWarmup.warm(JsonWarmup.warm());

    assertEquals(1, sent.size(), "answers: " + sent);
    McpSchema.JSONRPCResponse list = assertInstanceOf(McpSchema.JSONRPCResponse.class, sent.get(0));
    assertNull(list.error());
    McpSchema.ListToolsResult tools = assertInstanceOf(McpSchema.ListToolsResult.class, list.result());
    assertEquals("w", tools.tools().get(0).name());
    Set<Thread> after = nonDaemonThreads();
    after.removeAll(before);
    assertTrue(after.isEmpty(), "threads left: " + after);
  }

  @Test
  void logsNothing() {
    McpJsonMapper json = JsonWarmup.warm();
    // slf4j-simple (INFO and above, the tests' binding) writes to whatever System.err is when it logs
    PrintStream err = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      assertEquals(1, SdkWarmup.warm(json).size());
    } finally {
      System.setErr(err);
    }
    // slf4j-simple names the logging thread: only this thread's lines are the warm-up's (a server an earlier test
    // class started may still be logging its shutdown on its own threads)
    String mine = "[" + Thread.currentThread().getName() + "]";
    List<String> lines = captured.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith(mine)).toList();
    assertEquals(List.of(), lines, "the warm-up must not show in a server's log");
  }

  private static Set<Thread> nonDaemonThreads() {
    return Thread.getAllStackTraces().keySet().stream().filter(t -> !t.isDaemon() && t.isAlive())
        .collect(Collectors.toSet());
  }
}
