package dev.toolwarden.runtime.internal.protocol2026;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcontextprotocol.spec.McpSchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The era of a message and the header rules of 2026-07-28, one rule per case. */
class HeaderChecksTest {

  private static final Map<String, Object> META = Map.of(Revision.META_PROTOCOL_VERSION, Revision.VERSION,
      Revision.META_CLIENT_CAPABILITIES, Map.of());

  private static McpSchema.JSONRPCRequest call(String name) {
    return new McpSchema.JSONRPCRequest("2.0", "tools/call", 1, Map.of("name", name, "_meta", META));
  }

  private static HeaderSource headers(String... pairs) {
    Map<String, List<String>> h = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      h.computeIfAbsent(pairs[i].toLowerCase(), k -> new java.util.ArrayList<>()).add(pairs[i + 1]);
    }
    return name -> h.getOrDefault(name.toLowerCase(), List.of());
  }

  @Test
  void theEraIsChosenPerMessage() {
    assertTrue(Era.isModern(call("echo"), null), "modern _meta");
    assertTrue(Era.isModern(new McpSchema.JSONRPCRequest("2.0", "server/discover", 1, null), null));
    McpSchema.JSONRPCRequest plain = new McpSchema.JSONRPCRequest("2.0", "tools/list", 1, Map.of());
    assertFalse(Era.isModern(plain, null), "no _meta, no header: legacy");
    assertFalse(Era.isModern(plain, "2025-11-25"), "a legacy version header: legacy");
    assertTrue(Era.isModern(plain, "2026-07-28"), "a modern version header without _meta: modern (and malformed)");
    assertFalse(Era.isModern(new McpSchema.JSONRPCResponse("2.0", 1, Map.of(), null), "2026-07-28"));
  }

  @Test
  void matchingHeadersPass() {
    assertNull(HeaderChecks.check(call("echo"), headers("MCP-Protocol-Version", "2026-07-28", "Mcp-Method",
        "tools/call", "Mcp-Name", "echo")));
    assertNull(HeaderChecks.check(call("ün"), headers("mcp-protocol-version", "2026-07-28", "MCP-METHOD",
        "tools/call", "mcp-name", "=?base64?w7xu?=")), "names are case-insensitive; Base64 is decoded");
  }

  @Test
  void everyMismatchIsMinus32020() {
    List<HeaderSource> bad = List.of(
        headers("Mcp-Method", "tools/call", "Mcp-Name", "echo"),
        headers("MCP-Protocol-Version", "2026-07-28", "Mcp-Name", "echo"),
        headers("MCP-Protocol-Version", "2026-07-28", "Mcp-Method", "tools/call"),
        headers("MCP-Protocol-Version", "2026-07-28", "Mcp-Method", "tools/list", "Mcp-Name", "echo"),
        headers("MCP-Protocol-Version", "2026-07-28", "Mcp-Method", "tools/call", "Mcp-Name", "Echo"),
        headers("MCP-Protocol-Version", "2025-11-25", "Mcp-Method", "tools/call", "Mcp-Name", "echo"),
        headers("MCP-Protocol-Version", "2026-07-28", "Mcp-Method", "tools/call", "Mcp-Name", "echo", "Mcp-Name",
            "add"),
        headers("MCP-Protocol-Version", "2026-07-28", "Mcp-Method", "tools/call", "Mcp-Name", "ec\u0001ho"),
        headers("MCP-Protocol-Version", "2026-07-28", "Mcp-Method", "tools/call", "Mcp-Name", " echo"),
        headers("MCP-Protocol-Version", "2026-07-28", "Mcp-Method", "tools/call", "Mcp-Name", "=?base64?!!?="));
    for (HeaderSource h : bad) {
      ModernException e = HeaderChecks.check(call("echo"), h);
      assertEquals(Revision.HEADER_MISMATCH, e == null ? 0 : e.code());
      assertEquals(400, e.httpStatus());
    }
  }
}
