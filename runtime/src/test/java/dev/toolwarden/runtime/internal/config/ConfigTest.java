package dev.toolwarden.runtime.internal.config;

import dev.toolwarden.runtime.ToolwardenStartupException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigTest {

  private final Map<String, String> props = new java.util.HashMap<>();
  private final Map<String, String> env = new java.util.HashMap<>();
  private final Config config = new Config(props::get, env::get);

  @Test
  void builderValueWinsOverPropertyAndEnvironment() {
    config.set("http.port", "1");
    props.put("toolwarden.http.port", "2");
    env.put("TOOLWARDEN_HTTP_PORT", "3");
    assertEquals("1", config.get("http.port").orElseThrow());
  }

  @Test
  void systemPropertyWinsOverEnvironment() {
    props.put("toolwarden.http.port", "2");
    env.put("TOOLWARDEN_HTTP_PORT", "3");
    assertEquals(2, config.getInt("http.port", 0));
  }

  @Test
  void environmentNameIsUpperCaseWithUnderscores() {
    env.put("TOOLWARDEN_ROOT_MY_FILES", "/srv/files");
    assertEquals("/srv/files", config.get("root.my-files").orElseThrow());
    assertEquals("TOOLWARDEN_ROOT_MY_FILES", Config.environmentName("root.my-files"));
    assertEquals("toolwarden.root.my-files", Config.propertyName("root.my-files"));
  }

  @Test
  void blankValuesCountAsUnset() {
    props.put("toolwarden.transport", "  ");
    env.put("TOOLWARDEN_TRANSPORT", "http");
    assertEquals("http", config.get("transport").orElseThrow());
    assertTrue(config.get("missing").isEmpty());
    assertEquals(7, config.getInt("missing", 7));
  }

  @Test
  void malformedIntegerIsAStartupErrorNamingBothSources() {
    env.put("TOOLWARDEN_HTTP_PORT", "eighty");
    ToolwardenStartupException e = assertThrows(ToolwardenStartupException.class, () -> config.getInt("http.port", 0));
    assertTrue(e.getMessage().contains("toolwarden.http.port"), e.getMessage());
    assertTrue(e.getMessage().contains("TOOLWARDEN_HTTP_PORT"), e.getMessage());
  }
}
