package dev.toolwarden.it.oauth;

import dev.toolwarden.it.support.Components;
import dev.toolwarden.it.support.FreePort;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.ExtensionContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A real Keycloak, from the distribution zip Maven unpacked into {@code target/keycloak}, started
 * once per test run ({@code kc.sh start-dev} on 127.0.0.1, free ports, an in-memory database,
 * bootstrap admin credentials generated now) and stopped when the run ends. Everything the tests
 * need is created through the admin REST API: the realm, the example's scopes as optional client
 * scopes, confidential clients (with an audience mapper naming the MCP servers' resource URLs, one
 * without, one with a 2-second token lifespan) and the resource server's own introspection client.
 * Every client secret is generated at run time.
 */
final class Keycloak implements AutoCloseable {

  static final String REALM = "toolwarden";
  static final List<String> SCOPES = List.of("files:read", "orders:read", "reports:run");
  static final String COMPONENT = "Keycloak (org.keycloak:keycloak-quarkus-dist, unpacked by the integration-tests build)";

  /** The clients, by role. */
  static final String ALICE = "mcp-alice";
  static final String BOB = "mcp-bob";
  static final String SHORT_LIVED = "mcp-short";
  static final String NO_AUDIENCE = "mcp-noaud";
  static final String RESOURCE_SERVER = "mcp-resource-server";

  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final Process process;
  private final Path log;
  final int port;
  /** The MCP server ports the audience mapper names, chosen before the servers start. */
  final int jwtServerPort;
  final int introspectionServerPort;
  /** The port of the load balancer in front of OAuth-protected replicas: its URL is their shared audience. */
  final int balancerPort;
  final Map<String, String> secrets = new LinkedHashMap<>();
  Duration startTime = Duration.ZERO;
  private final String adminUser;
  private final String adminPassword;

  private Keycloak(Process process, Path log, int port, String adminUser, String adminPassword) {
    this.process = process;
    this.log = log;
    this.port = port;
    this.adminUser = adminUser;
    this.adminPassword = adminPassword;
    this.jwtServerPort = FreePort.find();
    int other = FreePort.find();
    while (other == jwtServerPort) {
      other = FreePort.find();
    }
    this.introspectionServerPort = other;
    int balancer = FreePort.find();
    while (balancer == jwtServerPort || balancer == introspectionServerPort) {
      balancer = FreePort.find();
    }
    this.balancerPort = balancer;
  }

  /** The one Keycloak of this test run (started on first use, closed when the run ends). */
  static Keycloak shared(ExtensionContext context) {
    return context.getRoot().getStore(ExtensionContext.Namespace.create(Keycloak.class))
        .getOrComputeIfAbsent("keycloak", k -> startAndConfigure(), Keycloak.class);
  }

  static Path home() {
    String configured = System.getProperty("toolwarden.it.keycloakHome");
    return Path.of(configured != null ? configured : "target/keycloak/keycloak-26.5.6").toAbsolutePath().normalize();
  }

