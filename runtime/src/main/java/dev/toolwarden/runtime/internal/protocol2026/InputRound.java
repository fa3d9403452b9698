package dev.toolwarden.runtime.internal.protocol2026;

import dev.toolwarden.runtime.audit.AuditOutcome;
import dev.toolwarden.runtime.internal.pipeline.CallSuspended;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One round of a multi round-trip {@code tools/call} (MCP 2026-07-28): the answers the client has given so far (from
 * the verified {@code requestState} and this retry's {@code inputResponses}), and the questions the tool asked that
 * have no answer yet. The tool runs from the start in every round; its n-th question is input {@code elicit-n}, and
 * an answer counts only for the very question it answered (a digest of its message and schema), so a tool that asks
 * something else on a later round is asked again rather than handed a stale answer.
 */
final class InputRound {

  static final String ELICIT = "elicitation/create";

  private final Map<String, Object> answered;
  private final Map<String, Object> clientCapabilities;
  private final McpJsonMapper json;
  private final Map<String, Object> requests = new LinkedHashMap<>();
  private final Map<String, Object> asked = new LinkedHashMap<>();
  private int next;
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

  /** Whether the client declared form elicitation ({@code elicitation: {}} implies form mode). */
  boolean canElicit() {
    return clientCapabilities.get("elicitation") instanceof Map<?, ?> e
        && (e.containsKey("form") || !e.containsKey("url"));
  }

  /**
   * The answer to the tool's next question, when the client gave it; otherwise records the question and ends the
   * round ({@link CallSuspended}).
   */
  McpSchema.ElicitResult elicit(McpSchema.ElicitRequest request) {
    String key = "elicit-" + (++next);
    Map<String, Object> params = params(request);
    String digest = RequestStates.digest(write(params));
    if (answered.get(key) instanceof Map<?, ?> a && digest.equals(a.get("d")) && a.get("a") != null) {
      return json.convertValue(a.get("a"), McpSchema.ElicitResult.class);
    }
    if (!canElicit()) {
      missingCapabilities.put("elicitation", Map.of("form", Map.of()));
      throw new CallSuspended(AuditOutcome.ERROR, "the client declared no elicitation capability");
    }
    Map<String, Object> input = new LinkedHashMap<>();
    input.put("method", ELICIT);
    input.put("params", params);
    requests.put(key, input);
    asked.put(key, digest);
    throw new CallSuspended(AuditOutcome.INPUT_REQUIRED, "input required: " + ELICIT);
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
      // a missing answer: the tool asks again, as the specification advises
    });
  }

  /** Whether the tool asked a question this round has no answer to. */
  boolean inputRequired() {
    return !requests.isEmpty();
  }

  /**
   * Ends the round with MissingRequiredClientCapabilityError when the client did not declare {@code sampling}: a
   * tool that samples needs it, and the server must not rely on capabilities the client did not declare. (With the
   * capability the call goes on; sampling itself is not served in this era yet.)
   */
  void requireSampling() {
    if (!(clientCapabilities.get("sampling") instanceof Map<?, ?>)) {
      missingCapabilities.put("sampling", Map.of());
      throw new CallSuspended(AuditOutcome.ERROR, "the client declared no sampling capability");
    }
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

  /** What the next state carries. */
  RequestStates.Payload payload() {
    return new RequestStates.Payload(asked, answered);
  }

  /** The question as the wire shows it: form mode, the message and the requested schema. */
  private static Map<String, Object> params(McpSchema.ElicitRequest request) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("mode", "form");
    p.put("message", request.message());
    if (request instanceof McpSchema.ElicitFormRequest form) {
      p.put("requestedSchema", form.requestedSchema());
    } else {
      throw new IllegalStateException("only form elicitation is served in MCP 2026-07-28 by this server");
    }
    return p;
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write an input request", e);
    }
  }
}
