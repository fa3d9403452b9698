package dev.toolwarden.it.conformance;

import io.modelcontextprotocol.server.McpServerFeatures.SyncCompletionSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncPromptSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceTemplateSpecification;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.GetPromptResult;
import io.modelcontextprotocol.spec.McpSchema.PromptMessage;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceResult;
import io.modelcontextprotocol.spec.McpSchema.Role;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The conformance suite's resources, resource template, prompts and completions: plain MCP Java SDK
 * specifications, handed to the Toolwarden builder through its escape hatch
 * ({@code .resources(..) .resourceTemplates(..) .prompts(..) .completions(..)}).
 */
final class ConformanceFeatures {

  private ConformanceFeatures() {}

  // ---- resources ---------------------------------------------------------------------------------------

  static SyncResourceSpecification[] resources() {
    return new SyncResourceSpecification[] {
      new SyncResourceSpecification(resource("test://static-text", "static-text", "A static text resource", "text/plain"),
          (exchange, request) -> new ReadResourceResult(List.of(McpSchema.TextResourceContents
              .builder(request.uri(), "This is the content of the static text resource.").mimeType("text/plain").build()))),
      new SyncResourceSpecification(resource("test://static-binary", "static-binary", "A static binary resource (a PNG image)",
          "image/png"),
          (exchange, request) -> new ReadResourceResult(List.of(McpSchema.BlobResourceContents
              .builder(request.uri(), Media.RED_PIXEL_PNG).mimeType("image/png").build()))),
      new SyncResourceSpecification(resource("test://watched-resource", "watched-resource",
          "A resource clients may subscribe to", "text/plain"),
          (exchange, request) -> new ReadResourceResult(List.of(McpSchema.TextResourceContents
              .builder(request.uri(), "Watched resource content").mimeType("text/plain").build()))),
    };
  }

  private static McpSchema.Resource resource(String uri, String name, String description, String mimeType) {
    return McpSchema.Resource.builder().uri(uri).name(name).description(description).mimeType(mimeType).build();
  }

  static final String TEMPLATE = "test://template/{id}/data";
  private static final Pattern TEMPLATE_URI = Pattern.compile("test://template/([^/]+)/data");

  static SyncResourceTemplateSpecification[] resourceTemplates() {
    return new SyncResourceTemplateSpecification[] {
      new SyncResourceTemplateSpecification(McpSchema.ResourceTemplate.builder().uriTemplate(TEMPLATE)
          .name("template-data").description("Data for an id, substituted into the URI").mimeType("application/json")
          .build(),
          (exchange, request) -> {
            Matcher m = TEMPLATE_URI.matcher(request.uri());
            if (!m.matches()) {
              throw McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS).message("no such resource").build();
            }
            String id = m.group(1);
            String text = "{\"id\":\"" + jsonEscape(id) + "\",\"templateTest\":true,\"data\":\"Data for ID: "
                + jsonEscape(id) + "\"}";
            return new ReadResourceResult(List.of(
                McpSchema.TextResourceContents.builder(request.uri(), text).mimeType("application/json").build()));
          }),
    };
  }

  // ---- prompts -------------------------------------------------------------------------------------------

  static SyncPromptSpecification[] prompts() {
    return new SyncPromptSpecification[] {
      new SyncPromptSpecification(new McpSchema.Prompt("test_simple_prompt", "A simple prompt without arguments", List.of()),
          (exchange, request) -> new GetPromptResult(null,
              List.of(userText("This is a simple prompt for testing.")))),
      new SyncPromptSpecification(new McpSchema.Prompt("test_prompt_with_arguments", "A prompt with two required arguments",
          List.of(new McpSchema.PromptArgument("arg1", "First test argument", true),
              new McpSchema.PromptArgument("arg2", "Second test argument", true))),
          (exchange, request) -> new GetPromptResult(null, List.of(userText("Prompt with arguments: arg1='"
              + argument(request, "arg1") + "', arg2='" + argument(request, "arg2") + "'")))),
      new SyncPromptSpecification(new McpSchema.Prompt("test_prompt_with_embedded_resource",
          "A prompt that embeds the resource it is given",
          List.of(new McpSchema.PromptArgument("resourceUri", "URI of the resource to embed", true))),
          (exchange, request) -> new GetPromptResult(null, List.of(
              new PromptMessage(Role.USER, McpSchema.EmbeddedResource.builder(McpSchema.TextResourceContents
                  .builder(argument(request, "resourceUri"), "Embedded resource content for testing.")
                  .mimeType("text/plain").build()).build()),
              userText("Please process the embedded resource above.")))),
      new SyncPromptSpecification(new McpSchema.Prompt("test_prompt_with_image", "A prompt with an image", List.of()),
          (exchange, request) -> new GetPromptResult(null, List.of(
              new PromptMessage(Role.USER, McpSchema.ImageContent.builder(Media.RED_PIXEL_PNG, "image/png").build()),
              userText("Please analyze the image above.")))),
    };
  }

  private static PromptMessage userText(String text) {
    return new PromptMessage(Role.USER, McpSchema.TextContent.builder(text).build());
  }

  private static String argument(McpSchema.GetPromptRequest request, String name) {
    Object value = request.arguments() == null ? null : request.arguments().get(name);
    if (value == null) {
      throw McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS).message("missing required argument: " + name).build();
    }
    return String.valueOf(value);
  }

  // ---- completions ---------------------------------------------------------------------------------------

  private static final Map<String, List<String>> SUGGESTIONS = Map.of(
      "arg1", List.of("paris", "park", "party"),
      "arg2", List.of("hello", "help", "world"),
      "id", List.of("123", "456", "789"));

  static SyncCompletionSpecification[] completions() {
    return new SyncCompletionSpecification[] {
      new SyncCompletionSpecification(new McpSchema.PromptReference("test_prompt_with_arguments"),
          (exchange, request) -> complete(request)),
      new SyncCompletionSpecification(new McpSchema.ResourceReference(TEMPLATE), (exchange, request) -> complete(request)),
    };
  }

  /** The known values for the argument that start with what the user typed so far. */
  private static McpSchema.CompleteResult complete(McpSchema.CompleteRequest request) {
    String prefix = request.argument().value() == null ? "" : request.argument().value();
    List<String> values = SUGGESTIONS.getOrDefault(request.argument().name(), List.of()).stream()
        .filter(v -> v.startsWith(prefix)).toList();
    return new McpSchema.CompleteResult(new McpSchema.CompleteResult.CompleteCompletion(values, values.size(), false));
  }

  private static String jsonEscape(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }
}
