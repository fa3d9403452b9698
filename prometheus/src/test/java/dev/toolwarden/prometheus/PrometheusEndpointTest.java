package dev.toolwarden.prometheus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.toolwarden.runtime.RunningServer;
import dev.toolwarden.runtime.ServerBuilder;
import dev.toolwarden.runtime.Toolwarden;
import dev.toolwarden.runtime.ToolwardenStartupException;
import dev.toolwarden.runtime.http.HttpOptions;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The module as a user meets it: on the class path, one setting turns the endpoint on; a real server answers real
 * Streamable HTTP calls and the endpoint serves what they counted, in the Prometheus text format, until the server
 * closes. It never listens on the MCP port, and a bare port is loopback only.
 */
class PrometheusEndpointTest {

  private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (\\S+)$");
  private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void theEndpointServesTheCallsAndRefusalsTheServerCountedAndStopsWithIt() throws Exception {
    int metricsPort = freePort();
    RunningServer server = server().config("metrics.prometheus", "127.0.0.1:" + metricsPort)
        .http(HttpOptions.loopback(0));
    try {
      String session = initialize(server);
      for (int i = 0; i < 3; i++) {
        assertTrue(call(server, session, i + 10, "ping").contains("pong"));
      }
      assertTrue(call(server, session, 20, "admin_ping").contains("\"isError\":true"), "no admin scope is granted");
      assertTrue(call(server, session, 21, "admin_ping").contains("\"isError\":true"));

      String text = scrape("127.0.0.1", metricsPort);
      assertEquals(3.0, sample(text, "toolwarden_calls_total",
          Map.of("gen_ai_tool_name", "ping", "toolwarden_outcome", "ok", "mcp_method_name", "tools/call")), text);
      assertEquals(2.0, sample(text, "toolwarden_calls_total",
          Map.of("gen_ai_tool_name", "admin_ping", "toolwarden_outcome", "scope_denied")), text);
      assertEquals(2.0, sample(text, "toolwarden_refusals_total",
          Map.of("gen_ai_tool_name", "admin_ping", "toolwarden_reason", "scope_denied")), text);
      assertEquals(3.0, sample(text, "mcp_server_operation_duration_seconds_count",
          Map.of("gen_ai_tool_name", "ping", "toolwarden_outcome", "ok")), text);
      assertEquals(1.0, sample(text, "toolwarden_sessions_active", Map.of()), text);
    } finally {
      server.close();
    }
    assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", metricsPort).close(),
        "the endpoint stops with the server");
  }

  @Test
  void theEndpointRefusesTheMcpPortBeforeAnythingListens() throws Exception {
    int mcpPort = freePort();
    ServerBuilder builder = server().config("metrics.prometheus", "127.0.0.1:" + mcpPort);
    ToolwardenStartupException e = assertThrows(ToolwardenStartupException.class,
        () -> builder.http(HttpOptions.loopback(mcpPort)).close());
    assertTrue(e.getMessage().contains("must not be the MCP port " + mcpPort), e.getMessage());
    assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", mcpPort).close(), "nothing listens");

    ToolwardenStartupException bare = assertThrows(ToolwardenStartupException.class,
        () -> server().config("metrics.prometheus", String.valueOf(mcpPort)).http(HttpOptions.loopback(mcpPort)));
    assertTrue(bare.getMessage().contains("MCP port"), bare.getMessage());
  }

  @Test
  void aStartUpThatFailsAfterTheEndpointStartedStopsIt() throws Exception {
    int metricsPort = freePort();
    ServerBuilder builder = server().config("metrics.prometheus", String.valueOf(metricsPort))
        .config("audit.queue", "lots"); // read after the endpoint started: the start-up fails there
    assertThrows(ToolwardenStartupException.class, () -> builder.http(HttpOptions.loopback(0)).close());
    assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", metricsPort).close(), "nothing left listening");
  }

  @Test
  void aBarePortListensOnLoopbackOnly() throws Exception {
    assertEquals(new MetricsAddress("127.0.0.1", 9464), MetricsAddress.parse("9464"));
    assertEquals(new MetricsAddress("::1", 9464), MetricsAddress.parse("[::1]:9464"));
    assertEquals(new MetricsAddress("0.0.0.0", 9464), MetricsAddress.parse("0.0.0.0:9464"), "named, so meant");
    for (String bad : new String[] {"", "host:", "70000", "::1:9464", "metrics"}) {
      assertThrows(ToolwardenStartupException.class, () -> MetricsAddress.parse(bad), bad);
    }

    int metricsPort = freePort();
    try (RunningServer server = server().config("metrics.prometheus", String.valueOf(metricsPort))
        .http(HttpOptions.loopback(0))) {
      assertTrue(scrape("127.0.0.1", metricsPort).contains("toolwarden_calls_total"));
      Optional<InetAddress> external = nonLoopbackAddress();
      assumeTrue(external.isPresent(), "this machine has no non-loopback IPv4 address to try");
      try (Socket s = new Socket()) {
        assertThrows(IOException.class, () -> s.connect(new InetSocketAddress(external.get(), metricsPort), 2_000),
            "not reachable on " + external.get());
      }
    }
  }

  private static ServerBuilder server() {
    return Toolwarden.server("prometheus-test", "1.0.0").tools(new PingTools()).grantScopes();
  }

  private String initialize(RunningServer server) throws Exception {
    HttpResponse<String> init = post(server, null, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
        + "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}");
    assertEquals(200, init.statusCode(), init.body());
    String session = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
    post(server, session, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
    return session;
  }

  private String call(RunningServer server, String session, int id, String tool) throws Exception {
    HttpResponse<String> r = post(server, session, "{\"jsonrpc\":\"2.0\",\"id\":" + id
        + ",\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool + "\",\"arguments\":{}}}");
    assertEquals(200, r.statusCode(), r.body());
    return r.body();
  }

  private HttpResponse<String> post(RunningServer server, String session, String body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url()))
        .header("Content-Type", "application/json")
        .header("Accept", "application/json, text/event-stream")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (session != null) {
      b.header("Mcp-Session-Id", session).header("MCP-Protocol-Version", "2025-06-18");
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private String scrape(String host, int port) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + "/metrics"))
        .GET().build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r.body());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"), r.headers().toString());
    return r.body();
  }

  /** The sum of the samples of {@code name} whose labels include {@code labels}; fails when there is none. */
  private static double sample(String exposition, String name, Map<String, String> labels) {
    double sum = 0;
    boolean found = false;
    for (String line : exposition.split("\n")) {
      Matcher m = SAMPLE.matcher(line);
      if (line.startsWith("#") || !m.matches() || !m.group(1).equals(name)) {
        continue;
      }
      Map<String, String> have = new HashMap<>();
      Matcher l = LABEL.matcher(m.group(2) == null ? "" : m.group(2));
      while (l.find()) {
        have.put(l.group(1), l.group(2));
      }
      if (have.entrySet().containsAll(labels.entrySet())) {
        sum += Double.parseDouble(m.group(3));
        found = true;
      }
    }
    if (!found) {
      throw new AssertionError("no sample " + name + " with " + labels);
    }
    return sum;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static Optional<InetAddress> nonLoopbackAddress() throws IOException {
    for (NetworkInterface i : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      if (!i.isUp() || i.isLoopback()) {
        continue;
      }
      for (InetAddress a : Collections.list(i.getInetAddresses())) {
        if (a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress()) {
          return Optional.of(a);
        }
      }
    }
    return Optional.empty();
  }
}
