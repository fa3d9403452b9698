package dev.toolwarden.processor.check;

import dev.toolwarden.processor.diag.Reporter;
import dev.toolwarden.processor.diag.Rule;
import dev.toolwarden.processor.model.Field;
import dev.toolwarden.processor.model.JType;
import dev.toolwarden.processor.model.ModelReader;
import dev.toolwarden.processor.model.PromptModel;
import dev.toolwarden.processor.model.ToolClassModel;

/** Prompt arguments arrive as strings: each parameter's type is one a string converts to. */
public final class PromptCheck implements ModelCheck {

  @Override
  public void check(ToolClassModel model, Reporter reporter) {
    for (PromptModel p : model.prompts()) {
      for (Field f : p.parameters()) {
        if (f.type() instanceof JType.Context) {
          continue;
        }
        String problem = StringValues.problem(f.type());
        if (problem != null) {
          reporter.report(Rule.VARIABLE_TYPE, f.element(), ModelReader.describe(f.element()), p.describe(),
              f.type().javaType(), problem);
        }
      }
    }
  }
}
