package dev.toolwarden.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretsTest {

  private final Map<String, String> env = new HashMap<>();

  @Test
  void environmentVariableIsReadFirst() throws Exception {
    env.put("API_KEY", "from-env");
    env.put("API_KEY_FILE", "/nonexistent");
    assertEquals("from-env", Secrets.lookup("API_KEY", env::get).orElseThrow());
  }

  @Test
  void fileIsReadWithOneTrailingNewlineTrimmed(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("key");
    Files.writeString(file, "s3cr3t-value\n\n");
    env.put("API_KEY_FILE", file.toString());
    assertEquals("s3cr3t-value\n", Secrets.lookup("API_KEY", env::get).orElseThrow());
  }

  @Test
  void missingSecretIsEmptyAndRequireSaysHowToSetIt() {
    assertTrue(Secrets.lookup("TOOLWARDEN_TEST_NO_SUCH_SECRET", env::get).isEmpty());
    ToolwardenStartupException e = assertThrows(ToolwardenStartupException.class,
        () -> Secrets.require("TOOLWARDEN_TEST_NO_SUCH_SECRET_" + System.nanoTime()));
    assertTrue(e.getMessage().startsWith("missing secret TOOLWARDEN_TEST_NO_SUCH_SECRET_"), e.getMessage());
    assertTrue(e.getMessage().contains("_FILE"), e.getMessage());
  }

  @Test
  void unreadableFileErrorNeverContainsTheValueOrContent(@TempDir Path dir) throws Exception {
    env.put("API_KEY_FILE", dir.resolve("missing").toString());
    ToolwardenStartupException e =
        assertThrows(ToolwardenStartupException.class, () -> Secrets.lookup("API_KEY", env::get));
    assertTrue(e.getMessage().contains("API_KEY_FILE"), e.getMessage());
    Path empty = dir.resolve("empty");
    Files.writeString(empty, "\n");
    env.put("API_KEY_FILE", empty.toString());
    e = assertThrows(ToolwardenStartupException.class, () -> Secrets.lookup("API_KEY", env::get));
    assertFalse(e.getMessage().contains("\n"));
  }
}