  private static Keycloak startAndConfigure() {
    Path home = home();
    Path script = home.resolve("bin").resolve("kc.sh");
    Components.require(COMPONENT, Files.isRegularFile(script) ? null
        : "no " + script + " (run the integration tests through Maven: mvn -B verify -pl integration-tests -am)");
    int port = FreePort.find();
    int management = FreePort.find();
    String user = "admin-" + random(6);
    String password = random(24);
    Path log = home.getParent().resolve("keycloak-" + port + ".log");
    long started = System.nanoTime();
    ProcessBuilder builder = new ProcessBuilder(script.toString(), "start-dev", "--http-host=127.0.0.1",
        "--http-port=" + port, "--http-management-port=" + management, "--db=dev-mem", "--cache=local")
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", user);
    builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", password);
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    Process process;
    try {
      script.toFile().setExecutable(true);
      process = builder.start();
    } catch (IOException e) {
      throw new AssertionError("cannot start Keycloak: " + e, e);
    }
    Keycloak kc = new Keycloak(process, log, port, user, password);
    Runtime.getRuntime().addShutdownHook(new Thread(kc::close, "keycloak-stop"));
    try {
      kc.awaitReady(Duration.ofMinutes(4));
      kc.startTime = Duration.ofNanos(System.nanoTime() - started);
      kc.configure();
      System.err.println("[keycloak] ready on 127.0.0.1:" + port + " after " + kc.startTime.toMillis()
          + " ms, configured after " + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms");
      return kc;
    } catch (RuntimeException | Error e) {
      kc.close();
      throw e;
    }
  }

  private void awaitReady(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    URI probe = URI.create(base() + "/realms/master/.well-known/openid-configuration");
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError("Keycloak exited with " + process.exitValue() + ":\n" + logTail());
      }
      try {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(probe).timeout(Duration.ofSeconds(5)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
      sleep(500);
    }
    throw new AssertionError("Keycloak was not ready within " + timeout + ":\n" + logTail());
  }

  String base() {
    return "http://127.0.0.1:" + port;
  }

  /** The realm's issuer, as Keycloak writes it when asked on 127.0.0.1. */
  String issuer() {
    return base() + "/realms/" + REALM;
  }

  String jwtResource() {
    return "http://127.0.0.1:" + jwtServerPort + "/mcp";
  }

  String introspectionResource() {
    return "http://127.0.0.1:" + introspectionServerPort + "/mcp";
  }

  /** The public MCP URL of replicas behind a balancer on {@link #balancerPort}: the audience they all check. */
  String balancerResource() {
    return "http://127.0.0.1:" + balancerPort + "/mcp";
  }

  // ---- admin REST API -------------------------------------------------------------------------

  private void configure() {
    String admin = adminToken();
    ObjectNode realm = JSON.createObjectNode().put("realm", REALM).put("enabled", true).put("accessTokenLifespan", 300);
    call(admin, "POST", "/admin/realms", realm, 201);
    for (String scope : SCOPES) {
      ObjectNode cs = JSON.createObjectNode().put("name", scope).put("protocol", "openid-connect");
      cs.putObject("attributes").put("include.in.token.scope", "true").put("display.on.consent.screen", "false");
      call(admin, "POST", "/admin/realms/" + REALM + "/client-scopes", cs, 201);
    }
    List<String> both = List.of(jwtResource(), introspectionResource(), balancerResource());
    createClient(admin, ALICE, both, null, true);
    createClient(admin, BOB, both, null, true);
    createClient(admin, SHORT_LIVED, both, 2, true);
    createClient(admin, NO_AUDIENCE, List.of(), null, true);
    createClient(admin, RESOURCE_SERVER, List.of(), null, false);
    JsonNode scopes = call(admin, "GET", "/admin/realms/" + REALM + "/client-scopes", null, 200);
    Map<String, String> scopeIds = new LinkedHashMap<>();
    for (JsonNode s : scopes) {
      scopeIds.put(s.path("name").asString(), s.path("id").asString());
    }
    for (String clientId : List.of(ALICE, BOB, SHORT_LIVED, NO_AUDIENCE)) {
      String id = call(admin, "GET", "/admin/realms/" + REALM + "/clients?clientId=" + clientId, null, 200).get(0)
          .path("id").asString();
      for (String scope : SCOPES) {
        call(admin, "PUT", "/admin/realms/" + REALM + "/clients/" + id + "/optional-client-scopes/" + scopeIds.get(scope),
            null, 204);
      }
    }
  }

  private void createClient(String admin, String clientId, List<String> audiences, Integer lifespanSeconds,
      boolean serviceAccount) {
    String secret = random(32);
    secrets.put(clientId, secret);
    ObjectNode c = JSON.createObjectNode()
        .put("clientId", clientId).put("enabled", true).put("protocol", "openid-connect")
        .put("publicClient", false).put("clientAuthenticatorType", "client-secret").put("secret", secret)
        .put("serviceAccountsEnabled", serviceAccount).put("standardFlowEnabled", false)
        .put("directAccessGrantsEnabled", false).put("fullScopeAllowed", true);
    if (lifespanSeconds != null) {
      c.putObject("attributes").put("access.token.lifespan", String.valueOf(lifespanSeconds));
    }
    ArrayNode mappers = c.putArray("protocolMappers");
    int i = 0;
    for (String audience : audiences) {
      ObjectNode m = mappers.addObject().put("name", "mcp-audience-" + i++).put("protocol", "openid-connect")
          .put("protocolMapper", "oidc-audience-mapper");
      m.putObject("config").put("included.custom.audience", audience).put("access.token.claim", "true")
          .put("id.token.claim", "false").put("introspection.token.claim", "true");
    }
    call(admin, "POST", "/admin/realms/" + REALM + "/clients", c, 201);
  }

  /** A bootstrap admin's access token for the admin REST API (master realm). */
  String adminToken() {
    JsonNode t = form(base() + "/realms/master/protocol/openid-connect/token", Map.of("grant_type", "password",
        "client_id", "admin-cli", "username", adminUser, "password", adminPassword), 200);
    return t.path("access_token").asString();
  }

  /** One admin REST call; fails the test unless Keycloak answers {@code expected}. */
  JsonNode call(String admin, String method, String path, JsonNode body, int expected) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + admin).header("Accept", "application/json");
    if (body != null) {
      b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    } else {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    }
    HttpResponse<String> r = send(b.build());
    if (r.statusCode() != expected) {
      throw new AssertionError("Keycloak admin " + method + " " + path + " answered " + r.statusCode() + ": " + r.body());
    }
    return r.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(r.body());
  }

  // ---- tokens ---------------------------------------------------------------------------------

  /** An access token for {@code clientId} (client credentials) with the optional {@code scopes}. */
  String token(String clientId, String... scopes) {
    return tokenVia(base(), clientId, scopes);
  }

  /** The same, asked through another base URL (Keycloak derives {@code iss} from it in dev mode). */
  String tokenVia(String baseUrl, String clientId, String... scopes) {
    Map<String, String> f = new LinkedHashMap<>(Map.of("grant_type", "client_credentials", "client_id", clientId,
        "client_secret", secrets.get(clientId)));
    if (scopes.length > 0) {
      f.put("scope", String.join(" ", scopes));
    }
    return form(baseUrl + "/realms/" + REALM + "/protocol/openid-connect/token", f, 200).path("access_token").asString();
  }

  /** Revokes an access token of {@code clientId} (RFC 7009). */
  void revoke(String clientId, String token) {
    form(base() + "/realms/" + REALM + "/protocol/openid-connect/revoke", Map.of("token", token,
        "token_type_hint", "access_token", "client_id", clientId, "client_secret", secrets.get(clientId)), 200);
  }

  /** The realm's JWKS. */
  JsonNode jwks() {
    HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(issuer() + "/protocol/openid-connect/certs"))
        .timeout(Duration.ofSeconds(10)).GET().build());
    return JSON.readTree(r.body());
  }

  private JsonNode form(String url, Map<String, String> fields, int expected) {
    StringJoiner body = new StringJoiner("&");
    fields.forEach((k, v) -> body.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
    HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
    if (r.statusCode() != expected) {
      throw new AssertionError("Keycloak " + url + " answered " + r.statusCode() + ": " + r.body());
    }
    return r.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(r.body());
  }

  private static HttpResponse<String> send(HttpRequest request) {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new AssertionError("Keycloak request failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  // ---- lifecycle ------------------------------------------------------------------------------

  String logTail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  @Override
  public void close() {
    if (!process.isAlive()) {
      return;
    }
    List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
    process.destroy();
    tree.forEach(ProcessHandle::destroy);
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        tree.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      tree.forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
    tree.forEach(h -> h.onExit().completeOnTimeout(h, 10, TimeUnit.SECONDS).join());
  }

  static String random(int bytes) {
    byte[] b = new byte[bytes];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
