package dev.toolwarden.runtime.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwarden.runtime.RunningServer;
import dev.toolwarden.runtime.Toolwarden;
import dev.toolwarden.runtime.testtools.AskingTools;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The same typed elicitation under 2025-11-25, with the SDK's client: {@code ctx.elicit(Confirmation.class, ..)} sends
 * the classic {@code elicitation/create} server request with the generated form schema, blocks for the answer and
 * binds it into the record — the tool's code is the one the 2026-07-28 test runs.
 */
class LegacyElicitationTest {

  private static RunningServer server;

  @BeforeAll
  static void start() {
    server = Toolwarden.server("asking-legacy", "1.0.0").tools(new AskingTools()).grantScopes("files:write")
        .http(HttpOptions.loopback(0));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static McpSyncClient client(Function<McpSchema.ElicitFormRequest, McpSchema.ElicitResult> answers) {
    return McpClient.sync(HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + server.port())
            .endpoint("/mcp").build())
        .requestTimeout(Duration.ofSeconds(30))
        .capabilities(McpSchema.ClientCapabilities.builder().elicitation().build())
        .elicitation(answers)
        .build();
  }

  @Test
  @SuppressWarnings("unchecked")
  void theToolAsksWithTheClassicServerRequestAndGetsTheTypedRecord() {
    List<McpSchema.ElicitFormRequest> asked = new CopyOnWriteArrayList<>();
    int before = AskingTools.DELETIONS.get();
    try (McpSyncClient client = client(request -> {
      asked.add(request);
      return new McpSchema.ElicitResult(McpSchema.ElicitResult.Action.ACCEPT,
          request.message().startsWith("How many") ? Map.of("copies", 1)
          : Map.of("confirm", true, "reason", "legacy"));
    })) {
      client.initialize();
      McpSchema.CallToolResult r = client.callTool(new McpSchema.CallToolRequest("delete_files", Map.of("count", 4)));
      assertEquals("deleted 4 (legacy) for anonymous", ((McpSchema.TextContent) r.content().get(0)).text());
      assertEquals(before + 1, AskingTools.DELETIONS.get());
      assertEquals(1, asked.size());
      McpSchema.ElicitFormRequest form = asked.get(0);
      assertEquals("Delete 4 files?", form.message());
      assertEquals(List.of("confirm", "reason"), form.requestedSchema().get("required"));
      assertTrue(((Map<String, Object>) form.requestedSchema().get("properties")).containsKey("reason"));

      McpSchema.CallToolResult two = client.callTool(new McpSchema.CallToolRequest("two_questions", Map.of()));
      assertEquals("print=true copies=1", ((McpSchema.TextContent) two.content().get(0)).text(), two.toString());
    }
  }

  @Test
  void theSameInputRequestsAreClassicServerRequestsOneAfterTheOther() {
    List<String> order = new CopyOnWriteArrayList<>();
    try (McpSyncClient client = McpClient.sync(HttpClientStreamableHttpTransport.builder("http://127.0.0.1:"
            + server.port()).endpoint("/mcp").build())
        .requestTimeout(Duration.ofSeconds(30))
        .capabilities(McpSchema.ClientCapabilities.builder().elicitation().sampling().roots(true).build())
        .roots(new McpSchema.Root("file:///test/root", "Test Root"))
        .elicitation(request -> {
          order.add("elicitation:" + request.message());
          return new McpSchema.ElicitResult(McpSchema.ElicitResult.Action.ACCEPT,
              Map.of("confirm", true, "reason", "legacy"));
        })
        .sampling(request -> {
          order.add("sampling");
          return McpSchema.CreateMessageResult.builder().role(McpSchema.Role.ASSISTANT)
              .content(new McpSchema.TextContent("Hello there!")).model("test-model").build();
        })
        .build()) {
      client.initialize();
      assertEquals("confirm=true greeting=Hello there! roots=file:///test/root",
          text(client.callTool(new McpSchema.CallToolRequest("gather", Map.of()))));
      assertEquals(List.of("elicitation:Proceed?", "sampling"), order, "in the order the tool asked them");
      assertEquals("reason=legacy", text(client.callTool(new McpSchema.CallToolRequest("keyed_question", Map.of()))));
      assertEquals("roots=file:///test/root",
          text(client.callTool(new McpSchema.CallToolRequest("list_roots", Map.of()))));
      assertEquals("test-model: Hello there!",
          text(client.callTool(new McpSchema.CallToolRequest("summarise", Map.of()))));
      McpSchema.GetPromptResult prompt = client.getPrompt(new McpSchema.GetPromptRequest("asking_prompt", Map.of()));
      assertEquals("Use this context: legacy",
          ((McpSchema.TextContent) prompt.messages().get(0).content()).text(), "a prompt asks with the classic request");
    }
  }

  private static String text(McpSchema.CallToolResult r) {
    return ((McpSchema.TextContent) r.content().get(0)).text();
  }

  @Test
  void anAnswerThatBreaksTheFormIsAToolErrorInThisEraToo() {
    try (McpSyncClient client = client(request -> new McpSchema.ElicitResult(McpSchema.ElicitResult.Action.ACCEPT,
        Map.of("confirm", "yes", "reason", "much too long a reason to give")))) {
      client.initialize();
      McpSchema.CallToolResult r = client.callTool(new McpSchema.CallToolRequest("delete_files", Map.of("count", 1)));
      assertEquals(Boolean.TRUE, r.isError());
      String text = ((McpSchema.TextContent) r.content().get(0)).text();
      assertTrue(text.startsWith("The answer to the form broke its constraints:") && text.contains("/reason"), text);
    }
  }
}
