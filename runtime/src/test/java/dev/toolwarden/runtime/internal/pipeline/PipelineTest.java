package dev.toolwarden.runtime.internal.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwarden.runtime.internal.path.PathGuard;
import dev.toolwarden.runtime.spi.ToolDefinition;
import dev.toolwarden.runtime.spi.ToolOutcome;
import dev.toolwarden.runtime.testtools.EchoTools;
import dev.toolwarden.runtime.testtools.EchoToolsBundle;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PipelineTest {

  private static final McpJsonMapper JSON = McpJsonDefaults.getMapper();
  private final ResultMapper mapper = new ResultMapper(JSON);
  private final EchoTools target = new EchoTools();

  private static String text(CallToolResult r) {
    StringBuilder b = new StringBuilder();
    for (McpSchema.Content c : r.content()) {
      b.append(((McpSchema.TextContent) c).text());
    }
    return b.toString();
  }

  private CallToolResult call(String tool, Map<String, Object> args, Set<String> scopes) {
    ToolDefinition def = new EchoToolsBundle().tools().stream().filter(d -> d.name().equals(tool)).findFirst()
        .orElseThrow();
    ToolCallHandler handler = new ToolCallHandler(def, target, Pipeline.standard(JSON),
        CallerResolver.fixed(new Caller(Caller.ANONYMOUS, scopes)), PathGuard.of(Map.of()));
    return handler.apply(null, new McpSchema.CallToolRequest(tool, args));
  }

  // ---- result mapping -----------------------------------------------------------------------

  @Test
  void textBecomesOneTextContent() {
    CallToolResult r = mapper.map(ToolOutcome.text("hello"));
    assertEquals(List.of(new McpSchema.TextContent("hello")), r.content());
    assertFalse(r.isError());
    assertNull(r.structuredContent());
  }

  @Test
  void structuredBecomesStructuredContentPlusTheSameJsonAsText() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("sum", 3);
    json.put("items", List.of("a", "b"));
    CallToolResult r = mapper.map(ToolOutcome.structured(json));
    assertEquals(json, r.structuredContent());
    assertEquals("{\"sum\":3,\"items\":[\"a\",\"b\"]}", text(r));
    assertFalse(r.isError());
  }

  @Test
  void emptyBecomesAnEmptyContentList() {
    CallToolResult r = mapper.map(ToolOutcome.empty());
    assertTrue(r.content().isEmpty());
    assertFalse(r.isError());
  }

  @Test
  void passthroughKeepsAResultAContentOrAContentList() {
    CallToolResult own = CallToolResult.builder().addTextContent("own").isError(true).build();
    assertSame(own, mapper.map(ToolOutcome.passthrough(own)));
    McpSchema.TextContent one = new McpSchema.TextContent("one");
    assertEquals(List.of(one), mapper.map(ToolOutcome.passthrough(one)).content());
    McpSchema.TextContent two = new McpSchema.TextContent("two");
    assertEquals(List.of(one, two), mapper.map(ToolOutcome.passthrough(List.of(one, two))).content());
  }

  @Test
  void passthroughContentListTravelsThroughThePipelineUnchanged() {
    assertEquals(List.of(new McpSchema.TextContent("one"), new McpSchema.TextContent("two")),
        call("raw_contents", Map.of(), Set.of()).content());
  }

  @Test
  void passthroughOfANonSdkValueIsAnInternalError() throws Exception {
    CallChain chain = CallChain.of(List.of(new ErrorMapping(),
        (call, next) -> mapper.map(ToolOutcome.passthrough("not an SDK value"))));
    ToolDefinition def = new EchoToolsBundle().tools().get(0);
    CallToolResult r = chain.proceed(new ToolCall(def, target, Map.of(), null, null, null));
    assertTrue(r.isError());
    assertTrue(text(r).startsWith("internal error (ref "), text(r));
  }

  // ---- errors -------------------------------------------------------------------------------

  @Test
  void invalidArgumentsListEveryViolationUnderAHeaderLine() {
    CallToolResult r = call("add", Map.of("a", "1", "b", -2, "c", true), Set.of("math:use"));
    assertTrue(r.isError());
    String[] lines = text(r).split("\n");
    assertEquals("Invalid arguments for tool 'add':", lines[0]);
    assertEquals(4, lines.length, text(r));
    assertTrue(text(r).contains("/c: unknown argument [additionalProperties]"), text(r));
    assertTrue(text(r).contains("/a: must be an integer (got \"1\") [type]"), text(r));
    assertTrue(text(r).contains("/b: must be at least 0 (got -2) [minimum]"), text(r));
  }

  @Test
  void unexpectedExceptionIsHiddenBehindAReference() {
    CallToolResult r = call("fail_internal", Map.of(), Set.of());
    assertTrue(r.isError());
    String t = text(r);
    assertTrue(t.matches("internal error \\(ref [0-9a-z]{8}\\)"), t);
    assertFalse(t.contains("secret detail"), t);
    assertFalse(t.contains("IllegalStateException"), t);
  }

  @Test
  void toolExceptionShowsItsMessage() {
    CallToolResult r = call("fail_user", Map.of(), Set.of());
    assertTrue(r.isError());
    assertEquals("the order does not exist", text(r));
  }

  @Test
  void missingScopeIsRefusedBeforeTheToolRuns() {
    CallToolResult r = call("admin_only", Map.of(), Set.of("echo:use"));
    assertTrue(r.isError());
    assertEquals("Forbidden: tool 'admin_only' requires the scope admin, which this caller was not granted", text(r));
    assertEquals("admin", text(call("admin_only", Map.of(), Set.of("admin"))));
  }

  @Test
  void referencesAreRandomAndEightCharactersLong() {
    String a = ErrorMapping.newRef();
    String b = ErrorMapping.newRef();
    assertEquals(8, a.length());
    assertFalse(a.equals(b));
  }

  @Test
  void chainRunsStepsInOrderAndAStepMayAnswerItself() throws Exception {
    StringBuilder order = new StringBuilder();
    CallChain chain = CallChain.of(List.of(
        (call, next) -> {
          order.append('1');
          return next.proceed(call);
        },
        (call, next) -> {
          order.append('2');
          return Results.error("stopped");
        },
        (call, next) -> {
          order.append('3');
          return null;
        }));
    CallToolResult r = chain.proceed(null);
    assertEquals("12", order.toString());
    assertEquals("stopped", text(r));
  }
}
