package dev.toolwarden.runtime.internal.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.spec.McpSchema;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The SDK features Toolwarden passes through get a server span too: resources/read and prompts/get. */
class TracedFeaturesTest {

  private final TelemetryHarness h = new TelemetryHarness(null, false);

  @Test
  void aResourceReadIsASpanWithTheUriScrubbedOfTokenShapes() {
    var spec = new McpServerFeatures.SyncResourceSpecification(McpSchema.Resource.builder("file:///notes", "notes").build(),
        (exchange, request) -> McpSchema.ReadResourceResult.builder(List.of()).build());
    var traced = TracedFeatures.resources(List.of(spec), h.telemetry).get(0);
    traced.readHandler().apply(null,
        McpSchema.ReadResourceRequest.builder("file:///notes?access_token=abcdef123456").build());

    SpanData span = h.lastServerSpan();
    assertEquals("resources/read", span.getName(), "a URI is not a low-cardinality span name");
    assertEquals(SpanKind.SERVER, span.getKind());
    assertEquals("resources/read", span.getAttributes().get(McpAttributes.METHOD));
    assertEquals("file:///notes?access_token=****", span.getAttributes().get(McpAttributes.RESOURCE_URI));
    assertEquals("ok", span.getAttributes().get(McpAttributes.OUTCOME));
  }

  @Test
  void aPromptGetIsNamedByThePromptAndAFailingHandlerIsAnError() {
    var spec = new McpServerFeatures.SyncPromptSpecification(McpSchema.Prompt.builder("summarize").build(),
        (exchange, request) -> {
          throw new IllegalStateException("template missing");
        });
    var traced = TracedFeatures.prompts(List.of(spec), h.telemetry).get(0);
    assertThrows(IllegalStateException.class,
        () -> traced.promptHandler().apply(null, McpSchema.GetPromptRequest.builder("summarize").build()));

    SpanData span = h.lastServerSpan();
    assertEquals("prompts/get summarize", span.getName());
    assertEquals("summarize", span.getAttributes().get(McpAttributes.PROMPT));
    assertEquals(StatusCode.ERROR, span.getStatus().getStatusCode());
    assertEquals("error", span.getAttributes().get(McpAttributes.OUTCOME));
    assertEquals(1, TelemetryHarness.counter(h.collect(), "toolwarden.calls",
        Map.of("mcp.method.name", "prompts/get", "gen_ai.prompt.name", "summarize", "toolwarden.outcome", "error")));
  }
}
