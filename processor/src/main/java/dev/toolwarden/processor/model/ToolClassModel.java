package dev.toolwarden.processor.model;

import java.util.List;
import java.util.Map;
import javax.lang.model.element.TypeElement;

/**
 * A class that declares tools: its tools, every record type they reach, by {@code $defs} name in
 * first-use order, and the plan by which the generated validator binds their input.
 */
public record ToolClassModel(TypeElement element, List<ToolModel> tools, Map<String, RecordModel> records,
    BindingPlan plan) {

  /** The model of a record type the tools reach. */
  public RecordModel record(JType.RecordType type) {
    return Records.find(records, type);
  }
}
