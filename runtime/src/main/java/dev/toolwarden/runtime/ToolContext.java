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
   * <p>Under 2025-11-25 the notification goes through the client's session. Under 2026-07-28 it goes on the call's
   * own response, before the result: on HTTP the answer becomes an event stream, on stdio it is a line before the
   * result's line. There a report that does not exceed the previous one (or is not a finite number) is not sent,
   * and nothing is sent once the call has returned. The client receives its token and exactly these three values.
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

  /**
   * Asks the user to fill in the record {@code form} and returns their answer, bound and validated by generated code.
   * The record's schema is generated at compile time: name it in {@code @Elicits} on the tool (or its class), e.g.
   * {@code @Elicits(Confirmation.class)}, and call {@code ctx.elicit(Confirmation.class, "Delete 3 files?")}.
   *
   * <p>The same code serves both protocol eras. Under 2025-11-25 this sends {@code elicitation/create} to the client
   * and blocks until it answers. Under 2026-07-28 the first call ends here: the client receives an
   * {@code InputRequiredResult} and retries the call with the answer, and the tool runs again from the start, this
   * time receiving the answer — so work done before this call must be safe to repeat (ask first, act after).
   *
   * @param <T> the record
   * @param form the record to fill in; its components are strings, numbers, booleans or enums
   * @param message what the user is asked, shown with the form
   * @return the user's answer ({@link Elicited#accepted()} with the record, or declined or cancelled)
   * @throws ToolException when the answer breaks the record's constraints, or the client cannot elicit
   *     ({@link #canElicit()})
   */
  <T extends Record> Elicited<T> elicit(Class<T> form, String message);

  /**
   * Whether the client cancelled this call (2025-11-25: {@code notifications/cancelled}; 2026-07-28: the HTTP
   * response stream closed, or {@code notifications/cancelled} on stdio). A long-running tool checks it between
   * steps and stops; what it returns then is not sent.
   */
  boolean isCancelled();

  /**
   * Runs {@code action} once when the client cancels this call (at once, on the calling thread, if it already did),
   * e.g. to abort a blocking request. It runs on the thread that noticed the cancellation, so it must be quick and
   * must not throw.
   */
  void onCancel(Runnable action);

  /** Whether the client can answer {@link #sample}. */
  boolean canSample();

  /** Whether the client can answer {@link #elicit}. */
  boolean canElicit();
}
