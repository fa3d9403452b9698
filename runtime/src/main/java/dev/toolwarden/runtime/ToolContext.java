package dev.toolwarden.runtime;

import io.modelcontextprotocol.spec.McpSchema;
import java.util.Set;

/**
 * Injected into a tool method that declares a parameter of this type; never part of the
 * tool's schema. Gives the tool what it may know about the call and lets it talk back to
 * the client. It never hands out the caller's access token: a tool that calls another
 * service uses the server's own credentials.
 */
public interface ToolContext {

  /** The authenticated principal, or {@code "anonymous"} when the transport has none. */
  String principal();

  /** The scopes granted to this call. */
  Set<String> scopes();

  /** The MCP session id, or {@code null} for a stateless call. */
  String sessionId();

  /** The tool being called. */
  String toolName();

  /** Sends a log message notification to the client (if it enabled logging at that level). */
  void log(McpSchema.LoggingLevel level, String message);

  /** {@link #log} at {@code info}. */
  default void info(String message) {
    log(McpSchema.LoggingLevel.INFO, message);
  }

  /**
   * Reports progress to the client if it asked for progress (sent a progress token);
   * otherwise does nothing.
   *
   * @param progress the progress so far, increasing with each call
   * @param total the total, or {@code null} when unknown
   * @param message a human-readable message, or {@code null}
   */
  void progress(double progress, Double total, String message);

  /** Asks the client to sample its language model; blocks until it answers. */
  McpSchema.CreateMessageResult sample(McpSchema.CreateMessageRequest request);

  /** Asks the client to elicit information from its user; blocks until it answers. */
  McpSchema.ElicitResult elicit(McpSchema.ElicitRequest request);

  /** Whether the client can answer {@link #sample}. */
  boolean canSample();

  /** Whether the client can answer {@link #elicit}. */
  boolean canElicit();
}
