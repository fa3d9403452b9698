package dev.toolwarden.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads secrets from the environment, never from source code: the value of the environment
 * variable {@code NAME}, else the contents of the file named by {@code NAME_FILE} (the
 * Docker/Kubernetes secrets convention). No message and no log line ever contains a value.
 */
public final class Secrets {

  private Secrets() {}

  /** The secret, or a {@link ToolwardenStartupException} saying how to provide it. */
  public static String require(String name) {
    return optional(name).orElseThrow(() -> new ToolwardenStartupException(
        "missing secret " + name + ": set the environment variable " + name + " or " + name + "_FILE"));
  }

  /** The secret, if {@code NAME} or {@code NAME_FILE} is set. */
  public static Optional<String> optional(String name) {
    return lookup(name, System::getenv);
  }

  // package-private so tests can supply an environment
  static Optional<String> lookup(String name, Function<String, String> env) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("secret name must not be empty");
    }
    String direct = env.apply(name);
    if (direct != null && !direct.isEmpty()) {
      return Optional.of(direct);
    }
    String file = env.apply(name + "_FILE");
    if (file == null || file.isEmpty()) {
      return Optional.empty();
    }
    String content;
    try {
      content = Files.readString(Path.of(file), StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      // names the variable, not the file content; the path is what the operator configured
      throw new ToolwardenStartupException(
          "cannot read secret " + name + " from the file named by " + name + "_FILE (" + file + ")");
    }
    if (content.endsWith("\r\n")) {
      content = content.substring(0, content.length() - 2);
    } else if (content.endsWith("\n")) {
      content = content.substring(0, content.length() - 1);
    }
    if (content.isEmpty()) {
      throw new ToolwardenStartupException(
          "secret " + name + " is empty in the file named by " + name + "_FILE");
    }
    return Optional.of(content);
  }
}
