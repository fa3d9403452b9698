package dev.toolwarden.runtime.http;

import static dev.toolwarden.runtime.http.ModernWire.JSON;
import static dev.toolwarden.runtime.http.ModernWire.legacy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwarden.runtime.Toolwarden;
import dev.toolwarden.runtime.testtools.EchoTools;
import dev.toolwarden.runtime.testtools.ProgressTools;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A tool's progress over stdio, in raw lines: one output carries everything, so the order of the lines is the order
 * the client reads. MCP 2026-07-28: {@code notifications/progress} lines with the client's token before the result's
 * line, none without a token and none after the result; 2025-11-25: the SDK's session does the same.
 */
class Protocol2026ProgressStdioTest {

  private final ProgressTools progressTools = new ProgressTools();
  private PipedOutputStream toServer;
  private final BlockingQueue<Map<String, Object>> lines = new LinkedBlockingQueue<>();
  private Thread serving;

  @BeforeEach
  void start() throws Exception {
    toServer = new PipedOutputStream();
    PipedInputStream in = new PipedInputStream(toServer, 1 << 16);
    OutputStream out = new JsonLines(lines::add);
    serving = new Thread(() -> Toolwarden.server("stdio-progress", "1.0.0")
        .tools(new EchoTools(), progressTools)
        .stdio(in, out), "stdio-progress");
    serving.setDaemon(true);
    serving.start();
  }

  @AfterEach
  void stop() throws Exception {
    toServer.close();
    serving.join(TimeUnit.SECONDS.toMillis(30));
    assertFalse(serving.isAlive(), "the server ends with its input");
  }

  private void send(String line) throws Exception {
    toServer.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    toServer.flush();
  }

  /** Every line up to and including the response with {@code id}, in the order they were written. */
  private List<Map<String, Object>> linesUntil(int id) throws Exception {
    List<Map<String, Object>> read = new ArrayList<>();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30); // a bound only a hang reaches
    while (true) {
      Map<String, Object> m = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      assertNotNull(m, "no answer to " + id + " after " + read);
      read.add(m);
      if (m.get("id") instanceof Number n && n.intValue() == id) {
        return read;
      }
    }
  }

  private static String call(int id, String tool, Object progressToken) {
    Map<String, Object> meta = new LinkedHashMap<>(ModernWire.meta());
    if (progressToken != null) {
      meta.put("progressToken", progressToken);
    }
    return ModernWire.json(Map.of("jsonrpc", "2.0", "id", id, "method", "tools/call",
        "params", Map.of("name", tool, "arguments", Map.of(), "_meta", meta)));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> params(Map<String, Object> message) {
    return (Map<String, Object>) message.get("params");
  }

  private static List<Map<String, Object>> progressOf(List<Map<String, Object>> read) {
    return read.stream().filter(m -> "notifications/progress".equals(m.get("method")))
        .map(Protocol2026ProgressStdioTest::params).toList();
  }

  @SuppressWarnings("unchecked")
  private static String text(Map<String, Object> response) {
    return ModernWire.text((Map<String, Object>) response.get("result"));
  }

  @Test
  void aModernCallWithAProgressTokenWritesItsProgressLinesBeforeTheResult() throws Exception {
    send(call(1, "report", "tok-s1"));
    List<Map<String, Object>> read = linesUntil(1);
    assertEquals(3, read.size(), "two progress lines, then the result; the log message is not sent: " + read);
    assertEquals(Map.of("jsonrpc", "2.0", "method", "notifications/progress", "params", Map.of(
        "progressToken", "tok-s1", "progress", 1.0, "total", 2.0, "message", "half way")), read.get(0));
    assertEquals(Map.of("progressToken", "tok-s1", "progress", 2.0, "total", 2.0, "message", "done"),
        params(read.get(1)));
    assertTrue(text(read.get(2)).startsWith("reported;"), read.toString());
  }

  @Test
  void withoutATokenOnlyTheResultIsWritten() throws Exception {
    send(call(2, "report", null));
    List<Map<String, Object>> read = linesUntil(2);
    assertEquals(1, read.size(), read.toString());
    assertTrue(text(read.get(0)).startsWith("reported;"), read.toString());
  }

  @Test
  void onlyIncreasingProgressIsWrittenAndNothingAfterTheResult() throws Exception {
    send(call(3, "steps", 42));
    List<Map<String, Object>> read = linesUntil(3);
    assertEquals(List.of(0.0, 1.0, 2.0, 3.0), progressOf(read).stream()
        .map(p -> ((Number) p.get("progress")).doubleValue()).toList(), read.toString());
    assertTrue(progressOf(read).stream().allMatch(p -> Integer.valueOf(42).equals(p.get("progressToken"))),
        read.toString());
    assertEquals("stepped", text(read.get(read.size() - 1)));
    // the tool kept its context and reports after its call completed: "MUST stop after completion"
    progressTools.last().progress(4, 3.0, "late");
    send(call(4, "report", null)); // a later answer: every line written before it is read with it
    List<Map<String, Object>> after = linesUntil(4);
    assertEquals(1, after.size(), "no late progress line: " + after);
  }

  @Test
  void aLegacySessionGetsItsProgressLinesBeforeTheResultToo() throws Exception {
    send(legacy(10, "initialize", Map.of("protocolVersion", "2025-11-25", "capabilities", Map.of(),
        "clientInfo", Map.of("name", "old", "version", "1"))));
    linesUntil(10);
    send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
    send(legacy(11, "tools/call", Map.of("name", "report", "arguments", Map.of(),
        "_meta", Map.of("progressToken", "tok-legacy"))));
    List<Map<String, Object>> read = linesUntil(11);
    List<Map<String, Object>> progress = progressOf(read);
    assertEquals(List.of("tok-legacy", "tok-legacy"), progress.stream().map(p -> p.get("progressToken")).toList(),
        read.toString());
    assertEquals(List.of(1.0, 2.0), progress.stream().map(p -> ((Number) p.get("progress")).doubleValue()).toList());
    assertTrue(text(read.get(read.size() - 1)).startsWith("reported;"), read.toString());
  }
}
