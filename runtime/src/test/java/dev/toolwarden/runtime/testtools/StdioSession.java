package dev.toolwarden.runtime.testtools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwarden.runtime.ServerBuilder;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A stdio server run in-process on pipes, spoken to in real JSON-RPC lines: initialize, then
 * {@code tools/call} requests one at a time. Closing ends the server's input and checks that it
 * stopped serving.
 */
public final class StdioSession implements AutoCloseable {

  private static final McpJsonMapper JSON = McpJsonDefaults.getMapper();

  private final PipedOutputStream toServer;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final Thread serving;
  private int id = 1;

  private StdioSession(ServerBuilder server, String name) throws IOException, InterruptedException {
    toServer = new PipedOutputStream();
    PipedInputStream serverIn = new PipedInputStream(toServer, 1 << 16);
    OutputStream serverOut = new LineSplitter(lines);
    serving = new Thread(() -> server.stdio(serverIn, serverOut), "stdio-" + name);
    serving.setDaemon(true);
    serving.start();
    send(Map.of("jsonrpc", "2.0", "id", id, "method", "initialize", "params", Map.of(
        "protocolVersion", "2025-06-18", "capabilities", Map.of(), "clientInfo", Map.of("name", name, "version", "1"))));
    String answer = next();
    assertTrue(answer.contains(name), answer);
    send(Map.of("jsonrpc", "2.0", "method", "notifications/initialized"));
  }

  /**
   * Starts {@code server} on pipes and initializes a session.
   *
   * @param name the server's name, which the {@code initialize} answer must carry
   */
  public static StdioSession start(ServerBuilder server, String name) throws IOException, InterruptedException {
    return new StdioSession(server, name);
  }

  /** Calls a tool and returns its result. */
  public McpSchema.CallToolResult call(String tool, Map<String, Object> arguments) throws Exception {
    int n = ++id;
    send(Map.of("jsonrpc", "2.0", "id", n, "method", "tools/call",
        "params", Map.of("name", tool, "arguments", arguments)));
    Map<?, ?> response = JSON.readValue(next(), Map.class);
    assertEquals(n, ((Number) response.get("id")).intValue());
    return JSON.convertValue(response.get("result"), McpSchema.CallToolResult.class);
  }

  /**
   * Sends any request and returns the whole JSON-RPC response ({@code result} or {@code error}), checking its id.
   */
  public Map<String, Object> request(String method, Map<String, Object> params) throws Exception {
    int n = ++id;
    send(Map.of("jsonrpc", "2.0", "id", n, "method", method, "params", params));
    @SuppressWarnings("unchecked")
    Map<String, Object> response = JSON.readValue(nextResponse(), Map.class);
    assertEquals(n, ((Number) response.get("id")).intValue());
    return response;
  }

  /** Writes {@code bytes} exactly as given, framing included: what a hostile client may put on the wire. */
  public void sendRaw(byte[] bytes) throws IOException {
    toServer.write(bytes);
    toServer.flush();
  }

  /** The next message the server wrote, whatever it is (response, error or notification). */
  @SuppressWarnings("unchecked")
  public Map<String, Object> nextMessage() throws Exception {
    return JSON.readValue(next(), Map.class);
  }

  /** The next notification the server sent (skipping nothing else: call it only when one is due). */
  public Map<String, Object> notification() throws Exception {
    synchronized (notifications) {
      if (!notifications.isEmpty()) {
        return notifications.remove(0);
      }
    }
    while (true) {
      @SuppressWarnings("unchecked")
      Map<String, Object> message = JSON.readValue(next(), Map.class);
      if (message.get("id") == null) {
        return message;
      }
      throw new AssertionError("expected a notification, got " + message);
    }
  }

  private final List<Map<String, Object>> notifications = new ArrayList<>();

  /** The next response line; notifications in between are kept for {@link #notification()}. */
  private String nextResponse() throws Exception {
    while (true) {
      String line = next();
      @SuppressWarnings("unchecked")
      Map<String, Object> message = JSON.readValue(line, Map.class);
      if (message.get("id") != null) {
        return line;
      }
      synchronized (notifications) {
        notifications.add(message);
      }
    }
  }

  /** The text of a result's text contents. */
  public static String text(McpSchema.CallToolResult r) {
    StringBuilder b = new StringBuilder();
    for (McpSchema.Content c : r.content()) {
      b.append(((McpSchema.TextContent) c).text());
    }
    return b.toString();
  }

  private void send(Map<String, Object> message) throws IOException {
    toServer.write(JSON.writeValueAsBytes(message));
    toServer.write('\n');
    toServer.flush();
  }

  private String next() throws InterruptedException {
    String line = lines.poll(20, TimeUnit.SECONDS);
    if (line == null) {
      throw new AssertionError("no answer from the stdio server");
    }
    return line;
  }

  @Override
  public void close() throws IOException {
    toServer.close();
    try {
      serving.join(15_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    assertFalse(serving.isAlive(), "the stdio server ends with its input");
  }

  /** Collects the server's output line by line. */
  private static final class LineSplitter extends OutputStream {
    private final BlockingQueue<String> lines;
    private final ByteArrayOutputStream current = new ByteArrayOutputStream();

    LineSplitter(BlockingQueue<String> lines) {
      this.lines = lines;
    }

    @Override
    public synchronized void write(int b) {
      if (b == '\n') {
        lines.add(current.toString(StandardCharsets.UTF_8));
        current.reset();
      } else {
        current.write(b);
      }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
      for (int i = off; i < off + len; i++) {
        write(b[i]);
      }
    }
  }
}
