package dev.toolwarden.runtime.http;

import io.modelcontextprotocol.json.McpJsonDefaults;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What a stdio server writes, as the test reads it: each line parsed as one JSON object and handed on; a line that
 * is not one is handed on as {@code {"unparsable": line}} so that a test sees it instead of waiting for it.
 */
final class JsonLines extends OutputStream {

  private final ByteArrayOutputStream line = new ByteArrayOutputStream();
  private final Consumer<Map<String, Object>> lines;

  JsonLines(Consumer<Map<String, Object>> lines) {
    this.lines = lines;
  }

  @Override
  public synchronized void write(int b) {
    if (b != '\n') {
      line.write(b);
      return;
    }
    String text = line.toString(StandardCharsets.UTF_8);
    line.reset();
    try {
      @SuppressWarnings("unchecked")
      Map<String, Object> m = McpJsonDefaults.getMapper().readValue(text, Map.class);
      lines.accept(m);
    } catch (Exception e) {
      lines.accept(Map.of("unparsable", text));
    }
  }
}
