package dev.toolwarden.examples;

import dev.toolwarden.runtime.Toolwarden;
import dev.toolwarden.runtime.auth.ResourceServer;
import dev.toolwarden.runtime.http.HttpOptions;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The example server: {@code java -jar toolwarden-example.jar [stdio | http [port]]}.
 *
 * <p>The workspace root comes from {@code TOOLWARDEN_ROOT_WORKSPACE} (or the system property
 * {@code toolwarden.root.workspace}); without it, a small demo workspace is created in a
 * temporary directory and deleted when the server stops.
 *
 * <p>Over HTTP the server is an OAuth 2.1 protected resource when {@code TOOLWARDEN_OAUTH_ISSUER}
 * and {@code TOOLWARDEN_OAUTH_RESOURCE} are set (see {@link ResourceServer#fromEnvironment()} for
 * the other {@code TOOLWARDEN_OAUTH_*} settings): every request then needs a bearer token from that
 * issuer, for that resource, with the scopes of the tool it calls.
 *
 * <p>With {@code TOOLWARDEN_METRICS_PROMETHEUS=[host:]port} it serves its metrics to Prometheus: the
 * {@code toolwarden-prometheus} module on its class path reads that setting, no code here.
 */
public final class ExampleServer {

  private ExampleServer() {}

  /** Runs the example server over {@code stdio} or {@code http [port]} (default: http on 8080). */
  public static void main(String[] args) throws Exception {
    String transport = args.length > 0 ? args[0] : "http";
    int port = "http".equals(transport) && args.length > 1 ? Integer.parseInt(args[1]) : 8080;
    var server = Toolwarden.server("toolwarden-example", "0.1.0")
        .instructions("Example tools: workspace files, an order book and a report builder.")
        .tools(new WorkspaceTools(), OrderTools.demo(), new ReportTools())
        .root("workspace", workspace());
    switch (transport) {
      case "stdio" -> server.stdio();
      case "http" -> {
        HttpOptions options = HttpOptions.loopback(port);
        var oauth = ResourceServer.fromEnvironment();
        if (oauth.isPresent()) {
          options = options.oauth(oauth.get());
        }
        var running = server.http(options);
        System.err.println("Toolwarden example server listening on " + running.url());
        oauth.ifPresent(rs -> System.err.println("OAuth: tokens from " + rs.issuer() + " for " + rs.resource()
            + "; protected resource metadata at " + rs.metadataUrl()));
        System.err.println("Connect an MCP client, e.g.: npx @modelcontextprotocol/inspector --cli "
            + running.url() + " --transport http --method tools/list");
        running.await();
      }
      default -> {
        System.err.println("usage: java -jar toolwarden-example.jar [stdio | http [port]]");
        System.exit(2);
      }
    }
  }

  /** The configured workspace root, else a {@link DemoWorkspace} (deleted when the server stops). */
  static Path workspace() throws IOException {
    String configured = System.getProperty("toolwarden.root.workspace", System.getenv("TOOLWARDEN_ROOT_WORKSPACE"));
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    return DemoWorkspace.create().dir();
  }
}
