package dev.toolwarden.runtime.internal.jsonrpc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The params check skips the SDK's trial binding where it cannot fail; every combination of member values a client
 * can send must get the answer the trial binding alone gives.
 */
class ParamsCheckTest {

  private static final McpJsonMapper JSON = McpJsonDefaults.getMapper();
  private static final Object ABSENT = new Object();
  private static final List<Object> VALUES = Arrays.asList(ABSENT, null, "x", "", 5, 1.5, true, List.of(), List.of(1),
      Map.of(), Map.of("k", "v"));

  @Test
  void toolsCallAgreesWithTheSdksBinding() {
    int checked = 0;
    for (Object name : VALUES) {
      for (Object arguments : VALUES) {
        for (Object meta : VALUES) {
          for (Object extra : VALUES) {
            Map<String, Object> params = params("name", name, "arguments", arguments, "_meta", meta, "task", extra);
            String expected = !(name instanceof String) ? "Invalid params: name must be a string"
                : arguments != ABSENT && arguments != null && !(arguments instanceof Map)
                    ? "Invalid params: arguments must be an object"
                    : trial(params, McpSchema.CallToolRequest.class, McpSchema.METHOD_TOOLS_CALL);
            assertEquals(expected, ParamsCheck.problem(JSON, request(McpSchema.METHOD_TOOLS_CALL, params)),
                params.toString());
            checked++;
          }
        }
      }
    }
    assertEquals(VALUES.size() * VALUES.size() * VALUES.size() * VALUES.size(), checked);
  }

  @Test
  void resourcesReadAgreesWithTheSdksBinding() {
    for (Object uri : VALUES) {
      for (Object meta : VALUES) {
        for (Object extra : VALUES) {
          Map<String, Object> params = params("uri", uri, "_meta", meta, "other", extra);
          assertEquals(trial(params, McpSchema.ReadResourceRequest.class, McpSchema.METHOD_RESOURCES_READ),
              ParamsCheck.problem(JSON, request(McpSchema.METHOD_RESOURCES_READ, params)), params.toString());
        }
      }
    }
  }

  /** What the check answered before it had a short cut: the SDK's binding decides. */
  private static String trial(Map<String, Object> params, Class<?> type, String method) {
    try {
      JSON.convertValue(params, type);
      return null;
    } catch (RuntimeException e) {
      return "Invalid params for " + method;
    }
  }

  private static Map<String, Object> params(Object... pairs) {
    Map<String, Object> params = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      if (pairs[i + 1] != ABSENT) {
        params.put((String) pairs[i], pairs[i + 1]);
      }
    }
    return params;
  }

  private static McpSchema.JSONRPCRequest request(String method, Object params) {
    return new McpSchema.JSONRPCRequest(McpSchema.JSONRPC_VERSION, method, 1, new ArrayList<>(List.of(params)).get(0));
  }
}
