package dev.toolwarden.it.replicas;

import dev.toolwarden.runtime.RunningServer;
import dev.toolwarden.runtime.Toolwarden;
import dev.toolwarden.runtime.auth.ResourceServer;
import dev.toolwarden.runtime.http.HttpOptions;

/**
 * One replica, as its own JVM: {@code ReplicaServer PORT NAME stateless|stateful PUBLIC_HOST}, where
 * PUBLIC_HOST is the balancer's {@code host:port} (the Host its clients send). It trusts the
 * balancer on 127.0.0.1 for forwarded client addresses, shares its {@code @RateLimit} budgets through
 * the Redis named by {@code TOOLWARDEN_REDIS_URL} (toolwarden-redis on the class path, no code), and
 * stops gracefully on SIGTERM.
 */
public final class ReplicaServer {

  private ReplicaServer() {}

  public static void main(String[] args) throws InterruptedException {
    int port = Integer.parseInt(args[0]);
    HttpOptions options = HttpOptions.loopback(port).trustedProxies("127.0.0.1").allowedHosts(args[3]);
    if ("stateless".equals(args[2])) {
      options = options.stateless();
    }
    // a protected resource when TOOLWARDEN_OAUTH_* are set: every replica checks the balancer's URL as audience
    options = ResourceServer.fromEnvironment().map(options::oauth).orElse(options);
    RunningServer server = Toolwarden.server("replicas", "1.0.0").tools(new ReplicaTools(args[1]))
        .auditSink(e -> { })
        // every test client is 127.0.0.1: a per-address limit would only measure itself (1200/min)
        .httpClientLimit(0, java.time.Duration.ofMinutes(1))
        .http(options);
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "replica-shutdown"));
    server.await();
  }
}
