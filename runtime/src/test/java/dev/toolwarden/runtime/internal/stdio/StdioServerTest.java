package dev.toolwarden.runtime.internal.stdio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwarden.runtime.testtools.StdioMain;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stdio server as a real child process: real stdin/stdout, a tool that prints to
 * System.out, malformed lines in between, and EOF at the end.
 */
class StdioServerTest {

  private static final McpJsonMapper JSON = McpJsonDefaults.getMapper();

  private Process process;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final List<String> allStdout = new ArrayList<>();

  @AfterEach
  void tearDown() {
    if (process != null && process.isAlive()) {
      process.destroyForcibly();
    }
  }

  @Test
  @Timeout(60)
  void servesSurvivesMalformedLinesKeepsStdoutCleanAndReturnsOnEof(@TempDir Path dir) throws Exception {
    Path stderr = dir.resolve("stderr.txt");
    ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "-Xshare:auto", "-XX:TieredStopAtLevel=1",
        StdioMain.class.getName());
    pb.redirectError(stderr.toFile());
    process = pb.start();
    Thread reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          synchronized (allStdout) {
            allStdout.add(line);
          }
          lines.add(line);
        }
      } catch (IOException e) {
        // process ended
      }
    });
    reader.setDaemon(true);
    reader.start();
    OutputStream in = process.getOutputStream();

    send(in, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
        + "\"capabilities\":{},\"clientInfo\":{\"name\":\"test\",\"version\":\"1\"}}}");
    Map<String, Object> init = next();
    assertEquals(1, init.get("id"));
    assertTrue(String.valueOf(init.get("result")).contains("stdio-test"), init.toString());
    send(in, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");

    send(in, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}");
    Map<String, Object> list = next();
    assertEquals(2, list.get("id"));
    assertTrue(String.valueOf(list.get("result")).contains("name=echo"), list.toString());

    send(in, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"stray_print\",\"arguments\":{}}}");
    Map<String, Object> stray = next();
    assertEquals(3, stray.get("id"));
    assertTrue(String.valueOf(stray.get("result")).contains("printed by anonymous in stray_print"), stray.toString());

    send(in, "this is not json");
    assertError(next(), null, -32700);
    send(in, "");                                                   // blank: ignored, no answer
    send(in, "[1,2,3]");
    assertError(next(), null, -32600);
    send(in, "{\"jsonrpc\":\"2.0\",\"id\":7,\"no\":\"method\"}");
    assertError(next(), 7, -32600);
    send(in, "{\"jsonrpc\":\"2.0\",\"id\":\"abc\",\"method\":\"tools/call\"");   // truncated JSON
    assertError(next(), null, -32700);

    send(in, "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"tools/call\",\"params\":{\"name\":\"echo\",\"arguments\":{\"text\":\"still here\"}}}");
    Map<String, Object> echo = next();
    assertEquals(4, echo.get("id"), echo.toString());
    assertTrue(String.valueOf(echo.get("result")).contains("still here"), echo.toString());

    // a request immediately followed by EOF is still answered before the server returns
    send(in, "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/call\",\"params\":{\"name\":\"add\",\"arguments\":{\"a\":2,\"b\":3}}}");
    in.close();
    Map<String, Object> add = next();
    assertEquals(5, add.get("id"), add.toString());
    assertTrue(String.valueOf(add.get("result")).contains("sum=5"), add.toString());

    assertTrue(process.waitFor(20, TimeUnit.SECONDS), "the server must return after stdin EOF");
    assertEquals(0, process.exitValue());
    reader.join(5000);
    String err = Files.readString(stderr);
    assertTrue(err.contains("STRAY OUTPUT FROM TOOL CODE"), "System.out of tool code goes to stderr");
    assertTrue(err.contains("STDIO SERVER RETURNED"), err);
    int lastAudit = err.lastIndexOf("\"tool\":\"add\"");
    assertTrue(lastAudit >= 0 && lastAudit < err.indexOf("STDIO SERVER RETURNED"),
        "the (asynchronous) audit trail is flushed before stdio() returns: " + err);
    synchronized (allStdout) {
      for (String line : allStdout) {
        assertFalse(line.contains("STRAY"), "stdout carries only protocol messages: " + line);
        assertNotNull(JSON.readValue(line, Map.class), line);
      }
    }
  }

  private static void send(OutputStream in, String line) throws IOException {
    in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    in.flush();
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> next() throws Exception {
    String line = lines.poll(20, TimeUnit.SECONDS);
    assertNotNull(line, "no answer from the server");
    return JSON.readValue(line, Map.class);
  }

  @SuppressWarnings("unchecked")
  private static void assertError(Map<String, Object> msg, Object id, int code) {
    assertTrue(msg.containsKey("id"), "an error answer always has an id member: " + msg);
    assertEquals(id, msg.get("id"), msg.toString());
    assertEquals("2.0", msg.get("jsonrpc"));
    assertEquals(code, ((Map<String, Object>) msg.get("error")).get("code"), msg.toString());
  }
}
