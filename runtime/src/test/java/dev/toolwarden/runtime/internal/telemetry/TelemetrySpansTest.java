package dev.toolwarden.runtime.internal.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwarden.runtime.audit.AuditEvent;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spans of the real pipeline, exported by the OpenTelemetry SDK to memory. */
class TelemetrySpansTest {

  private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String PARENT_ID = "00f067aa0ba902b7";

  @TempDir
  Path root;

  @Test
  void aToolCallIsOneServerSpanNamedAndAttributedPerTheMcpConventions() {
    TelemetryHarness h = new TelemetryHarness(root, false);
    h.call("pay", Map.of("card", "4111111111111111", "note", "lunch", "mode", "ok"));

    SpanData span = h.lastServerSpan();
    assertEquals(1, h.finishedSpans().size());
    assertEquals("tools/call pay", span.getName());
    assertEquals(SpanKind.SERVER, span.getKind());
    assertEquals("tools/call", span.getAttributes().get(McpAttributes.METHOD));
    assertEquals("pay", span.getAttributes().get(McpAttributes.TOOL));
    assertEquals("execute_tool", span.getAttributes().get(McpAttributes.OPERATION));
    assertEquals("ok", span.getAttributes().get(McpAttributes.OUTCOME));
    assertNull(span.getAttributes().get(McpAttributes.ERROR_TYPE));
    assertNull(span.getAttributes().get(McpAttributes.ARGUMENTS), "no argument values by default");
    assertEquals(StatusCode.UNSET, span.getStatus().getStatusCode());
    assertTrue(span.getEvents().isEmpty());
    assertFalse(span.getParentSpanContext().isValid(), "no incoming context: a root span");
  }

  @Test
  void aTraceparentInMetaBecomesTheParentAndTheToolsOwnSpanTheChild() {
    TelemetryHarness h = new TelemetryHarness(root, false);
    h.call(TelemetryHarness.TRACED, Map.of(),
        Map.of("traceparent", "00-" + TRACE_ID + "-" + PARENT_ID + "-01", "tracestate", "rojo=00f067aa0ba902b7"));

    SpanData server = h.lastServerSpan();
    assertEquals(TRACE_ID, server.getTraceId());
    assertEquals(PARENT_ID, server.getParentSpanId());
    assertTrue(server.getParentSpanContext().isRemote());
    assertEquals("00f067aa0ba902b7", server.getSpanContext().getTraceState().get("rojo"));
    SpanData child = h.finishedSpans().stream().filter(s -> s.getName().equals("SELECT orders")).findFirst().orElseThrow();
    assertEquals(TRACE_ID, child.getTraceId());
    assertEquals(server.getSpanId(), child.getParentSpanId(), "the tool's span is a child of the call's span");
  }

  @Test
  void aMalformedTraceparentIsIgnored() {
    TelemetryHarness h = new TelemetryHarness(root, false);
    h.call(TelemetryHarness.TRACED, Map.of(), Map.of("traceparent", "00-zz-not-a-trace-context"));
    assertFalse(h.lastServerSpan().getParentSpanContext().isValid());
  }

  @Test
  void eachRefusalKindSetsErrorStatusAndAnEventWithTheAuditTrailsReasonCode() throws Exception {
    TelemetryHarness h = new TelemetryHarness(root, false);
    Files.writeString(root.resolve("a.txt"), "text");
    h.call("admin", Map.of());
    assertRefused(h, "scope_denied");
    for (int i = 0; i < 3; i++) {
      h.call("limited", Map.of());
    }
    h.call("limited", Map.of());
    assertRefused(h, "rate_limited");
    h.call("pay", Map.of("card", "12", "note", "x", "mode", "ok"));
    assertRefused(h, "validation_rejected");
    h.call("read", Map.of("path", "../outside.txt"));
    assertRefused(h, "path_rejected");
  }

  private static void assertRefused(TelemetryHarness h, String code) {
    SpanData span = h.lastServerSpan();
    AuditEvent audit = h.events.get(h.events.size() - 1);
    assertEquals(code, audit.outcome().wireName());
    assertEquals(StatusCode.ERROR, span.getStatus().getStatusCode());
    assertEquals(code, span.getStatus().getDescription());
    assertEquals(code, span.getAttributes().get(McpAttributes.OUTCOME));
    assertEquals(McpAttributes.TOOL_ERROR, span.getAttributes().get(McpAttributes.ERROR_TYPE));
    List<EventData> events = span.getEvents();
    assertEquals(1, events.size());
    assertEquals("toolwarden.policy.refused", events.get(0).getName());
    assertEquals(code, events.get(0).getAttributes().get(McpAttributes.REASON));
    assertEquals(audit.reason(), events.get(0).getAttributes().get(McpAttributes.REASON_DETAIL));
  }

  @Test
  void aFailingToolIsAnErrorWithTheReferenceTheCallerSaw() {
    TelemetryHarness h = new TelemetryHarness(root, false);
    h.call("pay", Map.of("card", "4111111111111111", "note", "n", "mode", "internal"));
    SpanData span = h.lastServerSpan();
    AuditEvent audit = h.events.get(0);
    assertEquals("error", span.getStatus().getDescription());
    EventData event = span.getEvents().get(0);
    assertEquals("toolwarden.call.failed", event.getName());
    assertEquals(audit.ref(), event.getAttributes().get(AttributeKey.stringKey("toolwarden.error.ref")));
    assertEquals(audit.reason(), event.getAttributes().get(McpAttributes.REASON_DETAIL));
  }

  @Test
  void recordedArgumentsHaveRedactedValuesMasked() throws Exception {
    TelemetryHarness h = new TelemetryHarness(root, true);
    h.call("pay", Map.of("card", "4111111111111111", "note", "lunch", "mode", "ok"));
    String args = h.lastServerSpan().getAttributes().get(McpAttributes.ARGUMENTS);
    assertEquals(TelemetryHarness.JSON.writeValueAsString(h.events.get(0).arguments()), args,
        "the audit trail's redacted arguments");
    assertTrue(args.contains("\"note\":\"lunch\"") && args.contains("\"card\":\"****\""), args);
  }

  @Test
  void withoutAnSdkNothingIsRecordedAndCallsWork() {
    Telemetry noop = Telemetry.noop();
    CallSpan span = noop.startToolCall("pay", Map.of("traceparent", "00-" + TRACE_ID + "-" + PARENT_ID + "-01"), null,
        "session-1");
    span.end(dev.toolwarden.runtime.audit.AuditOutcome.OK, null, null, () -> {
      throw new AssertionError("arguments are not read when nothing records");
    }, () -> {
      throw new AssertionError("secrets are not read when nothing records");
    }, false);
  }
}
