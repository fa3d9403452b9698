package dev.toolwarden.it.boot;

import dev.toolwarden.it.support.ProcessReaper;
import dev.toolwarden.it.support.ServerProcess;
import dev.toolwarden.it.support.ServerProcess.Launch;
import dev.toolwarden.it.support.StdioLinesTransport;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A Spring Boot application started as a stdio MCP server, the way an MCP host starts one ({@code java -jar <jar>
 * --toolwarden.transport=stdio}), with the MCP Java SDK client connected to its stdin and stdout: what it wrote on
 * stdout besides the protocol, its stderr (Boot's console log goes there), and how it ends when its stdin closes.
 */
final class BootStdio implements AutoCloseable {

  private final ServerProcess server;
  private final StdioLinesTransport transport;
  private final McpSyncClient client;

  private BootStdio(ServerProcess server) {
    this.server = server;
    this.transport = new StdioLinesTransport(server, "[boot stdio stdout] ");
    // Boot starts in seconds, more on a busy machine: the initialize waits for it
    this.client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(60))
        .initializationTimeout(Duration.ofSeconds(120)).build();
  }

  /** Starts {@code jar} with {@code env} added to its environment; the client is not initialized yet. */
  static BootStdio start(Path jar, ProcessReaper reaper, Map<String, String> env) {
    return new BootStdio(ServerProcess.stdio(Launch.jar(jar).withEnv(env), reaper, "--toolwarden.transport=stdio"));
  }

  McpSyncClient client() {
    return client;
  }

  /** Waits (bounded) for a stderr line with {@code text}: whether one came. */
  boolean awaitStderr(String text) {
    return server.awaitStderr(text, Duration.ofSeconds(30));
  }

  String stderr() {
    return server.stderrText();
  }

  /**
   * Closes the client, which closes the application's stdin, and waits for the application to end by itself: its exit
   * code, -1 if it still ran after {@code timeout}. After it, {@link #nonProtocolStdout} holds all the stdout.
   */
  int closeStdinAndAwaitExit(Duration timeout) {
    client.closeGracefully();
    int exit = server.awaitExit(timeout);
    if (exit != -1 && !transport.awaitStdoutEnd(5000)) {
      throw new AssertionError("the application exited but its stdout did not close");
    }
    return exit;
  }

  /** The stdout lines that were not JSON-RPC messages. */
  List<String> nonProtocolStdout() {
    return transport.nonProtocolLines();
  }

  /** Kills the application if it still runs (the reaper would after the test anyway). */
  @Override
  public void close() {
    client.close();
    server.close();
  }
}
