package dev.toolwarden.benchmarks.servers;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.sun.net.httpserver.HttpServer;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.toolwarden.benchmarks.tools.PipelineTools;
import dev.toolwarden.benchmarks.tools.ResourceTools;
import dev.toolwarden.benchmarks.tools.StartupTools1;
import dev.toolwarden.benchmarks.tools.StartupTools100A;
import dev.toolwarden.benchmarks.tools.StartupTools100B;
import dev.toolwarden.benchmarks.tools.StartupTools100C;
import dev.toolwarden.benchmarks.tools.StartupTools100D;
import dev.toolwarden.runtime.RunningServer;
import dev.toolwarden.runtime.ServerBuilder;
import dev.toolwarden.runtime.Toolwarden;
import dev.toolwarden.runtime.audit.AuditSink;
import dev.toolwarden.runtime.auth.ResourceServer;
import dev.toolwarden.runtime.http.HttpOptions;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The servers the whole-process benchmarks start, one per child JVM:
 * {@code BenchServer <toolwarden|sdk|trivial> stdio <1|100>} and
 * {@code BenchServer <toolwarden|toolwarden-otel|toolwarden-sync-audit|toolwarden-oauth|sdk> http lookup} and
 * {@code BenchServer <toolwarden|sdk> http resources} (the resources/read benchmark's ResourceTools) (OAuth: JWT
 * mode, as configured by a user, with the JWKS served on loopback by this process; the verified-token cache at its
 * default). An HTTP server prints
 * {@code READY <port> [<bearer token>]} on stdout once it listens.
 */
public final class BenchServer {

  private BenchServer() {}

