package dev.toolwarden.runtime;

import io.modelcontextprotocol.spec.McpSchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

  /**
   * Whether the client can answer {@link #roots()} (it declared the {@code roots} capability). Without a session the
   * answer is false.
   */
  default boolean canListRoots() {
    return false;
  }

  /**
   * Asks the client for its roots (the directories or files it lets the server work on). Under 2025-11-25 this is
   * the classic {@code roots/list} server request, blocking until the client answers; under 2026-07-28 it is a
   * {@code roots/list} input request of the call's {@code InputRequiredResult} (see {@link #elicit(Class, String)}
   * for what that means to the code before it).
   *
   * @return the client's roots
   * @throws ToolException when the client cannot answer ({@link #canListRoots()})
   */
  default List<McpSchema.Root> roots() {
    throw new ToolException("roots (ToolContext.roots) are not available to this call: check canListRoots() first");
  }

  /**
   * {@link #roots()} under the input key {@code key} (MCP 2026-07-28's {@code inputRequests} key; unused by the
   * older protocol).
   *
   * @param key the input key, unique within the call
   * @return the client's roots
   */
  default List<McpSchema.Root> roots(String key) {
    return ask(Inputs.create().listRoots(key)).roots(key);
  }

  /**
   * {@link #elicit(Class, String)} under the input key {@code key}: under MCP 2026-07-28 the question is
   * {@code inputRequests[key]} and its answer {@code inputResponses[key]} (for a client that expects a particular
   * key); the older protocol has no keys.
   *
   * @param <T> the record
   * @param key the input key, unique within the call
   * @param form the record to fill in (named in {@code @Elicits})
   * @param message what the user is asked
   * @return the user's answer
   */
  default <T extends Record> Elicited<T> elicit(String key, Class<T> form, String message) {
    return ask(Inputs.create().elicit(key, form, message)).elicited(key, form);
  }

  /**
   * {@link #sample(McpSchema.CreateMessageRequest)} under the input key {@code key}. Under MCP 2026-07-28 sampling
   * is a {@code sampling/createMessage} input request: the call ends with an {@code InputRequiredResult} and runs
   * again from the start with the client's message (as {@link #elicit(Class, String)} describes).
   *
   * @param key the input key, unique within the call
   * @param request what to sample
   * @return the client's sampled message
   */
  default McpSchema.CreateMessageResult sample(String key, McpSchema.CreateMessageRequest request) {
    return ask(Inputs.create().sample(key, request)).sampled(key);
  }

  /**
   * Asks all of {@code inputs} and returns the answers by key. Under MCP 2026-07-28 every question the client has
   * not answered yet goes out in one {@code InputRequiredResult} (one round trip for all of them; the tool runs again
   * from the start with the answers). Under 2025-11-25 they are the classic server requests, one after the other.
   * A client that lacks a capability a question needs gets MissingRequiredClientCapabilityError under 2026-07-28 and
   * a {@link ToolException} under 2025-11-25: ask only what {@link #canElicit()}, {@link #canSample()} and
   * {@link #canListRoots()} allow.
   *
   * @param inputs the questions, each under its key
   * @return the answers by key
   */
  default InputAnswers ask(Inputs inputs) {
    Map<String, Object> answers = new LinkedHashMap<>();
    for (Inputs.Question q : inputs.questions()) {
      if (q instanceof Inputs.Form f) {
        answers.put(f.key(), askForm(this, f.form(), f.message()));
      } else if (q instanceof Inputs.Elicitation e) {
        answers.put(e.key(), elicit(e.request()));
      } else if (q instanceof Inputs.Sampling s) {
        answers.put(s.key(), sample(s.request()));
      } else if (q instanceof Inputs.Roots) {
        answers.put(q.key(), List.copyOf(roots()));
      }
    }
    return InputAnswers.of(answers);
  }

  private static <T extends Record> Elicited<T> askForm(ToolContext context, Class<T> form, String message) {
    return context.elicit(form, message);
  }
}
