package dev.toolwarden.it.conformance;

import dev.toolwarden.McpComplete;
import dev.toolwarden.McpPrompt;
import dev.toolwarden.McpResource;
import dev.toolwarden.McpResourceTemplate;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.PromptMessage;
import io.modelcontextprotocol.spec.McpSchema.Role;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The conformance suite's resources, resource template, prompts and completions, written the way a Toolwarden user
 * writes them: annotated methods compiled by the processor and served through the same pipeline as the tools (no SDK
 * passthrough). No scope is required, for the reason {@link ConformanceTools} gives: the suite has no token.
 */
public final class ConformanceFeatures {

  /** The suite's resource template: data for an id. */
  static final String TEMPLATE = "test://template/{id}/data";

  // ---- resources ---------------------------------------------------------------------------------------

  /** A static text resource. */
  @McpResource(uri = "test://static-text", name = "static-text", mimeType = "text/plain")
  public String staticText() {
    return "This is the content of the static text resource.";
  }

  /** A static binary resource (a PNG image). */
  @McpResource(uri = "test://static-binary", name = "static-binary", mimeType = "image/png")
  public byte[] staticBinary() {
    return Base64.getDecoder().decode(Media.RED_PIXEL_PNG);
  }

  /** A resource clients may subscribe to. */
  @McpResource(uri = "test://watched-resource", name = "watched-resource", mimeType = "text/plain")
  public String watched() {
    return "Watched resource content";
  }

  /** What the template serves for an id: JSON text. */
  public record TemplateData(String id, boolean templateTest, String data) {}

  /**
   * Data for an id, substituted into the URI.
   *
   * @param id the id in the URI
   */
  @McpResourceTemplate(uriTemplate = TEMPLATE, name = "template-data", mimeType = "application/json")
  public TemplateData templateData(String id) {
    return new TemplateData(id, true, "Data for ID: " + id);
  }

  // ---- prompts -------------------------------------------------------------------------------------------

  /** A simple prompt without arguments. */
  @McpPrompt(name = "test_simple_prompt")
  public String simplePrompt() {
    return "This is a simple prompt for testing.";
  }

  /**
   * A prompt with two required arguments.
   *
   * @param arg1 First test argument
   * @param arg2 Second test argument
   */
  @McpPrompt(name = "test_prompt_with_arguments")
  public String promptWithArguments(String arg1, String arg2) {
    return "Prompt with arguments: arg1='" + arg1 + "', arg2='" + arg2 + "'";
  }

  /**
   * A prompt that embeds the resource it is given.
   *
   * @param resourceUri URI of the resource to embed
   */
  @McpPrompt(name = "test_prompt_with_embedded_resource")
  public List<PromptMessage> promptWithEmbeddedResource(String resourceUri) {
    return List.of(
        new PromptMessage(Role.USER, McpSchema.EmbeddedResource.builder(McpSchema.TextResourceContents
            .builder(resourceUri, "Embedded resource content for testing.").mimeType("text/plain").build()).build()),
        userText("Please process the embedded resource above."));
  }

  /** A prompt with an image. */
  @McpPrompt(name = "test_prompt_with_image")
  public List<PromptMessage> promptWithImage() {
    return List.of(
        new PromptMessage(Role.USER, McpSchema.ImageContent.builder(Media.RED_PIXEL_PNG, "image/png").build()),
        userText("Please analyze the image above."));
  }

  private static PromptMessage userText(String text) {
    return new PromptMessage(Role.USER, McpSchema.TextContent.builder(text).build());
  }

  // ---- completions ---------------------------------------------------------------------------------------

  private static final Map<String, List<String>> SUGGESTIONS = Map.of(
      "arg1", List.of("paris", "park", "party"),
      "arg2", List.of("hello", "help", "world"),
      "id", List.of("123", "456", "789"));

  /** Values of arg1 that start with what the user typed. */
  @McpComplete(prompt = "test_prompt_with_arguments", argument = "arg1")
  public List<String> completeArg1(String value) {
    return startingWith("arg1", value);
  }

  /** Values of arg2 that start with what the user typed. */
  @McpComplete(prompt = "test_prompt_with_arguments", argument = "arg2")
  public List<String> completeArg2(String value) {
    return startingWith("arg2", value);
  }

  /** Ids that start with what the user typed. */
  @McpComplete(resourceTemplate = TEMPLATE, variable = "id")
  public List<String> completeId(String value) {
    return startingWith("id", value);
  }

  private static List<String> startingWith(String argument, String prefix) {
    return SUGGESTIONS.get(argument).stream().filter(v -> v.startsWith(prefix)).toList();
  }
}
