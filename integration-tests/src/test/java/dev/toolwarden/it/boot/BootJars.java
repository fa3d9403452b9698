package dev.toolwarden.it.boot;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.toolwarden.it.support.Components;
import java.nio.file.Files;
import java.nio.file.Path;

/** The Spring Boot applications the invoker built (src/it/spring-boot-*): their executable jars. */
final class BootJars {

  private BootJars() {}

  static Path quickstart() {
    return jar("toolwarden.it.bootQuickstartJar");
  }

  static Path example() {
    return jar("toolwarden.it.bootExampleJar");
  }

  /** The jar, or the test is skipped when the invoker did not run (-Dinvoker.skip); under CI it must be there. */
  private static Path jar(String property) {
    String configured = System.getProperty(property);
    Path jar = configured == null ? null : Path.of(configured);
    boolean present = jar != null && Files.isRegularFile(jar);
    if (!present && Components.underCi()) {
      throw new AssertionError("no Spring Boot application jar at " + jar + " (built by maven-invoker-plugin)");
    }
    assumeTrue(present, "no " + jar + ": the invoker did not build the Spring Boot applications");
    return jar;
  }
}
