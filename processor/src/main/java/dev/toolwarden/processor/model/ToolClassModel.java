package dev.toolwarden.processor.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.TypeElement;

/**
 * A class that declares tools, resources, resource templates, prompts or completions: each kind in declaration
 * order, every record type they reach, by {@code $defs} name in first-use order, and the plan by which the
 * generated code binds their input; and the records its tools ask the user to fill in ({@code @Elicits}), whose
 * forms the bundle carries.
 */
public record ToolClassModel(TypeElement element, List<ToolModel> tools, List<ResourceModel> resources,
    List<TemplateModel> templates, List<PromptModel> prompts, List<CompletionModel> completions,
    Map<String, RecordModel> records, BindingPlan plan, List<RecordModel> forms) {

  /** The model of a record type the class reaches. */
  public RecordModel record(JType.RecordType type) {
    return Records.find(records, type);
  }

  /**
   * The operations whose parameters the client sends as named values — tools, resource templates and prompts —
   * in that order: what the argument checks judge and the binding plan covers.
   */
  public List<Operation> inputs() {
    return inputs(tools, templates, prompts);
  }

  static List<Operation> inputs(List<ToolModel> tools, List<TemplateModel> templates, List<PromptModel> prompts) {
    List<Operation> out = new ArrayList<>(tools);
    out.addAll(templates);
    out.addAll(prompts);
    return out;
  }

  /** Every operation of the class: what the policy checks judge. */
  public List<Operation> operations() {
    List<Operation> out = new ArrayList<>(inputs());
    out.addAll(resources);
    out.addAll(completions);
    return out;
  }
}
