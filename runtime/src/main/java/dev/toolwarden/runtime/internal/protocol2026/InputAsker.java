package dev.toolwarden.runtime.internal.protocol2026;

import dev.toolwarden.runtime.InputAnswers;
import dev.toolwarden.runtime.Inputs;
import dev.toolwarden.runtime.internal.pipeline.ElicitationForms;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a tool's questions ({@link Inputs}) into MCP 2026-07-28 input requests of its {@link InputRound}, and the
 * client's raw answers back into the SDK types the tool reads ({@link InputAnswers}). An answer that does not convert
 * to its type (a malformed {@code inputResponses} entry) counts as no answer: the question is asked again.
 */
final class InputAsker {

  private final InputRound round;
  private final ElicitationForms forms;
  private final McpJsonMapper json;

  InputAsker(InputRound round, ElicitationForms forms, McpJsonMapper json) {
    this.round = round;
    this.forms = forms;
    this.json = json;
  }

  /** The answers to all of {@code inputs}, or the end of the round with the ones still open. */
  InputAnswers ask(Inputs inputs) {
    List<InputRound.Question> questions = new ArrayList<>();
    for (Inputs.Question q : inputs.questions()) {
      questions.add(question(q));
    }
    Map<String, Object> raw = round.ask(questions);
    Map<String, Object> typed = new LinkedHashMap<>();
    List<String> unusable = new ArrayList<>();
    for (Inputs.Question q : inputs.questions()) {
      Object answer = convert(q, raw.get(q.key()));
      if (answer == null) {
        unusable.add(q.key());
      } else {
        typed.put(q.key(), answer);
      }
    }
    if (!unusable.isEmpty()) {
      unusable.forEach(round::forget);
      round.askAgain(questions); // ends the round
    }
    return InputAnswers.of(typed);
  }

  /** The unkeyed question's key: the n-th of its kind in this call. */
  String nextKey(String method) {
    return round.nextKey(method);
  }

  private InputRound.Question question(Inputs.Question q) {
    if (q instanceof Inputs.Form f) {
      return elicitation(f.key(), forms.request(f.form(), f.message()));
    }
    if (q instanceof Inputs.Elicitation e) {
      return elicitation(e.key(), e.request());
    }
    if (q instanceof Inputs.Sampling s) {
      Map<String, Object> params = map(s.request());
      params.remove("_meta"); // a server's request metadata (e.g. a progress token) means nothing to this client
      return new InputRound.Question(s.key(), InputRound.SAMPLE, params);
    }
    return new InputRound.Question(q.key(), InputRound.ROOTS, Map.of());
  }

  /** A form-mode elicitation: the message and the requested schema (URL mode is not served). */
  private static InputRound.Question elicitation(String key, McpSchema.ElicitRequest request) {
    if (!(request instanceof McpSchema.ElicitFormRequest form)) {
      throw new IllegalStateException("only form elicitation is served in MCP 2026-07-28 by this server");
    }
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("mode", "form");
    p.put("message", form.message());
    p.put("requestedSchema", form.requestedSchema());
    return new InputRound.Question(key, InputRound.ELICIT, p);
  }

  /**
   * The answer as the type the tool reads, or null when it does not convert. A typed form's accepted answer that
   * breaks the record's constraints is the tool's {@code ToolException}, as under 2025-11-25.
   */
  private Object convert(Inputs.Question q, Object raw) {
    if (q instanceof Inputs.Form f) {
      McpSchema.ElicitResult r = read(raw, McpSchema.ElicitResult.class);
      return r == null || r.action() == null ? null : forms.bind(f.form(), r);
    }
    if (q instanceof Inputs.Elicitation) {
      McpSchema.ElicitResult r = read(raw, McpSchema.ElicitResult.class);
      return r == null || r.action() == null ? null : r;
    }
    if (q instanceof Inputs.Sampling) {
      McpSchema.CreateMessageResult r = read(raw, McpSchema.CreateMessageResult.class);
      // role, content and model are required; the SDK's record fills in what is absent, so check the raw answer
      return r == null || !(raw instanceof Map<?, ?> m) || !(m.get("content") instanceof Map<?, ?>)
          || m.get("role") == null || m.get("model") == null ? null : r;
    }
    McpSchema.ListRootsResult r = read(raw, McpSchema.ListRootsResult.class);
    return r == null || r.roots() == null || r.roots().contains(null) ? null : List.copyOf(r.roots());
  }

  private <T> T read(Object raw, Class<T> type) {
    try {
      return json.convertValue(raw, type);
    } catch (RuntimeException e) { // NOPMD: a malformed answer is asked again, not an internal error
      return null;
    }
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> map(Object request) {
    return new LinkedHashMap<>(json.convertValue(request, Map.class));
  }
}
