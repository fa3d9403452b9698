package dev.toolwarden.it.conformance;

import dev.toolwarden.runtime.RunningServer;
import dev.toolwarden.runtime.ServerBuilder;
import dev.toolwarden.runtime.Toolwarden;
import dev.toolwarden.runtime.http.HttpOptions;

/**
 * The conformance fixture server: {@code java -cp … dev.toolwarden.it.conformance.ConformanceServer
 * http PORT} (Streamable HTTP on {@code http://127.0.0.1:PORT/mcp}; port 0 picks a free one) or
 * {@code stdio}. Built exactly like a user's server: {@link ConformanceTools} compiled by the
 * Toolwarden processor, and {@link ConformanceFeatures} (resources, template, prompts, completions) the same way:
 * nothing through the builder's SDK escape hatch. Every default stays on
 * (Origin/Host validation, the per-client HTTP rate limit, error sanitising).
 */
public final class ConformanceServer {

  private ConformanceServer() {}

  /** The fixture server's definition, shared by both transports. */
  static ServerBuilder builder() {
    return Toolwarden.server("toolwarden-conformance-fixture", "0.1.0")
        .instructions("Fixtures for the MCP conformance suite (@modelcontextprotocol/conformance).")
        .tools(new ConformanceTools(), new ConformanceFeatures(), new InputRequiredTools())
        .resourceSubscriptions(true); // test://watched-resource: the suite subscribes and unsubscribes
  }

  public static void main(String[] args) throws InterruptedException {
    String transport = args.length > 0 ? args[0] : "http";
    switch (transport) {
      case "stdio" -> builder().stdio();
      case "http" -> {
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        try (RunningServer running = builder().http(HttpOptions.loopback(port))) {
          System.err.println("Toolwarden conformance fixture server listening on " + running.url());
          running.await();
        }
      }
      default -> {
        System.err.println("usage: ConformanceServer [stdio | http [port]]");
        System.exit(2);
      }
    }
  }
}
