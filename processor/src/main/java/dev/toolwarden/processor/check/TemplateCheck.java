package dev.toolwarden.processor.check;

import dev.toolwarden.processor.diag.Reporter;
import dev.toolwarden.processor.diag.Rule;
import dev.toolwarden.processor.model.Annotations;
import dev.toolwarden.processor.model.Field;
import dev.toolwarden.processor.model.JType;
import dev.toolwarden.processor.model.ModelReader;
import dev.toolwarden.processor.model.Names;
import dev.toolwarden.processor.model.ResourceModel;
import dev.toolwarden.processor.model.TemplateModel;
import dev.toolwarden.processor.model.ToolClassModel;
import dev.toolwarden.processor.model.UriTemplate;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;

/**
 * Resources and resource templates: a fixed URI is absolute and has no variable, a template stays inside the
 * supported subset, every variable binds to a parameter of its name and every parameter to a variable (only the
 * context needs none), a variable's type is one a URI can carry, and {@code @SafePath} sits only on a path-shaped
 * variable ({@code {+name}}, {@code {/name}}).
 */
public final class TemplateCheck implements ModelCheck {

  @Override
  public void check(ToolClassModel model, Reporter reporter) {
    for (ResourceModel r : model.resources()) {
      AnnotationMirror a = Annotations.find(r.method(), Names.MCP_RESOURCE);
      String problem = uriProblem(r.uri());
      if (problem != null) {
        reporter.report(Rule.RESOURCE_URI, r.method(), a, Annotations.explicitValue(a, "uri"), r.uri(),
            r.method().getSimpleName(), problem);
      }
      unbound(r.parameters(), r.describe(), reporter);
    }
    for (TemplateModel t : model.templates()) {
      template(t, reporter);
    }
  }

  /** Why the text is not an absolute URI of fixed text, or null. */
  static String uriProblem(String uri) {
    UriTemplate.Parsed parsed = UriTemplate.parse(uri);
    if (parsed.problem() != null) {
      return parsed.problem();
    }
    if (!parsed.template().variables().isEmpty()) {
      return "it has the expression " + parsed.template().variables().get(0).written()
          + ", and a fixed resource has no variables";
    }
    return null;
  }

  private static void template(TemplateModel t, Reporter reporter) {
    AnnotationMirror a = Annotations.find(t.method(), Names.MCP_RESOURCE_TEMPLATE);
    UriTemplate.Parsed parsed = UriTemplate.parse(t.uriTemplate());
    if (parsed.problem() != null) {
      reporter.report(Rule.TEMPLATE_SYNTAX, t.method(), a, Annotations.explicitValue(a, "uriTemplate"),
          t.uriTemplate(), t.method().getSimpleName(), parsed.problem());
      return;
    }
    UriTemplate template = parsed.template();
    for (UriTemplate.Expression e : template.variables()) {
      if (parameter(t.parameters(), e.name()) == null) {
        reporter.report(Rule.TEMPLATE_VARIABLE, t.method(), a, Annotations.explicitValue(a, "uriTemplate"),
            e.name(), t.uriTemplate(), t.method().getSimpleName());
      }
    }
    for (Field f : t.parameters()) {
      UriTemplate.Expression e = template.variable(f.jsonName());
      if (f.type() instanceof JType.Context || e == null) {
        continue; // a parameter without variable is reported below
      }
      if (f.safePath() != null && !e.operator().pathShaped()) {
        reporter.report(Rule.SAFEPATH_VARIABLE, f.element(), f.safePath().annotation(),
            ModelReader.describe(f.element()), e.written(), t.describe());
      }
      String problem = e.operator() == UriTemplate.Operator.SEGMENTS
          ? StringValues.isStringList(f.type()) ? null : "is not List<String>, the segments " + e.written() + " yields"
          : StringValues.problem(f.type());
      if (problem != null) {
        reporter.report(Rule.VARIABLE_TYPE, f.element(), ModelReader.describe(f.element()), t.describe(),
            f.type().javaType(), problem);
      }
    }
    unbound(t.parameters().stream().filter(f -> template.variable(f.jsonName()) == null).toList(), t.describe(),
        reporter);
  }

  /** Reports every parameter but the context: none of them has a variable. */
  private static void unbound(List<Field> parameters, String owner, Reporter reporter) {
    for (Field f : parameters) {
      if (!(f.type() instanceof JType.Context)) {
        reporter.report(Rule.TEMPLATE_PARAMETER, f.element(), ModelReader.describe(f.element()), owner);
      }
    }
  }

  private static Field parameter(List<Field> parameters, String name) {
    for (Field f : parameters) {
      if (!(f.type() instanceof JType.Context) && f.jsonName().equals(name)) {
        return f;
      }
    }
    return null;
  }
}
