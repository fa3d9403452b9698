package dev.toolwarden.it.conformance;

import dev.toolwarden.Elicits;
import dev.toolwarden.McpTool;
import dev.toolwarden.Nullable;
import dev.toolwarden.Waive;
import dev.toolwarden.runtime.ToolContext;
import dev.toolwarden.runtime.ToolException;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.Content;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tools the MCP conformance suite ({@code @modelcontextprotocol/conformance} 0.1.16) calls, written
 * the way a Toolwarden user writes tools: annotated methods, compiled by the processor, talking back to
 * the client only through the injected {@link ToolContext}. Each tool's expected behaviour is the
 * "Server Implementation Requirements" of its scenario in the package.
 */
public final class ConformanceTools {

  /**
   * Why no tool here requires a scope: the conformance suite is an unauthenticated client (the
   * fixture server runs without OAuth, so there is no token to carry scopes), and each scenario
   * expects its tool to be callable as is. Scope enforcement is proven by the OAuth tests instead.
   */
  private static final String NO_SCOPE = "the conformance suite calls every tool without a token (the fixture "
      + "server runs without OAuth): there are no scopes to require";

  /** Returns a fixed text: "This is a simple text response for testing." */
  @Waive(rule = "TW-TOOL-SCOPE", reason = NO_SCOPE)
  @McpTool(name = "test_simple_text", readOnly = true, openWorld = false)
  public String simpleText() {
    return "This is a simple text response for testing.";
  }

  /** Returns a 1x1 red pixel PNG as image content. */
  @Waive(rule = "TW-TOOL-SCOPE", reason = NO_SCOPE)
  @McpTool(name = "test_image_content", readOnly = true, openWorld = false)
  public McpSchema.ImageContent imageContent() {
    return McpSchema.ImageContent.builder(Media.RED_PIXEL_PNG, "image/png").build();
  }

  /** Returns a short silent WAV clip as audio content. */
  @Waive(rule = "TW-TOOL-SCOPE", reason = NO_SCOPE)
  @McpTool(name = "test_audio_content", readOnly = true, openWorld = false)
  public McpSchema.AudioContent audioContent() {
    return McpSchema.AudioContent.builder(Media.SILENCE_WAV, "audio/wav").build();
  }

  /** Returns a text resource (test://embedded-resource) embedded in the result. */
  @Waive(rule = "TW-TOOL-SCOPE", reason = NO_SCOPE)
  @McpTool(name = "test_embedded_resource", readOnly = true, openWorld = false)
  public McpSchema.EmbeddedResource embeddedResource() {
    return McpSchema.EmbeddedResource.builder(McpSchema.TextResourceContents
        .builder("test://embedded-resource", "This is an embedded resource content.").mimeType("text/plain").build())
        .build();
  }

  /** Returns text, an image and an embedded JSON resource in one result. */
  @Waive(rule = "TW-TOOL-SCOPE", reason = NO_SCOPE)
  @McpTool(name = "test_multiple_content_types", readOnly = true, openWorld = false)
  public List<Content> multipleContentTypes() {
    return List.of(
        McpSchema.TextContent.builder("Multiple content types test:").build(),
        McpSchema.ImageContent.builder(Media.RED_PIXEL_PNG, "image/png").build(),
        McpSchema.EmbeddedResource.builder(McpSchema.TextResourceContents
            .builder("test://mixed-content-resource", "{\"test\":\"data\",\"value\":123}")
            .mimeType("application/json").build()).build());
  }

  /** Sends three info log messages, about 50 ms apart, while it runs. */
  @Waive(rule = "TW-TOOL-SCOPE", reason = NO_SCOPE)
  @McpTool(name = "test_tool_with_logging", readOnly = true, openWorld = false)
  public String toolWithLogging(ToolContext context) {
    context.info("Tool execution started");
    pause(50);
    context.info("Tool processing data");
    pause(50);
    context.info("Tool execution completed");
    return "Tool with logging executed successfully";
  }

  /** The name {@code test_streaming_elicitation} asks for. */
  public record UserName(String name) {}

  /**
   * Logs while it runs; {@code server-stateless} (0.2.0) checks that a 2026-07-28 request without
   * {@code _meta.logLevel} gets no {@code notifications/message}.
   */
  @Waive(rule = "TW-TOOL-SCOPE", reason = NO_SCOPE)
  @McpTool(name = "test_logging_tool", readOnly = true, openWorld = false)
  public String loggingTool(ToolContext context) {
    context.info("test_logging_tool ran");
    return "logged";
  }

