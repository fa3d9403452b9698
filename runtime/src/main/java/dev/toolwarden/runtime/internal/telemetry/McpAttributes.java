package dev.toolwarden.runtime.internal.telemetry;

import io.opentelemetry.api.common.AttributeKey;

/**
 * The attribute keys Toolwarden's spans and metrics use: those of the OpenTelemetry semantic conventions for MCP
 * ({@code docs/gen-ai/mcp.md}, status Development) and a few {@code toolwarden.*} ones for the policy decisions the
 * conventions do not name. Kept here, not taken from the incubating semconv artifact, so that the runtime needs
 * nothing but {@code opentelemetry-api}.
 */
public final class McpAttributes {

  /** The JSON-RPC method, e.g. {@code tools/call}. */
  public static final AttributeKey<String> METHOD = AttributeKey.stringKey("mcp.method.name");
  /** The tool called. */
  public static final AttributeKey<String> TOOL = AttributeKey.stringKey("gen_ai.tool.name");
  /** The prompt fetched. */
  public static final AttributeKey<String> PROMPT = AttributeKey.stringKey("gen_ai.prompt.name");
  /** The resource read (spans only: unbounded). */
  public static final AttributeKey<String> RESOURCE_URI = AttributeKey.stringKey("mcp.resource.uri");
  /** {@code execute_tool} on tool calls. */
  public static final AttributeKey<String> OPERATION = AttributeKey.stringKey("gen_ai.operation.name");
  /** The JSON-RPC request id, as text. */
  public static final AttributeKey<String> REQUEST_ID = AttributeKey.stringKey("jsonrpc.request.id");
  /** The MCP protocol version the client sent ({@code MCP-Protocol-Version}). */
  public static final AttributeKey<String> PROTOCOL_VERSION = AttributeKey.stringKey("mcp.protocol.version");
  /** The MCP session, hashed as the audit trail hashes it. */
  public static final AttributeKey<String> SESSION = AttributeKey.stringKey("mcp.session.id");
  /** {@code tcp} (HTTP) or {@code pipe} (stdio). */
  public static final AttributeKey<String> NETWORK_TRANSPORT = AttributeKey.stringKey("network.transport");
  /** {@code http} for a Streamable HTTP session (the session histogram). */
  public static final AttributeKey<String> NETWORK_PROTOCOL_NAME = AttributeKey.stringKey("network.protocol.name");
  /** {@code tool_error} for an {@code isError} result, as the conventions ask. */
  public static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
  /** The opt-in redacted arguments, as JSON. */
  public static final AttributeKey<String> ARGUMENTS = AttributeKey.stringKey("gen_ai.tool.call.arguments");
  /** The audit trail's outcome, e.g. {@code ok}, {@code scope_denied}. */
  public static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("toolwarden.outcome");
  /** A refusal's reason code: the audit outcome of the refusal, e.g. {@code rate_limited}. */
  public static final AttributeKey<String> REASON = AttributeKey.stringKey("toolwarden.reason");
  /** The audit trail's reason text of a refusal or failure (scrubbed, never an argument value). */
  public static final AttributeKey<String> REASON_DETAIL = AttributeKey.stringKey("toolwarden.reason.detail");
  /** The internal-error reference the caller saw. */
  public static final AttributeKey<String> ERROR_REF = AttributeKey.stringKey("toolwarden.error.ref");
  /** The cause of an authentication failure, e.g. {@code invalid_token}. */
  public static final AttributeKey<String> AUTH_CAUSE = AttributeKey.stringKey("toolwarden.auth.cause");

  /** The value of {@link #ERROR_TYPE} for a call answered with {@code isError: true}. */
  public static final String TOOL_ERROR = "tool_error";

  private McpAttributes() {}
}
