package dev.toolwarden.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwarden.runtime.audit.AuditEvent;
import dev.toolwarden.runtime.audit.AuditOutcome;
import dev.toolwarden.test.tools.DocsServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code withScopes} and {@code asPrincipal} reach the pipeline's scope check and the audit trail. */
class ScopesTest {

  private static final Map<String, Object> ARGS = Map.of("text", "a bb ccc", "minLength", 2);

  @TempDir Path docs;

  private ToolwardenTestClient client() {
    return ToolwardenTestClient.of(new DocsServer()).root("docs", docs);
  }

  @Test
  void withoutAnyScopeTheToolIsRefusedAndNothingRuns() {
    try (ToolwardenTestClient client = client().withScopes()) {
      ToolResult r = client.callTool("count_words", ARGS);
      assertTrue(r.isError());
      assertEquals("Forbidden: tool 'count_words' requires the scope docs:read, which this caller was not granted",
          r.text());
      List<AuditEvent> rejections = client.rejections();
      assertEquals(1, rejections.size());
      assertEquals(AuditOutcome.SCOPE_DENIED, rejections.get(0).outcome());
      assertEquals("missing scope docs:read", rejections.get(0).reason());
    }
  }

  @Test
  void theGrantedScopeAdmitsTheCallAsThePrincipal() {
    try (ToolwardenTestClient client = client()
        .withScopes("docs:read").asPrincipal("ada")) {
      ToolResult r = client.callTool("count_words", ARGS);
      assertFalse(r.isError(), r.text());
      assertEquals(2, ((Number) r.structuredObject().get("result")).intValue(), r.toString());
      AuditEvent e = client.lastAuditEvent();
      assertEquals(AuditOutcome.OK, e.outcome());
      assertEquals("ada", e.principal());
      assertTrue(client.rejections().isEmpty());
    }
  }

  @Test
  void byDefaultTheLocalCallerHasEveryDeclaredScopeAsOnStdio() {
    try (ToolwardenTestClient client = client()) {
      assertFalse(client.callTool("count_words", ARGS).isError());
      assertEquals("draft", client.readResource("docs://drafts").text());
      assertEquals("anonymous", client.lastAuditEvent().principal());
    }
  }

  @Test
  void aResourceRefusalIsTheJsonRpcErrorAClientGets() {
    try (ToolwardenTestClient client = client().withScopes("docs:read")) {
      assertEquals("a.md\nb.md", client.readResource("docs://index").text());
      ResourceResult refused = client.readResource("docs://drafts");
      assertTrue(refused.isRpcError());
      assertEquals(-32600, refused.rpcError().code());
      assertTrue(refused.rpcError().message().contains("requires the scope docs:edit"), refused.toString());
      assertEquals(AuditOutcome.SCOPE_DENIED, client.lastAuditEvent().outcome());
      // the caller changes between requests; the session stays
      client.withScopes("docs:read", "docs:edit");
      assertEquals("draft", client.readResource("docs://drafts").text());
    }
  }

  @Test
  void validationRefusesBeforeTheMethodRuns() {
    try (ToolwardenTestClient client = client()) {
      ToolResult r = client.callTool("count_words", Map.of("text", "a", "minLength", 50, "extra", true));
      assertTrue(r.isError());
      assertTrue(r.text().contains("/minLength"), r.text());
      assertTrue(r.text().contains("/extra"), r.text());
      assertEquals(AuditOutcome.VALIDATION_REJECTED, client.rejections().get(0).outcome());
    }
  }

  @Test
  void anUnknownToolIsAJsonRpcError() {
    try (ToolwardenTestClient client = client()) {
      ToolResult r = client.callTool("nope");
      assertTrue(r.isRpcError(), r.toString());
      assertEquals(-32602, r.rpcError().code(), r.toString());
    }
  }
}