  public static void main(String[] args) throws Exception {
    String impl = args[0];
    String transport = args[1];
    String tools = args[2];
    if (transport.equals("stdio")) {
      int count = Integer.parseInt(tools);
      switch (impl) {
        case "toolwarden" -> toolwardenStdio(count, true);
        case "toolwarden-nowarmup" -> toolwardenStdio(count, false);
        case "sdk" -> sdkStdio(count, false);
        case "sdk-floor" -> sdkStdio(count, true);
        case "trivial" -> TrivialStdio.serve(count);
        default -> throw new IllegalArgumentException(impl);
      }
      return;
    }
    PrintStream out = System.out;
    if (tools.equals("resources")) {
      resourcesHttp(impl, out);
      return;
    }
    switch (impl) {
      case "toolwarden" -> {
        RunningServer server = toolwardenHttp(0, null);
        out.println("READY " + server.port());
        server.await();
      }
      case "toolwarden-otel" -> { // the same server with the OpenTelemetry SDK recording every call
        ServerBuilder builder = builder(new PipelineTools());
        dev.toolwarden.runtime.internal.server.BuilderAccess.settings(builder).openTelemetry = TelemetrySdk.create();
        RunningServer server = builder.http(HttpOptions.loopback(0));
        out.println("READY " + server.port());
        server.await();
      }
      case "toolwarden-sync-audit" -> { // as before issue 16: the audit line written on the request thread
        RunningServer server = builder(new PipelineTools()).auditSink(AuditSink.slf4j()).http(HttpOptions.loopback(0));
        out.println("READY " + server.port());
        server.await();
      }
      case "toolwarden-oauth" -> {
        int port = freePort();
        String resource = "http://127.0.0.1:" + port + "/mcp";
        String issuer = "https://id.bench.example/realms/bench";
        RSAKey key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        // as a user configures it: JWT mode with the authorization server's JWKS URL (served here on loopback)
        URI jwks = serveJwks(new JWKSet(key.toPublicJWK()));
        RunningServer server = toolwardenHttp(port, ResourceServer.jwt(issuer, resource).jwksUri(jwks));
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer).audience(List.of(resource)).subject("bench")
            .issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(3600)))
            .claim("azp", "bench-client").claim("scope", "bench:call").build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
            .type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(new RSASSASigner(key));
        out.println("READY " + server.port() + " " + jwt.serialize());
        server.await();
      }
      case "sdk" -> {
        Server jetty = sdkHttp(0, List.of(BareSdk.lookup(McpJsonDefaults.getMapper())));
        out.println("READY " + ((ServerConnector) jetty.getConnectors()[0]).getLocalPort());
        jetty.join();
      }
      default -> throw new IllegalArgumentException(impl);
    }
  }

  /** The resources/read servers: ResourceTools with every policy, or the same resources by hand on the bare SDK. */
  static void resourcesHttp(String impl, PrintStream out) throws Exception {
    switch (impl) {
      case "toolwarden" -> {
        RunningServer server = builder(new ResourceTools()).http(HttpOptions.loopback(0));
        out.println("READY " + server.port());
        server.await();
      }
      case "sdk" -> {
        McpJsonMapper json = McpJsonDefaults.getMapper();
        HttpServletStreamableServerTransportProvider transport = HttpServletStreamableServerTransportProvider.builder()
            .jsonMapper(json).mcpEndpoint("/mcp").build();
        McpServer.sync(transport)
            .serverInfo("bench", "1.0.0")
            .capabilities(McpSchema.ServerCapabilities.builder().resources(false, false).build())
            .resources(BareSdk.motd(ResourceTools.MOTD))
            .resourceTemplates(BareSdk.statement(json))
            .build();
        Server jetty = jetty(0, transport);
        out.println("READY " + ((ServerConnector) jetty.getConnectors()[0]).getLocalPort());
        jetty.join();
      }
      default -> throw new IllegalArgumentException(impl + " serves no resources");
    }
  }

  static void toolwardenStdio(int count, boolean jsonWarmup) {
    Object[] tools = count == 1 ? new Object[] {new StartupTools1()}
        : new Object[] {new StartupTools100A(), new StartupTools100B(), new StartupTools100C(), new StartupTools100D()};
    String[] bundles = new String[tools.length];
    for (int i = 0; i < tools.length; i++) {
      bundles[i] = tools[i].getClass().getName() + "_ToolBundle";
    }
    Toolwarden.server("bench", "1.0.0")
        .config("startup.json-warmup", Boolean.toString(jsonWarmup))
        .classLoader(new OnlyBundles(bundles))
        .tools(tools)
        .stdio();
  }

  /**
   * The bare SDK over stdio. {@code floor}: with a schema validator that checks nothing, so neither the schema library
   * nor a meta-schema check runs — what the SDK itself needs to answer tools/list (the floor of any server built on
   * it; not a safe server: it would accept any arguments).
   */
  static void sdkStdio(int count, boolean floor) throws InterruptedException {
    McpJsonMapper json = McpJsonDefaults.getMapper();
    McpServer.SyncSpecification<?> spec = McpServer.sync(new StdioServerTransportProvider(json));
    if (floor) {
      spec.jsonSchemaValidator(new AcceptEverything());
    }
    McpSyncServer server = spec
        .serverInfo("bench", "1.0.0")
        .capabilities(McpSchema.ServerCapabilities.builder().tools(true).logging().build())
        .tools(BareSdk.startupTools(count, json))
        .build();
    Thread.currentThread().join(); // the SDK's stdio transport ends the process when stdin closes
  }

  /** Toolwarden over HTTP with every policy of PipelineTools; the per-client HTTP limit off (throughput). */
  public static RunningServer toolwardenHttp(int port, ResourceServer oauth) {
    HttpOptions options = HttpOptions.loopback(port);
    if (oauth != null) {
      options = options.oauth(oauth);
    }
    return builder(new PipelineTools()).http(options);
  }

  static ServerBuilder builder(Object tools) {
    return Toolwarden.server("bench", "1.0.0")
        .classLoader(new OnlyBundles(tools.getClass().getName() + "_ToolBundle"))
        .tools(tools)
        .httpClientLimit(0, Duration.ofMinutes(1));
  }

  /** The bare SDK on Jetty 12 with its Streamable HTTP servlet and its own input validation (on by default). */
  public static Server sdkHttp(int port, List<SyncToolSpecification> specs) throws Exception {
    McpJsonMapper json = McpJsonDefaults.getMapper();
    HttpServletStreamableServerTransportProvider transport = HttpServletStreamableServerTransportProvider.builder()
        .jsonMapper(json).mcpEndpoint("/mcp").build();
    McpServer.sync(transport)
        .serverInfo("bench", "1.0.0")
        .capabilities(McpSchema.ServerCapabilities.builder().tools(true).logging().build())
        .tools(specs)
        .build();
    return jetty(port, transport);
  }

  /** Jetty 12 on loopback with {@code transport} at /mcp, started. */
  static Server jetty(int port, HttpServletStreamableServerTransportProvider transport) throws Exception {
    Server jetty = new Server();
    ServerConnector connector = new ServerConnector(jetty);
    connector.setHost("127.0.0.1");
    connector.setPort(port);
    jetty.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler(ServletContextHandler.NO_SESSIONS);
    context.setContextPath("/");
    ServletHolder servlet = new ServletHolder(transport);
    servlet.setAsyncSupported(true);
    context.addServlet(servlet, "/mcp");
    jetty.setHandler(context);
    jetty.start();
    return jetty;
  }

  /** Publishes {@code keys} at {@code http://127.0.0.1:<port>/jwks}, as an authorization server would. */
  static URI serveJwks(JWKSet keys) throws java.io.IOException {
    HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    byte[] body = keys.toString().getBytes(StandardCharsets.UTF_8);
    http.createContext("/jwks", exchange -> {
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    http.start();
    return URI.create("http://127.0.0.1:" + http.getAddress().getPort() + "/jwks");
  }

  static int freePort() throws java.io.IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  /** A validator that accepts every schema and every value: the {@code sdk-floor} server's. */
  static final class AcceptEverything implements io.modelcontextprotocol.json.schema.JsonSchemaValidator {
    @Override
    public ValidationResponse validateSchema(java.util.Map<String, Object> schema) {
      return ValidationResponse.asValid(null);
    }

    @Override
    public ValidationResponse validate(java.util.Map<String, Object> schema, Object value) {
      return ValidationResponse.asValid(null);
    }
  }
}
