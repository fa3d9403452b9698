package dev.toolwarden.it.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwarden.it.support.ExampleServer;
import dev.toolwarden.it.support.NodeTools;
import dev.toolwarden.it.support.ProcessReaper;
import dev.toolwarden.it.support.ServerProcess;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpClientTransport;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * {@link JavaClientE2eTest} over stdio: the SDK's {@link StdioClientTransport} spawns {@code java -jar
 * toolwarden-example.jar stdio}. Plus the stdio-only guarantees, spoken as raw JSON-RPC lines to a server
 * this test starts itself: a malformed line gets a parse error and the server keeps serving, stdout
 * carries nothing but JSON-RPC, and stdin EOF ends the server with exit code 0.
 */
class StdioJavaClientE2eTest extends JavaClientE2eTest {

  private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
      + "\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw-e2e\",\"version\":\"1\"}}}";
  private static final String INITIALIZED = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}";

  @Override
  protected McpClientTransport transport(Path workspace) {
    ServerParameters parameters = ServerParameters.builder(javaExecutable())
        .args("-jar", ExampleServer.jar().toString(), "stdio")
        .env(Map.of(ExampleServer.WORKSPACE_ENV, workspace.toString()))
        .build();
    StdioClientTransport transport = new StdioClientTransport(parameters, McpJsonDefaults.getMapper());
    transport.setStdErrorHandler(line -> System.err.println("[example stdio stderr] " + line));
    return transport;
  }

  /** The server the SDK client spawned: killed with its tree after the class, whatever happens. */
  @BeforeAll
  void trackSpawnedServer() {
    List<ProcessHandle> servers = ProcessReaper.childrenRunning(ExampleServer.jar().toString());
    assertFalse(servers.isEmpty(), "the SDK client did not spawn " + ExampleServer.jar());
    servers.forEach(REAPER::track);
  }

  @Test
  void survivesMalformedLinesKeepsStdoutPureJsonAndExitsZeroOnStdinEof() throws Exception {
    ServerProcess server = ServerProcess.stdio(ExampleServer.launch(workspace), REAPER);
    RawLines out = new RawLines(server);
    Writer in = new OutputStreamWriter(server.stdin(), StandardCharsets.UTF_8);

    send(in, INITIALIZE);
    JsonNode init = out.awaitId(1);
    assertEquals("toolwarden-example", init.path("result").path("serverInfo").path("name").asString(), init.toString());
    send(in, INITIALIZED);

    send(in, "garbage{");
    send(in, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}");
    JsonNode list = out.awaitId(2);
    assertEquals(ExampleServer.TOOL_NAMES.size(), list.path("result").path("tools").size(), list.toString());
    JsonNode parseError = out.await(m -> m.path("error").path("code").asInt() == -32700, "a -32700 parse error");
    assertTrue(parseError.path("id").isNull(), "a parse error has id null: " + parseError);

    // and it keeps serving tool calls after the bad line
    send(in, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"get_order\","
        + "\"arguments\":{\"id\":\"A-1001\"}}}");
    JsonNode order = out.awaitId(3);
    assertEquals("****1111", order.path("result").path("structuredContent").path("cardNumber").asString(), order.toString());

    // notifications go out in order, before the answer
    send(in, "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"tools/call\",\"params\":{\"name\":\"build_report\","
        + "\"arguments\":{\"title\":\"raw\",\"sections\":5},\"_meta\":{\"progressToken\":\"raw-4\"}}}");
    JsonNode report = out.awaitId(4);
    assertFalse(report.path("result").path("isError").asBoolean(), report.toString());
    List<Double> progress = new ArrayList<>();
    for (JsonNode m : out.all) {
      if (m.path("method").asString("").equals("notifications/progress")
          && m.path("params").path("progressToken").asString("").equals("raw-4")) {
        progress.add(m.path("params").path("progress").asDouble());
      }
      if (m == report) {
        break;
      }
    }
    assertEquals(List.of(1.0, 2.0, 3.0, 4.0, 5.0), progress, "progress notifications before the answer, in order");

    in.close(); // stdin EOF
    int exit = server.awaitExit(Duration.ofSeconds(60));
    assertEquals(0, exit, "exit code within 10 s of stdin EOF (-1: still running); stderr:\n" + server.stderrText());
    out.awaitEnd();
    assertTrue(out.nonJson.isEmpty(), "stdout carried non-JSON lines: " + out.nonJson);
    assertTrue(out.all.size() >= 4, "expected at least 4 protocol lines: " + out.all);
  }

  /**
   * {@code tools/call} with {@code params.arguments} that is not an object is answered with a JSON-RPC
   * error, like a schema-invalid call, without a Java class name or exception text.
   */
  @Test
  void malformedToolCallParamsNeverShowInternals() throws Exception {
    ServerProcess server = ServerProcess.stdio(ExampleServer.launch(workspace), REAPER);
    RawLines out = new RawLines(server);
    Writer in = new OutputStreamWriter(server.stdin(), StandardCharsets.UTF_8);
    send(in, INITIALIZE);
    out.awaitId(1);
    send(in, INITIALIZED);
    send(in, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"get_order\","
        + "\"arguments\":\"not an object\"}}");
    send(in, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":\"x\"}");
    for (int id : new int[] {2, 3}) {
      JsonNode answer = out.awaitId(id);
      String text = answer.toString();
      assertTrue(answer.has("error") || answer.path("result").path("isError").asBoolean(), text);
      assertTrue(text.contains("-32602") || answer.path("result").path("isError").asBoolean(), text);
      for (String leak : List.of("jackson", "Exception", "java.util", "io.modelcontextprotocol", "McpSchema")) {
        assertFalse(text.contains(leak), "'" + leak + "' leaked to the client: " + text);
      }
    }
  }

  private static void send(Writer in, String line) throws IOException {
    in.write(line);
    in.write('\n');
    in.flush();
  }

  private static String javaExecutable() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** Reads the server's stdout on a thread: every line, parsed; lines that are not JSON are kept apart. */
  private static final class RawLines {
    final List<JsonNode> all = new java.util.concurrent.CopyOnWriteArrayList<>();
    final List<String> nonJson = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final LinkedBlockingQueue<JsonNode> queue = new LinkedBlockingQueue<>();
    private final List<JsonNode> seen = new ArrayList<>();
    private final Thread thread;

    RawLines(ServerProcess server) {
      thread = new Thread(() -> {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(server.stdout(), StandardCharsets.UTF_8))) {
          String line;
          while ((line = r.readLine()) != null) {
            System.err.println("[example stdio stdout] " + line);
            try {
              JsonNode node = NodeTools.JSON.readTree(line);
              if (!node.isObject()) {
                nonJson.add(line);
                continue;
              }
              all.add(node);
              queue.add(node);
            } catch (JacksonException e) {
              nonJson.add(line);
            }
          }
        } catch (IOException e) {
          nonJson.add("[stdout failed: " + e + "]");
        }
      }, "raw-stdio-reader");
      thread.setDaemon(true);
      thread.start();
    }

    JsonNode awaitId(int id) throws InterruptedException {
      return await(m -> m.path("id").isNumber() && m.path("id").asInt() == id && !m.has("method"),
          "the answer to request " + id);
    }

    JsonNode await(java.util.function.Predicate<JsonNode> wanted, String what) throws InterruptedException {
      for (JsonNode m : seen) {
        if (wanted.test(m)) {
          return m;
        }
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (System.nanoTime() < deadline) {
        JsonNode m = queue.poll(100, TimeUnit.MILLISECONDS);
        if (m == null) {
          continue;
        }
        seen.add(m);
        if (wanted.test(m)) {
          return m;
        }
      }
      throw new AssertionError("no " + what + " within 30 s; stdout so far: " + all + "; non-JSON: " + nonJson);
    }

    void awaitEnd() throws InterruptedException {
      thread.join(5000);
      assertFalse(thread.isAlive(), "stdout did not close after the server exited");
    }
  }
}
