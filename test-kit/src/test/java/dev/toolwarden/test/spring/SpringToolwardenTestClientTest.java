package dev.toolwarden.test.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwarden.runtime.audit.AuditOutcome;
import dev.toolwarden.test.ToolResult;
import dev.toolwarden.test.ToolwardenTestClient;
import dev.toolwarden.test.spring.app.OrderRepository;
import dev.toolwarden.test.spring.app.OrdersApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real Boot application (the starter's auto-configuration, no web server): the kit serves its tool beans, with
 * the settings of its Environment, and the application's audit sink sees the events too.
 */
class SpringToolwardenTestClientTest {

  @TempDir Path exports;
  private ConfigurableApplicationContext context;

  @BeforeEach
  void startApp() {
    OrdersApp.APP_AUDIT.clear();
    context = new SpringApplicationBuilder(OrdersApp.class).web(WebApplicationType.NONE)
        .properties("toolwarden.root.exports=" + exports, "toolwarden.grant-scopes=orders:read")
        .run();
  }

  @AfterEach
  void stopApp() {
    context.close();
  }

  @Test
  void callsTheToolBeanWithItsInjectedDependencies() {
    try (ToolwardenTestClient client = SpringToolwardenTestClient.of(context)) {
      ToolResult r = client.callTool("lookup_orders", Map.of("customer", "ada"));
      assertFalse(r.isError(), r.text());
      assertEquals(Map.of("result", List.of("ada-1", "ada-2")), r.structuredContent());
      assertEquals(1, context.getBean(OrderRepository.class).lookups.get(), "the application's bean served it");
      assertEquals(AuditOutcome.OK, client.lastAuditEvent().outcome());
      assertEquals(List.of(AuditOutcome.OK), OrdersApp.APP_AUDIT.stream().map(e -> e.outcome()).toList());
    }
  }

  @Test
  void theEnvironmentGrantsTheScopesAndBindsTheRoots() throws Exception {
    try (ToolwardenTestClient client = SpringToolwardenTestClient.of(context)) {
      ToolResult refused = client.callTool("export_orders", Map.of("file", "ada.txt", "customer", "ada"));
      assertTrue(refused.isError());
      assertEquals(AuditOutcome.SCOPE_DENIED, client.lastAuditEvent().outcome(),
          "toolwarden.grant-scopes=orders:read does not include orders:export");

      client.withScopes("orders:export");
      assertEquals("exported", client.callTool("export_orders", Map.of("file", "ada.txt", "customer", "ada")).text());
      assertEquals("ada-1\nada-2", Files.readString(exports.resolve("ada.txt")));
      ToolResult escape = client.callTool("export_orders", Map.of("file", "../ada.txt", "customer", "ada"));
      assertTrue(escape.isError());
      assertFalse(escape.text().contains(exports.toString()), escape.text());
      assertEquals(AuditOutcome.PATH_REJECTED, client.rejections().get(1).outcome());
    }
  }
}
