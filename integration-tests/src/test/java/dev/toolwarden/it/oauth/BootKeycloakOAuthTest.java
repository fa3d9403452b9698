package dev.toolwarden.it.oauth;

import dev.toolwarden.it.boot.BootJars;
import dev.toolwarden.it.support.ServerProcess;
import dev.toolwarden.it.support.ServerProcess.Launch;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@link KeycloakOAuthTest}'s whole battery — RFC 9728 metadata, 401 challenges for every bad token, 403
 * {@code insufficient_scope} step-up, tools/list filtering, introspection and revocation, session binding, audit
 * without tokens — against the example tools served by a Spring Boot application with the starter
 * (src/it/spring-boot-example, built by the invoker, started with {@code java -jar}), configured by the same
 * {@code TOOLWARDEN_*} environment variables: the behaviour must be identical to the standalone server's. Tokens are
 * verified by Toolwarden's own verifier here; {@link BootSpringJwtDecoderKeycloakOAuthTest} runs the battery with the
 * application's Spring Security {@code JwtDecoder}.
 */
class BootKeycloakOAuthTest extends KeycloakOAuthTest {

  static {
    register(BootKeycloakOAuthTest.class, bootApplication(BootJars::example, env -> List.of()));
  }

  /**
   * A Boot application's jar as the server under test: {@code java -jar} on the battery's port and 127.0.0.1, with the
   * battery's environment, and {@code extraArgs} (chosen from that environment) on its command line.
   */
  static ServerUnderTest bootApplication(Supplier<Path> jar, Function<Map<String, String>, List<String>> extraArgs) {
    return (env, port, reaper) -> {
      List<String> args = new ArrayList<>(List.of("--server.port=" + port, "--server.address=127.0.0.1"));
      args.addAll(extraArgs.apply(env));
      return ServerProcess.http(Launch.jar(jar.get()).withEnv(env), reaper, port, "/mcp", Duration.ofSeconds(120),
          args.toArray(String[]::new));
    };
  }
}
