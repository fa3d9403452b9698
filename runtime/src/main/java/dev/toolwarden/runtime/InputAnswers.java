package dev.toolwarden.runtime;

import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;

/**
 * The client's answers to {@link ToolContext#ask(Inputs)}, by the keys the tool chose. Each getter names the kind of
 * question it expects under that key; asking for a key the tool did not ask, or for another kind, is a programming
 * error ({@link IllegalArgumentException}).
 */
public final class InputAnswers {

  private final Map<String, Object> answers;

  private InputAnswers(Map<String, Object> answers) {
    this.answers = Map.copyOf(answers);
  }

  /**
   * Answers by key, for {@link ToolContext} implementations: an {@link Elicited} for a typed form, an
   * {@link McpSchema.ElicitResult} for a raw elicitation, an {@link McpSchema.CreateMessageResult} for sampling and
   * a {@code List} of {@link McpSchema.Root} for roots.
   *
   * @param answers the answers, none null
   * @return the answers
   */
  public static InputAnswers of(Map<String, Object> answers) {
    return new InputAnswers(answers);
  }

  /**
   * The user's answer to the typed form asked under {@code key}.
   *
   * @param <T> the record
   * @param key the input key
   * @param form the record the question named
   * @return the answer (accepted with the record, declined or cancelled)
   */
  @SuppressWarnings("unchecked")
  public <T extends Record> Elicited<T> elicited(String key, Class<T> form) {
    Elicited<?> e = get(key, Elicited.class);
    if (e.value() != null && !form.isInstance(e.value())) {
      throw new IllegalArgumentException("the answer under '" + key + "' is not a " + form.getSimpleName());
    }
    return (Elicited<T>) e;
  }

  /** The client's answer to the raw elicitation asked under {@code key}. */
  public McpSchema.ElicitResult elicitResult(String key) {
    return get(key, McpSchema.ElicitResult.class);
  }

  /** The client's sampled message for the sampling request asked under {@code key}. */
  public McpSchema.CreateMessageResult sampled(String key) {
    return get(key, McpSchema.CreateMessageResult.class);
  }

  /** The client's roots, asked under {@code key}. */
  @SuppressWarnings("unchecked")
  public List<McpSchema.Root> roots(String key) {
    return (List<McpSchema.Root>) get(key, List.class);
  }

  private <A> A get(String key, Class<A> type) {
    Object a = answers.get(key);
    if (!type.isInstance(a)) {
      throw new IllegalArgumentException(a == null ? "nothing was asked under the input key '" + key + "'"
          : "the input key '" + key + "' holds no " + type.getSimpleName());
    }
    return type.cast(a);
  }
}
