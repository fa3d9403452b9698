package dev.toolwarden.processor.check;

import dev.toolwarden.processor.diag.Reporter;
import dev.toolwarden.processor.diag.Rule;
import dev.toolwarden.processor.model.Annotations;
import dev.toolwarden.processor.model.CompletionModel;
import dev.toolwarden.processor.model.Field;
import dev.toolwarden.processor.model.JType;
import dev.toolwarden.processor.model.Names;
import dev.toolwarden.processor.model.PromptModel;
import dev.toolwarden.processor.model.TemplateModel;
import dev.toolwarden.processor.model.ToolClassModel;
import dev.toolwarden.processor.model.UriTemplate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;

/**
 * Collects the prompts, templates and completions of every class of the compilation and, at its end, reports each
 * {@code @McpComplete} that names a prompt argument or template variable nobody declares, or one another completion
 * already completes.
 */
public final class CompletionRefs {

  /** Argument names by prompt name; variable names by template text. */
  private final Map<String, Set<String>> prompts = new HashMap<>();
  private final Map<String, Set<String>> templates = new HashMap<>();
  private final List<CompletionModel> completions = new ArrayList<>();

  /** Records what the class declares. */
  public void add(ToolClassModel model) {
    for (PromptModel p : model.prompts()) {
      Set<String> arguments = prompts.computeIfAbsent(p.name(), k -> new LinkedHashSet<>());
      for (Field f : p.parameters()) {
        if (!(f.type() instanceof JType.Context)) {
          arguments.add(f.jsonName());
        }
      }
    }
    for (TemplateModel t : model.templates()) {
      Set<String> variables = templates.computeIfAbsent(t.uriTemplate(), k -> new LinkedHashSet<>());
      if (t.template() != null) {
        for (UriTemplate.Expression e : t.template().variables()) {
          variables.add(e.name());
        }
      }
    }
    for (CompletionModel c : model.completions()) {
      if (c.target() != null) {
        completions.add(c);
      }
    }
  }

  /** Reports unknown and doubly completed targets; called once, when the last round is over. */
  public void check(Reporter reporter) {
    Map<CompletionModel.Target, CompletionModel> first = new HashMap<>();
    for (CompletionModel c : completions) {
      CompletionModel.Target t = c.target();
      String name = c.method().getSimpleName().toString();
      AnnotationMirror a = Annotations.find(c.method(), Names.MCP_COMPLETE);
      boolean prompt = t.kind() == CompletionModel.RefKind.PROMPT;
      Set<String> names = (prompt ? prompts : templates).get(t.ref());
      if (names == null) {
        reporter.report(Rule.COMPLETE_UNKNOWN, c.method(), a, name, t.describe(),
            prompt ? "is no @McpPrompt of this compilation" : "is no @McpResourceTemplate of this compilation");
        continue;
      }
      if (!names.contains(t.argument())) {
        reporter.report(Rule.COMPLETE_UNKNOWN, c.method(), a, name, t.describe(),
            (prompt ? "is not among the prompt's arguments " : "is not among the template's variables ") + names);
        continue;
      }
      CompletionModel previous = first.putIfAbsent(t, c);
      if (previous != null) {
        reporter.report(Rule.COMPLETE_DUPLICATE, c.method(), a, t.describe(),
            previous.method().getEnclosingElement().getSimpleName() + "." + previous.method().getSimpleName() + "()");
      }
    }
  }
}
