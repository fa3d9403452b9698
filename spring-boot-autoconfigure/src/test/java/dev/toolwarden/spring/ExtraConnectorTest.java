package dev.toolwarden.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwarden.spring.app.GreetingApp;
import java.io.ByteArrayOutputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Optional;
import org.apache.catalina.connector.Connector;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Without Toolwarden's OAuth the start-up check requires a loopback {@code server.address}; an application can still
 * give Tomcat an additional connector on another interface. Before, that connector served the MCP endpoint — which
 * authenticates nobody in this mode — to the network; now a connection that did not arrive on loopback is 403.
 */
class ExtraConnectorTest {

  private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
      + "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}";

  @Test
  void anAdditionalConnectorOnAnotherInterfaceIsRefusedAndLoopbackIsServed() throws Exception {
    Optional<InetAddress> lan = nonLoopbackAddress();
    if (lan.isEmpty()) {
      // not a missing component: a machine without a second interface cannot have this problem
      if ("true".equals(System.getenv("CI"))) {
        throw new AssertionError("CI machines have a non-loopback interface; none found");
      }
      Assumptions.abort("SKIPPED LOUDLY: no non-loopback IPv4 interface on this machine");
    }
    Connector extra = new Connector();
    extra.setPort(0);
    extra.setProperty("address", lan.get().getHostAddress());
    SpringApplication app = new SpringApplication(GreetingApp.class);
    app.addInitializers(c -> c.getBeanFactory().registerSingleton("extraConnector",
        (WebServerFactoryCustomizer<TomcatServletWebServerFactory>) f -> f.addAdditionalConnectors(extra)));
    try (ConfigurableApplicationContext context = app.run("--server.port=0", "--server.address=127.0.0.1",
        "--spring.main.banner-mode=off")) {
      TomcatWebServer server = (TomcatWebServer) ((WebServerApplicationContext) context).getWebServer();
      int loopbackPort = server.getPort();
      int lanPort = extra.getLocalPort();
      assertTrue(lanPort > 0, "the additional connector listens");

      // Host names the loopback endpoint, so only the connection's interface differs
      String fromLan = post(lan.get().getHostAddress(), lanPort, "127.0.0.1:" + loopbackPort);
      assertEquals(403, status(fromLan), fromLan);
      assertTrue(fromLan.contains("serves loopback connections only"), fromLan);
      assertFalse(fromLan.toLowerCase().contains("mcp-session-id"), fromLan);

      String fromLoopback = post("127.0.0.1", loopbackPort, "127.0.0.1:" + loopbackPort);
      assertEquals(200, status(fromLoopback), fromLoopback);
    }
  }

  private static Optional<InetAddress> nonLoopbackAddress() throws Exception {
    for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      if (!nic.isUp() || nic.isLoopback()) {
        continue;
      }
      for (InetAddress a : Collections.list(nic.getInetAddresses())) {
        if (a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress()) {
          return Optional.of(a);
        }
      }
    }
    return Optional.empty();
  }

  private static String post(String address, int port, String host) throws Exception {
    byte[] body = INITIALIZE.getBytes(StandardCharsets.UTF_8);
    try (Socket s = new Socket(address, port)) {
      s.setSoTimeout(20_000);
      s.getOutputStream().write(("POST /mcp HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n"
          + "Accept: application/json, text/event-stream\r\nContent-Type: application/json\r\nContent-Length: "
          + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      s.getOutputStream().write(body);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      s.getInputStream().transferTo(out);
      return out.toString(StandardCharsets.UTF_8);
    }
  }

  private static int status(String answer) {
    return Integer.parseInt(answer.substring(9, 12));
  }
}
