package dev.toolwarden.it.url;

import dev.toolwarden.runtime.RunningServer;
import dev.toolwarden.runtime.ServerBuilder;
import dev.toolwarden.runtime.Toolwarden;
import dev.toolwarden.runtime.http.HttpOptions;
import dev.toolwarden.runtime.url.Egress;
import dev.toolwarden.runtime.url.HostResolver;
import dev.toolwarden.runtime.url.SafeHttpClient;
import dev.toolwarden.runtime.url.UrlPolicy;
import java.nio.file.Path;

/**
 * The server of {@link SafeUrlE2eTest}: {@code java -cp … UrlToolsServer stdio | http PORT}, with
 * {@link UrlTools}. Names resolve only through the corpus' test resolver
 * ({@code TOOLWARDEN_IT_SSRF_CORPUS}). {@code TOOLWARDEN_IT_URL_MODE=fetch} trusts 127.0.0.1 — the
 * loopback origin on {@code TOOLWARDEN_IT_ORIGIN_PORT} — and nothing else; any other mode trusts
 * nothing.
 */
public final class UrlToolsServer {

  private UrlToolsServer() {}

  static ServerBuilder builder() {
    ItSsrfCorpus corpus = ItSsrfCorpus.load(Path.of(System.getenv("TOOLWARDEN_IT_SSRF_CORPUS")));
    Egress.Builder egress = Egress.builder().resolver(HostResolver.fixed(corpus.resolverTable()));
    if ("fetch".equals(System.getenv("TOOLWARDEN_IT_URL_MODE"))) {
      egress.trust("127.0.0.1");
    }
    Egress settings = egress.build();
    int originPort = Integer.parseInt(System.getenv().getOrDefault("TOOLWARDEN_IT_ORIGIN_PORT", "80"));
    SafeHttpClient http = SafeHttpClient.builder()
        .policy(UrlPolicy.builder().schemes("http").hosts("*.lab.test").ports(originPort, 80).build())
        .egress(settings).maxRedirects(5).build();
    return Toolwarden.server("url-e2e", "1.0.0").tools(new UrlTools(http)).egress(settings)
        .grantScopes("web:read").httpClientLimit(0, java.time.Duration.ofMinutes(1));
  }

  public static void main(String[] args) throws InterruptedException {
    switch (args.length > 0 ? args[0] : "") {
      case "stdio" -> builder().stdio();
      case "http" -> {
        try (RunningServer running = builder().http(HttpOptions.loopback(Integer.parseInt(args[1])))) {
          System.err.println("Toolwarden url-e2e server listening on " + running.url());
          running.await();
        }
      }
      default -> {
        System.err.println("usage: UrlToolsServer stdio | http PORT");
        System.exit(2);
      }
    }
  }
}
