package dev.toolwarden.runtime.internal.pipeline;

import dev.toolwarden.runtime.ToolContext;
import dev.toolwarden.runtime.spi.Invocation;
import dev.toolwarden.runtime.spi.ToolDefinition;
import java.util.Map;

/**
 * One {@code tools/call} (or {@code resources/read}, {@code prompts/get}, {@code completion/complete}: see
 * {@link Feature}) as it travels through the pipeline.
 *
 * @param tool the tool's generated definition
 * @param target the bound instance the tool is invoked on
 * @param arguments the client's arguments (never {@code null})
 * @param caller who calls
 * @param context what the tool may see of the call (injected into the method)
 * @param invocation what generated code asks of the runtime
 * @param record what the steps decided, for the audit trail
 * @param feature what kind of request this is; for anything but {@link Feature#TOOL} {@code tool} is a definition the
 *     runtime made for the resource, prompt or completion (its name, policy and an invoker running it)
 */
public record ToolCall(
    ToolDefinition tool,
    Object target,
    Map<String, Object> arguments,
    Caller caller,
    ToolContext context,
    Invocation invocation,
    CallRecord record,
    Feature feature) {

  public ToolCall {
    if (record == null) {
      record = CallRecord.plain(arguments);
    }
    if (feature == null) {
      feature = Feature.TOOL;
    }
  }

  /** A {@code tools/call}. */
  public ToolCall(ToolDefinition tool, Object target, Map<String, Object> arguments, Caller caller,
      ToolContext context, Invocation invocation, CallRecord record) {
    this(tool, target, arguments, caller, context, invocation, record, Feature.TOOL);
  }

  /** How refusals name what was called: {@code tool 'name'}, {@code prompt 'name'}, … */
  public String subject() {
    return feature.subject(tool.name());
  }

  /** A call without client details or redactions (tests, benchmarks). */
  public ToolCall(ToolDefinition tool, Object target, Map<String, Object> arguments, Caller caller,
      ToolContext context, Invocation invocation) {
    this(tool, target, arguments, caller, context, invocation, null, Feature.TOOL);
  }
}
