package dev.toolwarden.processor.model;

/** Qualified names the processor recognises, kept as strings: it never loads these classes. */
public final class Names {
  public static final String MCP_TOOL = "dev.toolwarden.McpTool";
  public static final String MCP_RESOURCE = "dev.toolwarden.McpResource";
  public static final String MCP_RESOURCE_TEMPLATE = "dev.toolwarden.McpResourceTemplate";
  public static final String MCP_PROMPT = "dev.toolwarden.McpPrompt";
  public static final String MCP_COMPLETE = "dev.toolwarden.McpComplete";
  public static final String ELICITS = "dev.toolwarden.Elicits";
  public static final String REQUIRES_SCOPE = "dev.toolwarden.RequiresScope";
  public static final String SAFE_PATH = "dev.toolwarden.SafePath";
  public static final String SAFE_URL = "dev.toolwarden.SafeUrl";
  public static final String RATE_LIMIT = "dev.toolwarden.RateLimit";
  public static final String REDACT = "dev.toolwarden.Redact";
  public static final String TOOL_PARAM = "dev.toolwarden.ToolParam";
  public static final String WAIVE = "dev.toolwarden.Waive";
  public static final String WAIVE_LIST = "dev.toolwarden.Waive.List";
  public static final String TOOL_CONTEXT = "dev.toolwarden.runtime.ToolContext";
  public static final String MCP_SCHEMA = "io.modelcontextprotocol.spec.McpSchema";
  public static final String CALL_TOOL_RESULT = MCP_SCHEMA + ".CallToolResult";
  public static final String CONTENT = MCP_SCHEMA + ".Content";
  public static final String READ_RESOURCE_RESULT = MCP_SCHEMA + ".ReadResourceResult";
  public static final String RESOURCE_CONTENTS = MCP_SCHEMA + ".ResourceContents";
  public static final String GET_PROMPT_RESULT = MCP_SCHEMA + ".GetPromptResult";
  public static final String PROMPT_MESSAGE = MCP_SCHEMA + ".PromptMessage";
  /** The marker for "no default" in {@code @ToolParam}, as the annotation defines it. */
  public static final String NO_DEFAULT = "\u0000toolwarden:no-default";

  private Names() {}
}
