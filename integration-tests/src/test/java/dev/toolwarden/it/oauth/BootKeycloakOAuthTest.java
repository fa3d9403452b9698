package dev.toolwarden.it.oauth;

import dev.toolwarden.it.support.ServerProcess;
import dev.toolwarden.it.support.ServerProcess.Launch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * {@link KeycloakOAuthTest}'s whole battery — RFC 9728 metadata, 401 challenges for every bad token, 403
 * {@code insufficient_scope} step-up, tools/list filtering, introspection and revocation, session binding, audit
 * without tokens — against the example tools served by a Spring Boot application with the starter
 * (src/it/spring-boot-example, built by the invoker, started with {@code java -jar}), configured by the same
 * {@code TOOLWARDEN_*} environment variables: the behaviour must be identical to the standalone server's.
 */
class BootKeycloakOAuthTest extends KeycloakOAuthTest {

  static {
    register(BootKeycloakOAuthTest.class, (env, port, reaper) -> ServerProcess.http(
        Launch.jar(bootExampleJar()).withEnv(env), reaper, port, "/mcp", Duration.ofSeconds(120),
        "--server.port=" + port, "--server.address=127.0.0.1"));
  }

  private static Path bootExampleJar() {
    String configured = System.getProperty("toolwarden.it.bootExampleJar");
    Path jar = Path.of(configured != null ? configured : "target/it/spring-boot-example/target/boot-example.jar");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(jar) || dev.toolwarden.it.support.Components.underCi(),
        "no " + jar + ": the invoker did not build the Spring Boot example");
    return jar;
  }
}
