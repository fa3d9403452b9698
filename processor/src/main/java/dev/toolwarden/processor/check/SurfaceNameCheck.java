package dev.toolwarden.processor.check;

import dev.toolwarden.processor.diag.Reporter;
import dev.toolwarden.processor.diag.Rule;
import dev.toolwarden.processor.model.Annotations;
import dev.toolwarden.processor.model.Names;
import dev.toolwarden.processor.model.Operation;
import dev.toolwarden.processor.model.PromptModel;
import dev.toolwarden.processor.model.ResourceModel;
import dev.toolwarden.processor.model.TemplateModel;
import dev.toolwarden.processor.model.ToolClassModel;
import dev.toolwarden.processor.model.UriTemplate;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;

/**
 * Resource URIs, resource templates and prompt names are unique across the whole compilation, as tool names are;
 * prompt names follow the rule of tool names. Two templates that differ only in their variable names match the
 * same URIs, so they count as one.
 */
public final class SurfaceNameCheck implements ModelCheck {

  /** Keys ("resource file:///a", "template file:///{+}", "prompt review") seen so far, with where declared. */
  private final Map<String, String> seen;

  public SurfaceNameCheck(Map<String, String> seen) {
    this.seen = seen;
  }

  @Override
  public void check(ToolClassModel model, Reporter reporter) {
    for (ResourceModel r : model.resources()) {
      AnnotationMirror a = Annotations.find(r.method(), Names.MCP_RESOURCE);
      String previous = claim(model, r, "resource " + r.uri());
      if (previous != null) {
        reporter.report(Rule.RESOURCE_DUPLICATE, r.method(), a, Annotations.explicitValue(a, "uri"), r.uri(),
            previous);
      }
    }
    for (TemplateModel t : model.templates()) {
      if (t.template() == null) {
        continue; // malformed: TemplateCheck reports it
      }
      AnnotationMirror a = Annotations.find(t.method(), Names.MCP_RESOURCE_TEMPLATE);
      String previous = claim(model, t, "template " + shape(t.template()));
      if (previous != null) {
        reporter.report(Rule.TEMPLATE_DUPLICATE, t.method(), a, Annotations.explicitValue(a, "uriTemplate"),
            t.uriTemplate(), previous);
      }
    }
    for (PromptModel p : model.prompts()) {
      AnnotationMirror a = Annotations.find(p.method(), Names.MCP_PROMPT);
      if (!ToolNameCheck.isValidName(p.name())) {
        reporter.report(Rule.PROMPT_NAME_INVALID, p.method(), a, Annotations.explicitValue(a, "name"), p.name());
        continue;
      }
      String previous = claim(model, p, "prompt " + p.name());
      if (previous != null) {
        reporter.report(Rule.PROMPT_DUPLICATE, p.method(), a, Annotations.explicitValue(a, "name"), p.name(),
            previous);
      }
    }
  }

  /** Records the key for this operation; returns where it was declared before, or null. */
  private String claim(ToolClassModel model, Operation o, String key) {
    // with the parameter types: two overloads claiming one key are two declarations, not one seen twice
    String where = model.element().getQualifiedName() + "." + o.method();
    String previous = seen.putIfAbsent(key, where);
    return previous == null || previous.equals(where) ? null : previous;
  }

  /** The template with its variable names left out: what decides which URIs it matches. */
  private static String shape(UriTemplate t) {
    StringBuilder b = new StringBuilder();
    for (UriTemplate.Part p : t.parts()) {
      b.append(p instanceof UriTemplate.Literal l ? l.text() : ((UriTemplate.Expression) p).anonymous());
    }
    return b.toString();
  }
}
