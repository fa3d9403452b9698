package dev.toolwarden.processor.check;

import dev.toolwarden.processor.diag.Reporter;
import dev.toolwarden.processor.diag.Rule;
import dev.toolwarden.processor.model.Annotations;
import dev.toolwarden.processor.model.CompletionModel;
import dev.toolwarden.processor.model.Names;
import dev.toolwarden.processor.model.ToolClassModel;
import java.util.Collections;
import javax.lang.model.element.AnnotationMirror;

/**
 * {@code @McpComplete} names one target (prompt and argument, or resource template and variable, not a mix), and
 * its method takes the partial value as one {@code String}, at most one {@code Map<String, String>} context and one
 * {@code ToolContext}, and returns {@code List<String>}. Whether the target exists is judged at the end of the
 * compilation ({@link CompletionRefs}), since it may be declared in another class.
 */
public final class CompletionCheck implements ModelCheck {

  @Override
  public void check(ToolClassModel model, Reporter reporter) {
    for (CompletionModel c : model.completions()) {
      String name = c.method().getSimpleName().toString();
      if (c.target() == null) {
        AnnotationMirror a = Annotations.find(c.method(), Names.MCP_COMPLETE);
        reporter.report(Rule.COMPLETE_TARGET, c.method(), a, name, "names no single target: it must set prompt and "
            + "argument, or resourceTemplate and variable, and nothing else");
      }
      String problem = signatureProblem(c);
      if (problem != null) {
        reporter.report(Rule.COMPLETE_SIGNATURE, c.method(), name, problem);
      }
    }
  }

  private static String signatureProblem(CompletionModel c) {
    int index = c.roles().indexOf(null);
    if (index >= 0) {
      return "has parameter '" + c.method().getParameters().get(index).getSimpleName() + "' of type "
          + c.method().getParameters().get(index).asType() + ", which is neither the String value, the "
          + "Map<String, String> context nor a ToolContext";
    }
    if (Collections.frequency(c.roles(), CompletionModel.Role.VALUE) != 1) {
      return "must take exactly one String parameter (the partial value)";
    }
    if (Collections.frequency(c.roles(), CompletionModel.Role.CONTEXT) > 1
        || Collections.frequency(c.roles(), CompletionModel.Role.TOOL_CONTEXT) > 1) {
      return "takes the context twice";
    }
    if (!c.returnsStrings()) {
      return "returns " + c.method().getReturnType() + " instead of List<String>";
    }
    return null;
  }
}
