package dev.toolwarden.it.conformance;

import dev.toolwarden.Elicits;
import dev.toolwarden.McpPrompt;
import dev.toolwarden.McpTool;
import dev.toolwarden.Waive;
import dev.toolwarden.runtime.Elicited;
import dev.toolwarden.runtime.InputAnswers;
import dev.toolwarden.runtime.Inputs;
import dev.toolwarden.runtime.ToolContext;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The tools and the prompt the {@code input-required-result-*} scenarios of the conformance suite 0.2.0 (SEP-2322,
 * multi round-trip requests) call, written as a user writes them: each asks through its {@link ToolContext} under
 * the input key its scenario expects, and the same code asks with the classic server requests under 2025-11-25.
 * Under 2026-07-28 a tool runs again from its start on each retry, so each asks first and answers after.
 */
public final class InputRequiredTools {

  private static final String NO_SCOPE = "the conformance suite calls every tool without a token (the fixture "
      + "server runs without OAuth): there are no scopes to require";

  /** A user's name. */
  public record UserName(String name) {}

  /** A yes or no. */
  public record Confirmation(boolean ok) {}

  /** A favourite colour. */
  public record FavoriteColor(String color) {}

  /** What a prompt should be about. */
  public record PromptContext(String context) {}

  private static McpSchema.CreateMessageRequest ask(String question, int maxTokens) {
    return McpSchema.CreateMessageRequest.builder()
        .messages(List.of(new McpSchema.SamplingMessage(McpSchema.Role.USER, new McpSchema.TextContent(question))))
        .maxTokens(maxTokens).build();
  }

  private static String text(McpSchema.CreateMessageResult result) {
    return result.content() instanceof McpSchema.TextContent t ? t.text() : "(no text)";
  }

  private static String uris(List<McpSchema.Root> roots) {
    return roots.stream().map(McpSchema.Root::uri).collect(Collectors.joining(", "));
  }

  private static String name(Elicited<UserName> answer) {
    return answer.answer().map(UserName::name).orElse("stranger");
  }

  /** Asks the user's name under the key {@code user_name}, then greets them. */
  @Waive(rule = "TW-TOOL-SCOPE", reason = NO_SCOPE)
  @McpTool(name = "test_input_required_result_elicitation", readOnly = true, openWorld = false)
  @Elicits(UserName.class)
  public String elicitation(ToolContext context) {
    return "Hello, " + name(context.elicit("user_name", UserName.class, "What is your name?")) + "!";
  }

  /** Asks the client's model for the capital of France under the key {@code capital_question}. */
  @Waive(rule = "TW-TOOL-SCOPE", reason = NO_SCOPE)
  @McpTool(name = "test_input_required_result_sampling", readOnly = true, openWorld = false)
  public String sampling(ToolContext context) {
    return "The model said: " + text(context.sample("capital_question", ask("What is the capital of France?", 100)));
  }

  /** Asks for the client's roots under the key {@code client_roots}. */
  @Waive(rule = "TW-TOOL-SCOPE", reason = NO_SCOPE)
  @McpTool(name = "test_input_required_result_list_roots", readOnly = true, openWorld = false)
  public String listRoots(ToolContext context) {
    return "Roots: " + uris(context.roots("client_roots"));
  }

  /** Asks for a confirmation; the answer arrives with the verified request state ("state-ok"). */
  @Waive(rule = "TW-TOOL-SCOPE", reason = NO_SCOPE)
  @McpTool(name = "test_input_required_result_request_state", readOnly = true, openWorld = false)
  @Elicits(Confirmation.class)
  public String requestState(ToolContext context) {
    Elicited<Confirmation> answer = context.elicit("confirm", Confirmation.class, "Please confirm");
    return "state-ok: confirmed=" + answer.answer().map(Confirmation::ok).orElse(false);
  }

  /** Asks three things at once: a name, a greeting from the model, the client's roots. */
  @Waive(rule = "TW-TOOL-SCOPE", reason = NO_SCOPE)
  @McpTool(name = "test_input_required_result_multiple_inputs", readOnly = true, openWorld = false)
  @Elicits(UserName.class)
  public String multipleInputs(ToolContext context) {
    InputAnswers answers = context.ask(Inputs.create()
        .elicit("user_name", UserName.class, "What is your name?")
        .sample("greeting", ask("Generate a greeting", 50))
        .listRoots("client_roots"));
    return text(answers.sampled("greeting")) + " " + name(answers.elicited("user_name", UserName.class))
        + " (roots: " + uris(answers.roots("client_roots")) + ")";
  }

  /** Asks twice, one question per round: a name, then a favourite colour. */
  @Waive(rule = "TW-TOOL-SCOPE", reason = NO_SCOPE)
  @McpTool(name = "test_input_required_result_multi_round", readOnly = true, openWorld = false)
  @Elicits({UserName.class, FavoriteColor.class})
  public String multiRound(ToolContext context) {
    String name = name(context.elicit("step1", UserName.class, "Step 1: What is your name?"));
    String color = context.elicit("step2", FavoriteColor.class, "Step 2: What is your favorite color?").answer()
        .map(FavoriteColor::color).orElse("no colour");
    return name + " likes " + color;
  }

  /** Asks for a confirmation; a retry with an altered request state is refused before this runs. */
  @Waive(rule = "TW-TOOL-SCOPE", reason = NO_SCOPE)
  @McpTool(name = "test_input_required_result_tampered_state", readOnly = true, openWorld = false)
  @Elicits(Confirmation.class)
  public String tamperedState(ToolContext context) {
    return "confirmed=" + context.elicit("confirm", Confirmation.class, "Please confirm").answer()
        .map(Confirmation::ok).orElse(false);
  }

  /** Asks only what the client declared it can answer: a name (elicitation), a greeting (sampling), or both. */
  @Waive(rule = "TW-TOOL-SCOPE", reason = NO_SCOPE)
  @McpTool(name = "test_input_required_result_capabilities", readOnly = true, openWorld = false)
  @Elicits(UserName.class)
  public String capabilities(ToolContext context) {
    Inputs inputs = Inputs.create();
    if (context.canElicit()) {
      inputs = inputs.elicit("user_name", UserName.class, "What is your name?");
    }
    if (context.canSample()) {
      inputs = inputs.sample("greeting", ask("Generate a greeting", 50));
    }
    if (inputs.questions().isEmpty()) {
      return "the client can answer nothing this tool asks";
    }
    InputAnswers answers = context.ask(inputs);
    return (context.canElicit() ? "name: " + name(answers.elicited("user_name", UserName.class)) + " " : "")
        + (context.canSample() ? "greeting: " + text(answers.sampled("greeting")) : "");
  }

  /** A prompt that first asks the user what context it should use. */
  @McpPrompt(name = "test_input_required_result_prompt")
  @Elicits(PromptContext.class)
  public String prompt(ToolContext context) {
    String about = context.elicit("user_context", PromptContext.class, "What context should the prompt use?")
        .answer().map(PromptContext::context).orElse("none given");
    return "Answer with this context in mind: " + about;
  }
}
