package dev.toolwarden.runtime.internal.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwarden.runtime.audit.AuditEvent;
import dev.toolwarden.runtime.audit.AuditOutcome;
import dev.toolwarden.runtime.audit.AuditSink;
import dev.toolwarden.runtime.internal.path.PathGuard;
import dev.toolwarden.runtime.internal.ratelimit.InMemoryRateLimiter;
import dev.toolwarden.runtime.ratelimit.RateLimitDecision;
import dev.toolwarden.runtime.ratelimit.RateLimiterBackend;
import dev.toolwarden.runtime.testtools.PolicyTools;
import dev.toolwarden.runtime.testtools.PolicyToolsBundle;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The rate-limit step where only an in-process handler reaches: a call without a session, a backend that cannot
 * decide. Budgets, refills, principals, global and session keys under contention, through the whole server, are
 * tested with the test kit (toolwarden-test's RateLimitTest: the runtime's tests cannot depend on the kit, which
 * depends on the runtime).
 */
class RateLimitStepTest {

  private final List<AuditEvent> events = new ArrayList<>();
  private final AtomicReference<Caller> caller = new AtomicReference<>(new Caller("alice", Set.of()));

  private ToolCallHandler handler(String tool, RateLimiterBackend backend) {
    CallChain chain = Pipeline.standard(McpJsonDefaults.getMapper(), backend, (AuditSink) events::add);
    var def = new PolicyToolsBundle().tools().stream().filter(d -> d.name().equals(tool)).findFirst().orElseThrow();
    return new ToolCallHandler(def, new PolicyTools(), chain, exchange -> caller.get(), PathGuard.of(Map.of()));
  }

  private static CallToolResult call(ToolCallHandler h) {
    return h.apply(null, McpSchema.CallToolRequest.builder(h.definition().name()).arguments(Map.of()).build());
  }

  private static String text(CallToolResult r) {
    return ((McpSchema.TextContent) r.content().get(0)).text();
  }

  @Test
  void aSessionLimitWithoutASessionFallsBackToThePrincipal() {
    ToolCallHandler h = handler("limited_session", new InMemoryRateLimiter(() -> 5_000_000_000L, 1000));
    assertFalse(call(h).isError());
    assertFalse(call(h).isError());
    assertTrue(call(h).isError());
    caller.set(new Caller("bob", Set.of()));
    assertFalse(call(h).isError());
  }

  @Test
  void anUnavailableBackendRefusesWithARetryMessageAndAnAuditReason() {
    CallToolResult r = call(handler("limited", (key, permits, window) -> RateLimitDecision.unavailable(1000)));
    assertTrue(r.isError());
    assertEquals("Rate limiting is temporarily unavailable for tool 'limited': try again in 1 second.", text(r));
    assertEquals(1L, ((Number) r.meta().get(RateLimitStep.RETRY_AFTER_META)).longValue());
    assertEquals(1, events.size());
    assertEquals(AuditOutcome.RATE_LIMITED, events.get(0).outcome());
    assertTrue(events.get(0).reason().startsWith("rate-limit backend unavailable"), events.get(0).reason());
  }
}
