package dev.toolwarden.test;

import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.GetPromptResult;
import java.util.ArrayList;
import java.util.List;

/** The answer to a {@code prompts/get}: the messages, or the JSON-RPC error of a refusal. */
public final class PromptResult extends Reply<GetPromptResult> {

  PromptResult(GetPromptResult result, McpError error) {
    super(result, error);
  }

  /** The prompt's description, or null. */
  public String description() {
    return sdkResult().description();
  }

  /** The messages, in order. */
  public List<McpSchema.PromptMessage> messages() {
    return sdkResult().messages();
  }

  /** The text of each text message, in order (other kinds of content are left out). */
  public List<String> texts() {
    List<String> texts = new ArrayList<>();
    for (McpSchema.PromptMessage m : messages()) {
      if (m.content() instanceof McpSchema.TextContent t) {
        texts.add(t.text());
      }
    }
    return texts;
  }

  /**
   * The text of the only message.
   *
   * @throws AssertionError when there is not exactly one message, or it is not text
   */
  public String text() {
    List<McpSchema.PromptMessage> all = messages();
    if (all.size() != 1 || !(all.get(0).content() instanceof McpSchema.TextContent t)) {
      throw new AssertionError("expected one text message, got " + all);
    }
    return t.text();
  }
}
