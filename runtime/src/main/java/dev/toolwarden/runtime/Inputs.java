package dev.toolwarden.runtime;

import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Several questions a tool (or prompt) asks the client at once, each under a key the tool chooses, for
 * {@link ToolContext#ask(Inputs)}:
 *
 * <pre>{@code
 * InputAnswers a = ctx.ask(Inputs.create()
 *     .elicit("user_name", UserName.class, "What is your name?")
 *     .sample("greeting", greetingRequest)
 *     .listRoots("client_roots"));
 * String name = a.elicited("user_name", UserName.class).value().name();
 * }</pre>
 *
 * <p>Under MCP 2026-07-28 the questions the client has not answered yet go out together in one
 * {@code InputRequiredResult}, each under its key ({@code inputRequests}), and the retry brings the answers back under
 * the same keys. Under 2025-11-25 they are the classic server requests, sent one after the other in this order. A key
 * is unique within one call: asking under a key already used in the same call is an error. Immutable: each method
 * returns a new instance.
 */
public final class Inputs {

  private final List<Question> questions;

  private Inputs(List<Question> questions) {
    this.questions = List.copyOf(questions);
  }

  /** No questions yet. */
  public static Inputs create() {
    return new Inputs(List.of());
  }

  /**
   * Adds a typed form (a record named in {@code @Elicits}); its answer is
   * {@link InputAnswers#elicited(String, Class)}.
   *
   * @param key the input key, unique within the call
   * @param form the record to fill in
   * @param message what the user is asked
   * @return these questions and this one
   */
  public Inputs elicit(String key, Class<? extends Record> form, String message) {
    if (form == null || message == null) {
      throw new IllegalArgumentException("a form question needs its record and its message");
    }
    return with(new Form(key, form, message));
  }

  /**
   * Adds a raw elicitation request; its answer is {@link InputAnswers#elicitResult(String)}.
   *
   * @param key the input key, unique within the call
   * @param request the request as the SDK types it (form mode)
   * @return these questions and this one
   */
  public Inputs elicit(String key, McpSchema.ElicitRequest request) {
    if (request == null) {
      throw new IllegalArgumentException("an elicitation question needs its request");
    }
    return with(new Elicitation(key, request));
  }

  /**
   * Adds a request to sample the client's language model; its answer is {@link InputAnswers#sampled(String)}.
   *
   * @param key the input key, unique within the call
   * @param request what to sample
   * @return these questions and this one
   */
  public Inputs sample(String key, McpSchema.CreateMessageRequest request) {
    if (request == null) {
      throw new IllegalArgumentException("a sampling question needs its request");
    }
    return with(new Sampling(key, request));
  }

  /**
   * Adds a request for the client's roots; its answer is {@link InputAnswers#roots(String)}.
   *
   * @param key the input key, unique within the call
   * @return these questions and this one
   */
  public Inputs listRoots(String key) {
    return with(new Roots(key));
  }

  /** The questions, in the order they were added. */
  public List<Question> questions() {
    return questions;
  }

  private Inputs with(Question q) {
    Set<String> keys = new LinkedHashSet<>();
    questions.forEach(each -> keys.add(each.key()));
    if (keys.contains(q.key())) {
      throw new IllegalArgumentException("the input key '" + q.key() + "' is used twice");
    }
    List<Question> more = new ArrayList<>(questions);
    more.add(q);
    return new Inputs(more);
  }

  private static String checkedKey(String key) {
    if (key == null || key.isBlank()) {
      throw new IllegalArgumentException("an input key must not be blank");
    }
    return key;
  }

  /** One question: its key and what it asks. */
  public sealed interface Question permits Form, Elicitation, Sampling, Roots {
    /** The input key, unique within the call. */
    String key();
  }

  /**
   * A typed form.
   *
   * @param key the input key
   * @param form the record to fill in
   * @param message what the user is asked
   */
  public record Form(String key, Class<? extends Record> form, String message) implements Question {
    /** Checks the key. */
    public Form {
      checkedKey(key);
    }
  }

  /**
   * A raw elicitation request.
   *
   * @param key the input key
   * @param request the request
   */
  public record Elicitation(String key, McpSchema.ElicitRequest request) implements Question {
    /** Checks the key. */
    public Elicitation {
      checkedKey(key);
    }
  }

  /**
   * A sampling request.
   *
   * @param key the input key
   * @param request what to sample
   */
  public record Sampling(String key, McpSchema.CreateMessageRequest request) implements Question {
    /** Checks the key. */
    public Sampling {
      checkedKey(key);
    }
  }

  /**
   * A request for the client's roots.
   *
   * @param key the input key
   */
  public record Roots(String key) implements Question {
    /** Checks the key. */
    public Roots {
      checkedKey(key);
    }
  }
}
