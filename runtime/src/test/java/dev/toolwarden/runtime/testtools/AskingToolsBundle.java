package dev.toolwarden.runtime.testtools;

import dev.toolwarden.runtime.spi.Check;
import dev.toolwarden.runtime.spi.ElicitationForm;
import dev.toolwarden.runtime.spi.PromptDefinition;
import dev.toolwarden.runtime.spi.PromptOutcome;
import dev.toolwarden.runtime.spi.ToolBundle;
import dev.toolwarden.runtime.spi.ToolDefinition;
import dev.toolwarden.runtime.spi.ToolHints;
import dev.toolwarden.runtime.spi.ToolOutcome;
import dev.toolwarden.runtime.spi.ToolPolicy;
import dev.toolwarden.runtime.spi.Violations;
import java.util.List;
import java.util.Map;

/** Shaped like generated code: the tools, and the forms of the records they elicit (constant schema, reader). */
public final class AskingToolsBundle implements ToolBundle {

  static final String EMPTY = "{\"type\":\"object\",\"properties\":{},\"additionalProperties\":false}";
  static final String COUNT = "{\"type\":\"object\",\"properties\":{\"count\":{\"type\":\"integer\",\"minimum\":1}},"
      + "\"required\":[\"count\"],\"additionalProperties\":false}";
  static final String CONFIRMATION_FORM = "{\"type\":\"object\",\"properties\":{\"confirm\":{\"type\":\"boolean\"},"
      + "\"reason\":{\"type\":\"string\",\"maxLength\":20}},\"required\":[\"confirm\",\"reason\"]}";
  static final String COPIES_FORM = "{\"type\":\"object\",\"properties\":{\"copies\":{\"type\":\"integer\","
      + "\"minimum\":1,\"maximum\":10}},\"required\":[\"copies\"]}";

  private static final ToolHints PLAIN = new ToolHints(false, false, false, false);

  @Override
  public Class<?> toolClass() {
    return AskingTools.class;
  }

  @Override
  public List<ToolDefinition> tools() {
    return List.of(
        new ToolDefinition("delete_files", null, "Deletes files after asking", PLAIN, COUNT, null, policy("files:write"),
            (t, a, i) -> {
              Violations v = new Violations();
              int count = 0;
              if (!a.containsKey("count")) {
                v.add("/count", "required", "is required");
              } else {
                count = Check.toInt(a.get("count"), "/count", v, false);
              }
              v.throwIfAny();
              return ToolOutcome.text(((AskingTools) t).deleteFiles(count, i.context()));
            }),
        new ToolDefinition("two_questions", null, "Asks twice", PLAIN, EMPTY, null, policy(),
            (t, a, i) -> ToolOutcome.text(((AskingTools) t).twoQuestions(i.context()))),
        new ToolDefinition("summarise", null, "Samples the client's model", PLAIN, EMPTY, null, policy(),
            (t, a, i) -> ToolOutcome.text(((AskingTools) t).summarise(i.context()))),
        new ToolDefinition("can_ask", null, "Says whether it may ask", PLAIN, EMPTY, null, policy(),
            (t, a, i) -> ToolOutcome.text(((AskingTools) t).canAsk(i.context()))),
        new ToolDefinition("gather", null, "Asks three things at once", PLAIN, EMPTY, null, policy(),
            (t, a, i) -> ToolOutcome.text(((AskingTools) t).gather(i.context()))),
        new ToolDefinition("keyed_question", null, "Asks under a key", PLAIN, EMPTY, null, policy(),
            (t, a, i) -> ToolOutcome.text(((AskingTools) t).keyedQuestion(i.context()))),
        new ToolDefinition("list_roots", null, "Lists the client's roots", PLAIN, EMPTY, null, policy(),
            (t, a, i) -> ToolOutcome.text(((AskingTools) t).listRoots(i.context()))),
        new ToolDefinition("what_it_can", null, "Asks what the client can answer", PLAIN, EMPTY, null, policy(),
            (t, a, i) -> ToolOutcome.text(((AskingTools) t).whatItCan(i.context()))),
        new ToolDefinition("wait_for_cancel", null, "Runs until cancelled", PLAIN, EMPTY, null, policy(),
            (t, a, i) -> ToolOutcome.text(((AskingTools) t).waitForCancel(i.context()))));
  }

  @Override
  public List<PromptDefinition> prompts() {
    return List.of(new PromptDefinition("asking_prompt", null, "Asks for its context", List.of(), EMPTY, policy(),
        (t, args, inv) -> PromptOutcome.text(((AskingTools) t).askingPrompt(inv.context()))));
  }

  @Override
  public List<ElicitationForm<?>> elicitationForms() {
    return List.of(new ElicitationForm<>(AskingTools.Confirmation.class, CONFIRMATION_FORM,
            AskingToolsBundle::readConfirmation),
        new ElicitationForm<>(AskingTools.Copies.class, COPIES_FORM, AskingToolsBundle::readCopies));
  }

  private static AskingTools.Confirmation readConfirmation(Map<String, Object> m, Violations v) {
    int mark = v.size();
    for (String k : m.keySet()) {
      if (!k.equals("confirm") && !k.equals("reason")) {
        v.add("/" + Violations.escape(k), "additionalProperties", "unknown property");
      }
    }
    boolean confirm = false;
    String reason = null;
    if (!m.containsKey("confirm")) {
      v.add("/confirm", "required", "is required");
    } else {
      confirm = Check.toBoolean(m.get("confirm"), "/confirm", v, false);
    }
    if (!m.containsKey("reason")) {
      v.add("/reason", "required", "is required");
    } else {
      int before = v.size();
      reason = Check.toStr(m.get("reason"), "/reason", v, false);
      if (v.size() == before && Check.length(reason) > 20) {
        v.add("/reason", "maxLength", "must have at most 20 characters", reason, false);
      }
    }
    return v.size() == mark ? new AskingTools.Confirmation(confirm, reason) : null;
  }

  private static AskingTools.Copies readCopies(Map<String, Object> m, Violations v) {
    int mark = v.size();
    if (!m.containsKey("copies")) {
      v.add("/copies", "required", "is required");
      return null;
    }
    int copies = Check.toInt(m.get("copies"), "/copies", v, false);
    if (v.size() == mark && (copies < 1 || copies > 10)) {
      v.add("/copies", "maximum", "must be between 1 and 10", m.get("copies"), false);
    }
    return v.size() == mark ? new AskingTools.Copies(copies) : null;
  }

  private static ToolPolicy policy(String... scopes) {
    return new ToolPolicy(List.of(scopes), null, List.of(), List.of());
  }
}