  /**
   * Needs the client's sampling capability: {@code server-stateless} (0.2.0) calls it without declaring one and
   * expects MissingRequiredClientCapabilityError (-32021, HTTP 400) naming {@code sampling}.
   */
  @Waive(rule = "TW-TOOL-SCOPE", reason = NO_SCOPE)
  @McpTool(name = "test_missing_capability", readOnly = true, openWorld = false)
  public String missingCapability(ToolContext context) {
    McpSchema.CreateMessageResult answer = context.sample(McpSchema.CreateMessageRequest.builder()
        .messages(List.of(new McpSchema.SamplingMessage(McpSchema.Role.USER, new McpSchema.TextContent("Say hello"))))
        .maxTokens(10).build());
    return "the model " + answer.model() + " answered";
  }

  /**
   * Asks the user (typed elicitation): {@code server-stateless} (0.2.0) calls it with the elicitation capability and
   * checks that the response stream carries no server request (2026-07-28 answers {@code input_required}).
   */
  @Waive(rule = "TW-TOOL-SCOPE", reason = NO_SCOPE)
  @McpTool(name = "test_streaming_elicitation", readOnly = true, openWorld = false)
  @Elicits(UserName.class)
  public String streamingElicitation(ToolContext context) {
    return "Hello, " + context.elicit(UserName.class, "What is your name?").value().name() + "!";
  }

  /** Reports progress 0, 50 and 100 of 100, about 50 ms apart, when the client sent a progress token. */
  @Waive(rule = "TW-TOOL-SCOPE", reason = NO_SCOPE)
  @McpTool(name = "test_tool_with_progress", readOnly = true, openWorld = false)
  public String toolWithProgress(ToolContext context) {
    context.progress(0, 100.0, "started");
    pause(50);
    context.progress(50, 100.0, "half way");
    pause(50);
    context.progress(100, 100.0, "done");
    return "Tool with progress executed successfully";
  }

  /** Always fails, with the message "This tool intentionally returns an error for testing". */
  @Waive(rule = "TW-TOOL-SCOPE", reason = NO_SCOPE)
  @McpTool(name = "test_error_handling", readOnly = true, openWorld = false)
  public String errorHandling() {
    throw new ToolException("This tool intentionally returns an error for testing");
  }

  /**
   * Asks the client's language model to answer the prompt (sampling) and returns its answer.
   *
   * @param prompt the prompt to send to the language model
   */
  @Waive(rule = "TW-TOOL-SCOPE", reason = NO_SCOPE)
  @McpTool(name = "test_sampling", readOnly = true)
  public String sampling(String prompt, ToolContext context) {
    if (!context.canSample()) {
      throw new ToolException("the client does not support sampling");
    }
    McpSchema.CreateMessageResult answer = context.sample(McpSchema.CreateMessageRequest.builder(
        List.of(McpSchema.SamplingMessage.builder(McpSchema.Role.USER, McpSchema.TextContent.builder(prompt).build())
            .build()), 100).build());
    String text = answer.content() instanceof McpSchema.TextContent t ? t.text() : String.valueOf(answer.content());
    return "LLM response: " + text;
  }

  /**
   * Asks the user, through the client, for a user name and an e-mail address (elicitation).
   *
   * @param message the message to show the user
   */
  @Waive(rule = "TW-TOOL-SCOPE", reason = NO_SCOPE)
  @McpTool(name = "test_elicitation", readOnly = true)
  public String elicitation(String message, ToolContext context) {
    Map<String, Object> schema = objectSchema(
        Map.of("username", Map.of("type", "string", "description", "User's response"),
            "email", Map.of("type", "string", "description", "User's email address")),
        List.of("username", "email"));
    McpSchema.ElicitResult answer = elicit(context, message, schema);
    return "User response: action=" + action(answer) + ", content=" + json(answer.content());
  }

