package dev.toolwarden.test.policies;

import io.modelcontextprotocol.json.McpJsonDefaults;
import java.io.IOException;
import java.util.Map;

/** Parses an audit line. */
final class Json {

  private Json() {}

  @SuppressWarnings("unchecked")
  static Map<String, Object> parse(String json) {
    try {
      return McpJsonDefaults.getMapper().readValue(json, Map.class);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + json, e);
    }
  }
}
