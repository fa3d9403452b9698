package dev.toolwarden.runtime.internal.pipeline;

/**
 * What kind of MCP request a {@link ToolCall} serves. Tools, resources, prompts and completions all run through the
 * same pipeline (audit, error mapping, scope check, rate limit, invoke); this says how a step words its refusal, which
 * bucket a rate limit draws from, and what the audit trail and telemetry call the request.
 */
public enum Feature {
  /** {@code tools/call}. */
  TOOL("tool", "tools/call", "tool_call"),
  /** {@code resources/read} of a fixed resource or a resource template. */
  RESOURCE("resource", "resources/read", "resource_read"),
  /** {@code prompts/get}. */
  PROMPT("prompt", "prompts/get", "prompt_get"),
  /** {@code completion/complete}. */
  COMPLETION("completion", "completion/complete", "completion");

  private final String label;
  private final String method;
  private final String action;

  Feature(String label, String method, String action) {
    this.label = label;
    this.method = method;
    this.action = action;
  }

  /** How messages name the kind, e.g. {@code prompt 'greet'}. */
  public String label() {
    return label;
  }

  /** The JSON-RPC method. */
  public String method() {
    return method;
  }

  /** The audit trail's {@code action}. */
  public String action() {
    return action;
  }

  /** {@code tool 'name'}, {@code resource 'file:///{+path}'}, …: the subject of a refusal message. */
  public String subject(String name) {
    return label + " '" + name + "'";
  }
}
