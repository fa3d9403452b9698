package dev.toolwarden.runtime.testtools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The targets of the resource, prompt and completion attack tests ({@link AttackFeatureToolsBundle}): a
 * {@code @SafePath} {@code {/name}} segment, a scoped prompt with one completed and one uncompleted argument, and a
 * scoped template without any completion.
 */
public final class AttackFeatureTools {

  public String doc(Path name) throws IOException {
    return Files.readString(name);
  }

  public String vault(String key) {
    return "vault entry " + key;
  }

  public String locked(String a, String b) {
    return "locked " + a + " " + b;
  }

  /** What only a caller with {@code locked:use} may see. */
  public List<String> lockedValues(String prefix) {
    return List.of("s3cret-alpha", "s3cret-beta").stream().filter(v -> v.startsWith(prefix)).toList();
  }
}
