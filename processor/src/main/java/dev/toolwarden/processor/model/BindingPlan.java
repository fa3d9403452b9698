package dev.toolwarden.processor.model;

import java.util.List;
import java.util.Map;

/**
 * How the generated validator binds the input of every tool, resource template and prompt of a class.
 *
 * @param inputs one plan per operation, in the order of {@link ToolClassModel#inputs()}
 * @param records the component plans of every record reachable from an input, by {@code $defs} name
 * @param pathRules every confinement rule, in first-use order
 * @param urlRules every {@code @SafeUrl} rule, in first-use order
 */
public record BindingPlan(List<InputPlan> inputs, Map<String, List<Binding>> records, List<PathRuleModel> pathRules,
    List<UrlRuleModel> urlRules) {

  /** The plan of an operation of {@link ToolClassModel#inputs()}. */
  public InputPlan of(Operation operation) {
    for (InputPlan p : inputs) {
      if (p.operation() == operation) {
        return p;
      }
    }
    throw new IllegalStateException("no plan for " + operation.describe());
  }

  /** The component plans of a record reachable from an input. */
  public List<Binding> components(RecordModel record) {
    List<Binding> plans = records.get(record.defName());
    if (plans == null) {
      throw new IllegalStateException("record not reachable from an input: " + record.defName());
    }
    return plans;
  }
}
