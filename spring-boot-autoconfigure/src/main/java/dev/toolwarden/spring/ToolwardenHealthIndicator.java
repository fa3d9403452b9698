package dev.toolwarden.spring;

import dev.toolwarden.runtime.auth.ResourceServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Actuator's view of the MCP server ({@code /actuator/health/toolwarden}): DOWN while the shared rate-limit
 * backend is in an outage (as its audit events report it), with the number of tools served and, with OAuth,
 * whether the authorization server's metadata answers (checked at most every 10 s; a slow or unreachable
 * authorization server is reported, not made DOWN: verified tokens keep working from the key cache).
 */
final class ToolwardenHealthIndicator implements HealthIndicator {

  private static final long RECHECK_NANOS = Duration.ofSeconds(10).toNanos();

  private final ToolwardenServer server;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
      .followRedirects(HttpClient.Redirect.NEVER).build();
  private long checkedAt;
  private String reachability;

  ToolwardenHealthIndicator(ToolwardenServer server) {
    this.server = server;
  }

  @Override
  public Health health() {
    String outage = server.backendState().outage();
    Health.Builder health = outage == null ? Health.up() : Health.down().withDetail("rateLimitBackendOutage", outage);
    health.withDetail("rateLimitBackend", outage == null ? "available" : "unavailable");
    health.withDetail("tools", server.toolCount());
    ResourceServer oauth = server.oauth();
    if (oauth != null) {
      health.withDetail("authorizationServer", oauth.issuer());
      health.withDetail("authorizationServerReachable", reachability(oauth.issuer()));
    }
    return health.build();
  }

  private synchronized String reachability(String issuer) {
    long now = System.nanoTime();
    if (reachability == null || now - checkedAt > RECHECK_NANOS) {
      reachability = probe(issuer);
      checkedAt = now;
    }
    return reachability;
  }

  private String probe(String issuer) {
    String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
    try {
      HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(base + "/.well-known/openid-configuration"))
          .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.discarding());
      return r.statusCode() < 500 ? "yes" : "no (HTTP " + r.statusCode() + ")";
    } catch (java.io.IOException | IllegalArgumentException e) {
      return "no (" + e.getClass().getSimpleName() + ")";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "unknown";
    }
  }
}
