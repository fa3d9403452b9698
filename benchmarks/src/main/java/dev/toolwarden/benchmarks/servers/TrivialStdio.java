package dev.toolwarden.benchmarks.servers;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The floor of the start-up benchmark: a plain Java program (no JSON library, no MCP SDK) that
 * answers initialize and tools/list with canned JSON. What a JVM costs before any framework runs.
 */
final class TrivialStdio {

  private TrivialStdio() {}

  static void serve(int count) throws java.io.IOException {
    StringBuilder tools = new StringBuilder();
    String prefix = count == 1 ? "one" : "tool";
    for (int i = 0; i < count; i++) {
      if (i > 0) {
        tools.append(',');
      }
      tools.append("{\"name\":\"").append(prefix).append('_').append(i)
          .append("\",\"description\":\"Finds things, variant ").append(i).append(".\",\"inputSchema\":")
          .append(BareSdk.STARTUP_SCHEMA).append('}');
    }
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    for (String line; (line = in.readLine()) != null; ) {
      int at = line.indexOf("\"id\":");
      if (at < 0) {
        continue; // a notification
      }
      int end = at + 5;
      while (end < line.length() && Character.isDigit(line.charAt(end))) {
        end++;
      }
      String id = line.substring(at + 5, end);
      if (line.contains("\"initialize\"")) {
        out.println("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"result\":{\"protocolVersion\":\"2025-06-18\","
            + "\"capabilities\":{\"tools\":{}},\"serverInfo\":{\"name\":\"bench\",\"version\":\"1.0.0\"}}}");
      } else if (line.contains("\"tools/list\"")) {
        out.println("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"result\":{\"tools\":[" + tools + "]}}");
      }
    }
  }
}
