package com.example.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwarden.runtime.audit.AuditOutcome;
import dev.toolwarden.test.ToolResult;
import dev.toolwarden.test.ToolwardenTestClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrderToolsTest {

  private static final Map<String, Object> ADA = Map.of("customerEmail", "ada@example.com");

  @TempDir Path invoices;
  private ToolwardenTestClient client;

  @BeforeEach
  void connect() {
    client = ToolwardenTestClient.of(new OrderTools()).root("invoices", invoices);
  }

  @AfterEach
  void close() {
    client.close();
  }

  @Test
  void findsOrdersWithTheScopeAndKeepsTheEmailOutOfTheAudit() {
    ToolResult refused = client.withScopes().callTool("find_orders", ADA);
    assertTrue(refused.isError());
    assertEquals(AuditOutcome.SCOPE_DENIED, client.lastAuditEvent().outcome());

    ToolResult found = client.withScopes("orders:read").asPrincipal("ada").callTool("find_orders", ADA);
    assertEquals(Map.of("result", List.of("A-1001", "A-1002")), found.structuredContent());
    assertEquals(Map.of("customerEmail", "****"), client.lastAuditEvent().arguments());
  }

  @Test
  void refusesAnInvalidEmailBeforeTheMethodRuns() {
    ToolResult invalid = client.callTool("find_orders", Map.of("customerEmail", "not-an-email"));
    assertTrue(invalid.isError());
    assertTrue(invalid.text().contains("/customerEmail"), invalid.text());
    assertEquals(AuditOutcome.VALIDATION_REJECTED, client.rejections().get(0).outcome());
  }

  @Test
  void aSpentBudgetRefillsWhenTheClockMovesNotWhenTheTestSleeps() {
    client.callTool("find_orders", ADA);
    client.callTool("find_orders", ADA);
    ToolResult limited = client.callTool("find_orders", ADA);
    assertEquals(30, limited.retryAfterSeconds().getAsLong());

    client.advanceClock(Duration.ofSeconds(30));
    assertFalse(client.callTool("find_orders", ADA).isError());
  }

  @Test
  void readsInvoicesInsideTheFolderOnly() throws Exception {
    Files.writeString(invoices.resolve("2026-01.txt"), "total 42.00");
    assertEquals("total 42.00", client.callTool("read_invoice", Map.of("file", "2026-01.txt")).text());

    ToolResult escape = client.callTool("read_invoice", Map.of("file", "../../etc/passwd"));
    assertTrue(escape.isError());
    assertEquals(AuditOutcome.PATH_REJECTED, client.rejections().get(0).outcome());
  }
}