  /** Elicits a form whose string, integer, number, enum and boolean fields all carry default values (SEP-1034). */
  @Waive(rule = "TW-TOOL-SCOPE", reason = NO_SCOPE)
  @McpTool(name = "test_elicitation_sep1034_defaults", readOnly = true)
  public String elicitationDefaults(ToolContext context) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("name", Map.of("type", "string", "description", "User name", "default", "John Doe"));
    properties.put("age", Map.of("type", "integer", "description", "User age", "default", 30));
    properties.put("score", Map.of("type", "number", "description", "User score", "default", 95.5));
    properties.put("status", Map.of("type", "string", "description", "User status",
        "enum", List.of("active", "inactive", "pending"), "default", "active"));
    properties.put("verified", Map.of("type", "boolean", "description", "Verification status", "default", true));
    McpSchema.ElicitResult answer = elicit(context, "Please review and update the form fields with defaults",
        objectSchema(properties, List.of()));
    return "Elicitation completed: action=" + action(answer) + ", content=" + json(answer.content());
  }

  /** Elicits a form with the five enum shapes of SEP-1330: untitled, titled and legacy single-select, untitled and titled multi-select. */
  @Waive(rule = "TW-TOOL-SCOPE", reason = NO_SCOPE)
  @McpTool(name = "test_elicitation_sep1330_enums", readOnly = true)
  public String elicitationEnums(ToolContext context) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("untitledSingle", Map.of("type", "string", "description", "Untitled single-select",
        "enum", List.of("option1", "option2", "option3")));
    properties.put("titledSingle", Map.of("type", "string", "description", "Titled single-select",
        "oneOf", List.of(titled("value1", "First Option"), titled("value2", "Second Option"),
            titled("value3", "Third Option"))));
    properties.put("legacyEnum", Map.of("type", "string", "description", "Legacy titled enum",
        "enum", List.of("opt1", "opt2", "opt3"), "enumNames", List.of("Option One", "Option Two", "Option Three")));
    properties.put("untitledMulti", Map.of("type", "array", "description", "Untitled multi-select",
        "items", Map.of("type", "string", "enum", List.of("option1", "option2", "option3"))));
    properties.put("titledMulti", Map.of("type", "array", "description", "Titled multi-select",
        "items", Map.of("anyOf", List.of(titled("value1", "First Choice"), titled("value2", "Second Choice"),
            titled("value3", "Third Choice")))));
    McpSchema.ElicitResult answer = elicit(context, "Please select options from the enum fields",
        objectSchema(properties, List.of()));
    return "Elicitation completed: action=" + action(answer) + ", content=" + json(answer.content());
  }

  // ---- pending scenarios (tried and reported, not required) -----------------------------------------

  /** A postal address. */
  public record Address(@Nullable String street, @Nullable String city) {}

  /**
   * Tool with JSON Schema 2020-12 features: its input schema, generated by the processor, has a
   * {@code $defs} entry for the address record (scenario json-schema-2020-12, pending).
   *
   * @param name a name
   * @param address an address
   */
  @Waive(rule = "TW-TOOL-SCOPE", reason = NO_SCOPE)
  @McpTool(name = "json_schema_2020_12_tool", readOnly = true, openWorld = false)
  public String jsonSchema202012(@Nullable String name, @Nullable Address address) {
    return "name=" + name + ", address=" + address;
  }

  /**
   * The SSE polling scenario's tool (server-sse-polling, pending). It should close the SSE stream of its
   * own request before it answers, so that the client resumes with Last-Event-ID; a Toolwarden tool has no
   * way to do that, so it answers on the open stream.
   */
  @Waive(rule = "TW-TOOL-SCOPE", reason = NO_SCOPE)
  @McpTool(name = "test_reconnection", readOnly = true, openWorld = false)
  public String reconnection() {
    pause(100);
    return "Reconnection test completed (the response was sent on the original stream)";
  }

  // ---- helpers ---------------------------------------------------------------------------------------

  private static McpSchema.ElicitResult elicit(ToolContext context, String message, Map<String, Object> schema) {
    if (!context.canElicit()) {
      throw new ToolException("the client does not support elicitation");
    }
    return context.elicit(McpSchema.ElicitRequest.builder(message, schema).build());
  }

  private static Map<String, Object> objectSchema(Map<String, Object> properties, List<String> required) {
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("type", "object");
    schema.put("properties", properties);
    if (!required.isEmpty()) {
      schema.put("required", required);
    }
    return schema;
  }

  private static Map<String, Object> titled(String value, String title) {
    return Map.of("const", value, "title", title);
  }

  private static String action(McpSchema.ElicitResult result) {
    return result.action() == null ? "null" : result.action().name().toLowerCase(java.util.Locale.ROOT);
  }

  private static String json(Object value) {
    try {
      return McpJsonDefaults.getMapper().writeValueAsString(value == null ? Map.of() : value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ToolException("interrupted");
    }
  }
}
