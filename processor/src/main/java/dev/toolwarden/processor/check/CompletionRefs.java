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
import javax.lang.model.element.Element;
import javax.lang.model.util.Elements;

/**
 * Collects the prompts, templates and completions of every class of the compilation and, at its end, reports each
 * {@code @McpComplete} that names a prompt argument or template variable nobody declares, or one another completion
 * already completes.
 */
public final class CompletionRefs {

  /** Argument names by prompt name; variable names by template text. */
  private final Map<String, Set<String>> prompts = new HashMap<>();
  private final Map<String, Set<String>> templates = new HashMap<>();
  /**
   * The completions, by where they are declared: javac makes new elements each round, and one of an earlier round
   * no longer points at its source, so the final round finds the method again by name.
   */
  private final List<Declared> completions = new ArrayList<>();

  /** A completion: its class, its position among the class's members, and its target. */
  private record Declared(String owner, int member, CompletionModel.Target target) {}

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
        completions.add(new Declared(model.element().getQualifiedName().toString(),
            model.element().getEnclosedElements().indexOf(c.method()), c.target()));
      }
    }
  }

  /** Reports unknown and doubly completed targets; called once, when the last round is over. */
  public void check(Elements elements, Reporter reporter) {
    Map<CompletionModel.Target, Element> first = new HashMap<>();
    for (Declared c : completions) {
      CompletionModel.Target t = c.target();
      Element method = elements.getTypeElement(c.owner()).getEnclosedElements().get(c.member());
      String name = method.getSimpleName().toString();
      AnnotationMirror a = Annotations.find(method, Names.MCP_COMPLETE);
      boolean prompt = t.kind() == CompletionModel.RefKind.PROMPT;
      Set<String> names = (prompt ? prompts : templates).get(t.ref());
      if (names == null) {
        reporter.report(Rule.COMPLETE_UNKNOWN, method, a, name, t.describe(),
            prompt ? "is no @McpPrompt of this compilation" : "is no @McpResourceTemplate of this compilation");
        continue;
      }
      if (!names.contains(t.argument())) {
        reporter.report(Rule.COMPLETE_UNKNOWN, method, a, name, t.describe(),
            (prompt ? "is not among the prompt's arguments " : "is not among the template's variables ") + names);
        continue;
      }
      Element previous = first.putIfAbsent(t, method);
      if (previous != null) {
        reporter.report(Rule.COMPLETE_DUPLICATE, method, a, t.describe(),
            previous.getEnclosingElement().getSimpleName() + "." + previous.getSimpleName() + "()");
      }
    }
  }
}
