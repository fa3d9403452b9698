package dev.toolwarden.runtime.internal.stdio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwarden.runtime.Toolwarden;
import dev.toolwarden.runtime.testtools.EchoTools;
import dev.toolwarden.runtime.testtools.StdioSession;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code logging/setLevel} over stdio: the SDK bound a missing or unknown level to "info" and answered success, so a
 * client believed it had set a level it had not. Now -32602 naming the levels; a known level is still set.
 */
class LoggingLevelOverStdioTest {

  @Test
  @SuppressWarnings("unchecked")
  void anUnknownOrMissingLevelIsInvalidParamsAndAKnownOneIsSet() throws Exception {
    try (StdioSession s = StdioSession.start(Toolwarden.server("levels", "1.0.0").tools(new EchoTools()), "levels")) {
      Map<String, Object> nullLevel = new HashMap<>();
      nullLevel.put("level", null);
      for (Map<String, Object> params : new Map[] {Map.of("level", "nope"), Map.of("level", "INFO"),
          Map.of("level", 3), Map.of(), nullLevel}) {
        Map<String, Object> error = (Map<String, Object>) s.request("logging/setLevel", params).get("error");
        assertEquals(-32602, ((Number) error.get("code")).intValue(), params + ": " + error);
        assertTrue(String.valueOf(error.get("message")).contains("level must be one of debug, info, notice"),
            String.valueOf(error));
      }
      Map<String, Object> set = s.request("logging/setLevel", Map.of("level", "error"));
      assertNull(set.get("error"), set.toString());
      assertEquals(Map.of(), set.get("result"));
    }
  }
}
