package dev.toolwarden.it.boot;

import dev.toolwarden.it.support.Components;
import java.nio.file.Files;
import java.nio.file.Path;

/** The Spring Boot applications the invoker built (src/it/spring-boot-*): their executable jars. */
public final class BootJars {

  private BootJars() {}

  /** The README's quick start (src/it/spring-boot-quickstart). */
  public static Path quickstart() {
    return jar("toolwarden.it.bootQuickstartJar");
  }

  /** The example tools as beans (src/it/spring-boot-example): Tomcat, no Spring Security. */
  public static Path example() {
    return jar("toolwarden.it.bootExampleJar");
  }

  /** The same application as a Spring Security OAuth 2 resource server (its profile resource-server). */
  public static Path exampleResourceServer() {
    return jar("toolwarden.it.bootExampleResourceServerJar");
  }

  /** The same application on Jetty instead of Tomcat (its profile jetty). */
  public static Path exampleJetty() {
    return jar("toolwarden.it.bootExampleJettyJar");
  }

  /** The same application without servlet container and spring-web, for stdio only (its profile stdio-only). */
  public static Path exampleStdioOnly() {
    return jar("toolwarden.it.bootExampleStdioOnlyJar");
  }

  /** The jar, or the test is skipped loudly when the invoker did not run (-Dinvoker.skip); under CI it must be there. */
  private static Path jar(String property) {
    String configured = System.getProperty(property);
    Path jar = configured == null ? null : Path.of(configured);
    Components.require("Spring Boot application jar " + property, jar != null && Files.isRegularFile(jar) ? null
        : "no " + jar + ": maven-invoker-plugin builds it (src/it) in the integration-test phase, before the boot tests");
    return jar;
  }
}
