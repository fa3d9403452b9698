package dev.toolwarden.runtime.testtools;

import dev.toolwarden.runtime.ToolContext;
import dev.toolwarden.runtime.ToolException;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;

/** A user's tool class, as written by hand; its bundle below is what the processor would generate. */
public final class EchoTools {

  public String echo(String text) {
    return text;
  }

  public int add(int a, int b) {
    return a + b;
  }

  public void nothing() {}

  public McpSchema.CallToolResult rawResult() {
    return McpSchema.CallToolResult.builder().addTextContent("raw").isError(false).build();
  }

  public List<McpSchema.Content> rawContents() {
    return List.of(new McpSchema.TextContent("one"), new McpSchema.TextContent("two"));
  }

  public String failInternal() {
    throw new IllegalStateException("secret detail");
  }

  public String failUser() {
    throw new ToolException("the order does not exist");
  }

  public String adminOnly() {
    return "admin";
  }

  public String strayPrint(ToolContext context) {
    System.out.println("STRAY OUTPUT FROM TOOL CODE");
    return "printed by " + context.principal() + " in " + context.toolName();
  }

  public String report(ToolContext context) {
    context.progress(1, 2.0, "half way");
    context.info("working on it");
    context.progress(2, 2.0, "done");
    return "reported; canSample=" + context.canSample() + " canElicit=" + context.canElicit()
        + " session=" + (context.sessionId() != null);
  }

  public String ask(ToolContext context) {
    McpSchema.CreateMessageResult r = context.sample(McpSchema.CreateMessageRequest.builder()
        .messages(List.of(new McpSchema.SamplingMessage(McpSchema.Role.USER, new McpSchema.TextContent("hi"))))
        .maxTokens(10).build());
    return "the model said: " + ((McpSchema.TextContent) r.content()).text();
  }
}
