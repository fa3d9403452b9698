package dev.toolwarden.processor.check;

import dev.toolwarden.processor.diag.Reporter;
import dev.toolwarden.processor.diag.Rule;
import dev.toolwarden.processor.model.Annotations;
import dev.toolwarden.processor.model.Names;
import dev.toolwarden.processor.model.ToolClassModel;
import dev.toolwarden.processor.model.ToolModel;
import java.util.Map;
import java.util.regex.Pattern;
import javax.lang.model.element.AnnotationMirror;

/** Tool names follow MCP's rule and are unique across the whole compilation. */
public final class ToolNameCheck implements ModelCheck {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,128}");

  /** Names seen so far in this compilation, with where they were declared. */
  private final Map<String, String> seen;

  public ToolNameCheck(Map<String, String> seen) {
    this.seen = seen;
  }

  /** Whether the name follows MCP's rule for tool (and prompt) names. */
  static boolean isValidName(String name) {
    return NAME.matcher(name).matches();
  }

  @Override
  public void check(ToolClassModel model, Reporter reporter) {
    for (ToolModel t : model.tools()) {
      AnnotationMirror a = Annotations.find(t.method(), Names.MCP_TOOL);
      if (!isValidName(t.name())) {
        reporter.report(Rule.TOOL_NAME_INVALID, t.method(), a, Annotations.explicitValue(a, "name"), t.name());
        continue;
      }
      // with the parameter types: overloads share a simple name, and "hello()" twice must not read as one tool
      String where = model.element().getQualifiedName() + "." + t.method();
      String previous = seen.putIfAbsent(t.name(), where);
      if (previous != null && !previous.equals(where)) {
        reporter.report(Rule.TOOL_NAME_DUPLICATE, t.method(), a, Annotations.explicitValue(a, "name"), t.name(),
            previous);
      }
    }
  }
}
