package dev.toolwarden.runtime.internal.protocol2026;

import dev.toolwarden.runtime.audit.AuditOutcome;
import dev.toolwarden.runtime.internal.pipeline.CallSuspended;
import io.modelcontextprotocol.json.McpJsonMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One round of a multi round-trip request (MCP 2026-07-28: {@code tools/call}, {@code prompts/get}): the answers the
 * client has given so far (from the verified {@code requestState} and this retry's {@code inputResponses}), and the
 * questions the tool asked that have no answer yet. The tool runs from the start in every round. Each question has a
 * key (the tool's, or {@code elicit-n}, {@code sample-n}, {@code roots-n} for its n-th unkeyed question of that
 * kind), and an answer counts only for the very question it answered (a digest of its method and params), so a tool
 * that asks something else on a later round is asked again rather than handed a stale answer. Several questions
 * asked together ({@code ToolContext.ask}) go out together.
 */
final class InputRound {

  static final String ELICIT = "elicitation/create";
  static final String SAMPLE = "sampling/createMessage";
  static final String ROOTS = "roots/list";

  /**
   * One question as the wire shows it.
   *
   * @param key the input key
   * @param method {@link #ELICIT}, {@link #SAMPLE} or {@link #ROOTS}
   * @param params the request's params
   */
  record Question(String key, String method, Map<String, Object> params) {}

  private final Map<String, Object> answered;
  private final Map<String, Object> clientCapabilities;
  private final McpJsonMapper json;
  private final Map<String, Object> requests = new LinkedHashMap<>();
  private final Map<String, Object> asked = new LinkedHashMap<>();
  private final Map<String, Integer> unkeyed = new LinkedHashMap<>();
  private final Set<String> used = new HashSet<>();
  private final Map<String, Object> missingCapabilities = new LinkedHashMap<>();

  /**
   * @param answered input key → {@code {"d": digest, "a": answer}}, already verified
   * @param clientCapabilities the request's declared client capabilities
   */
  InputRound(Map<String, Object> answered, Map<String, Object> clientCapabilities, McpJsonMapper json) {
    this.answered = new LinkedHashMap<>(answered);
    this.clientCapabilities = clientCapabilities;
    this.json = json;
  }

  /**
   * The round of a request: without a state nothing is answered (answers without a state are not trusted: nothing
   * proves the server asked them of this caller); with one, the verified state's answers and this retry's answers to
   * the questions the state says were pending.
   *
   * @throws ModernException -32602 for a state that is not a string or does not verify for {@code binding}
   */
  static InputRound open(Object state, Object responses, RequestStates.Binding binding,
      Map<String, Object> capabilities, RequestStates states, McpJsonMapper json) {
    if (state == null) {
      return new InputRound(Map.of(), capabilities, json);
    }
    if (!(state instanceof String s)) {
      throw ModernException.invalidParams("Invalid params: requestState must be a string");
    }
    RequestStates.Payload verified = states.verify(s, binding);
    InputRound round = new InputRound(verified.answered(), capabilities, json);
    round.accept(verified.asked(), responses);
    return round;
  }

  /** Whether the client declared form elicitation ({@code elicitation: {}} implies form mode). */
  boolean canElicit() {
    return clientCapabilities.get("elicitation") instanceof Map<?, ?> e
        && (e.containsKey("form") || !e.containsKey("url"));
  }

  /** Whether the client declared {@code sampling}. */
  boolean canSample() {
    return clientCapabilities.get("sampling") instanceof Map<?, ?>;
  }

  /** Whether the client declared {@code roots}. */
  boolean canListRoots() {
    return clientCapabilities.get("roots") instanceof Map<?, ?>;
  }

  /** The key of the tool's next unkeyed question of {@code method}: {@code elicit-1}, {@code sample-2}, … */
  String nextKey(String method) {
    String prefix = switch (method) {
      case ELICIT -> "elicit-";
      case SAMPLE -> "sample-";
      default -> "roots-";
    };
    return prefix + unkeyed.merge(prefix, 1, Integer::sum);
  }

  /**
   * The answers (raw JSON, by key) to {@code questions} when the client gave all of them; otherwise records the
   * unanswered ones and ends the round ({@link CallSuspended}): as input requests, or as a missing capability when
   * the client declared no capability for one of them (then nothing is asked).
   *
   * @throws IllegalArgumentException when a key was used before in this call (a programming error)
   */
  Map<String, Object> ask(List<Question> questions) {
    for (Question q : questions) {
      if (!used.add(q.key())) {
        throw new IllegalArgumentException("the input key '" + q.key() + "' was used twice in one call");
      }
    }
    return answers(questions);
  }

  /**
   * Asks {@code questions} again after {@link #forget(String)} took back an unusable answer: always ends the round.
   */
  void askAgain(List<Question> questions) {
    answers(questions);
    throw new IllegalStateException("a question asked again had an answer");
  }

  private Map<String, Object> answers(List<Question> questions) {
    Map<String, Object> answers = new LinkedHashMap<>();
    List<Question> pending = new ArrayList<>();
    Map<String, String> digests = new LinkedHashMap<>();
    for (Question q : questions) {
      Map<String, Object> wire = wire(q);
      String digest = RequestStates.digest(write(wire));
      digests.put(q.key(), digest);
      if (answered.get(q.key()) instanceof Map<?, ?> a && digest.equals(a.get("d")) && a.get("a") != null) {
        answers.put(q.key(), a.get("a"));
      } else {
        pending.add(q);
      }
    }
    if (pending.isEmpty()) {
      return answers;
    }
    for (Question q : pending) {
      requireCapability(q.method());
    }
    if (!missingCapabilities.isEmpty()) {
      throw new CallSuspended(AuditOutcome.ERROR, "the client lacks a capability the call needs");
    }
    for (Question q : pending) {
      requests.put(q.key(), wire(q));
      asked.put(q.key(), digests.get(q.key()));
    }
    throw new CallSuspended(AuditOutcome.INPUT_REQUIRED, "input required: " + pending.size() + " request(s)");
  }

  /**
   * Takes back an answer that turned out unusable (it does not convert to its result type), so the question is
   * asked again instead of failing the call.
   */
  void forget(String key) {
    answered.remove(key);
  }

  private void requireCapability(String method) {
    switch (method) {
      case ELICIT -> {
        if (!canElicit()) {
          missingCapabilities.put("elicitation", Map.of("form", Map.of()));
        }
      }
      case SAMPLE -> {
        if (!canSample()) {
          missingCapabilities.put("sampling", Map.of());
        }
      }
      default -> {
        if (!canListRoots()) {
          missingCapabilities.put("roots", Map.of());
        }
      }
    }
  }

  /** Takes the answers of this retry to the questions the state says were pending. */
  void accept(Map<String, Object> pending, Object inputResponses) {
    if (!(inputResponses instanceof Map<?, ?> responses)) {
      return;
    }
    pending.forEach((key, digest) -> {
      Object answer = responses.get(key);
      if (answer instanceof Map<?, ?>) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("d", digest);
        a.put("a", answer);
        answered.put(key, a);
      }
      // a missing or malformed answer: the tool asks again, as the specification advises; unknown keys are ignored
    });
  }

  /** Whether the tool asked a question this round has no answer to. */
  boolean inputRequired() {
    return !requests.isEmpty();
  }

  boolean missingCapability() {
    return !missingCapabilities.isEmpty();
  }

  /** The {@code requiredCapabilities} of the MissingRequiredClientCapabilityError: what the tool needed. */
  Map<String, Object> requiredCapabilities() {
    return Map.copyOf(missingCapabilities);
  }

  /** The {@code inputRequests} of the result. */
  Map<String, Object> inputRequests() {
    return requests;
  }

  /**
   * How the round ends when it does not complete: MissingRequiredClientCapabilityError (-32021, thrown) when a
   * question needed a capability the client did not declare; the {@code InputRequiredResult} with the open questions
   * and the next signed state when the tool asked something unanswered (even if the tool caught the suspension and
   * returned something: its question stands, its result does not); null when the round completed.
   */
  Map<String, Object> unfinished(RequestStates states, RequestStates.Binding binding) {
    if (missingCapability()) {
      throw new ModernException(Revision.MISSING_REQUIRED_CLIENT_CAPABILITY, "Missing required client capability",
          Map.of("requiredCapabilities", requiredCapabilities()));
    }
    if (!inputRequired()) {
      return null;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("resultType", "input_required");
    out.put("inputRequests", inputRequests());
    out.put("requestState", states.sign(binding, payload()));
    return out;
  }

  /** What the next state carries. */
  RequestStates.Payload payload() {
    return new RequestStates.Payload(asked, answered);
  }

  /** The input request object: {@code {method, params}}. */
  private static Map<String, Object> wire(Question q) {
    Map<String, Object> input = new LinkedHashMap<>();
    input.put("method", q.method());
    input.put("params", q.params());
    return input;
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write an input request", e);
    }
  }
}
