package dev.toolwarden.processor.check;

import dev.toolwarden.processor.diag.Reporter;
import dev.toolwarden.processor.diag.Rule;
import dev.toolwarden.processor.model.Kinds;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;

/**
 * Runs before the model is read: a tool (or resource, template, prompt, completion) must be a public instance
 * method of a public class that generated code in the same package can name and call, and carry one such annotation.
 */
public final class ShapeCheck {

  private ShapeCheck() {}

  /**
   * Whether the method carries exactly one of the surface annotations ({@code @McpTool}, {@code @McpResource},
   * ...); reports a second one.
   */
  public static boolean oneKind(ExecutableElement m, Reporter reporter) {
    List<Kinds> kinds = Kinds.of(m);
    if (kinds.size() > 1) {
      reporter.report(Rule.ANNOTATION_CONFLICT, m, m.getSimpleName() + "()", kinds.get(0).simpleName(),
          kinds.get(1).simpleName());
      return false;
    }
    return true;
  }

  private static String kind(ExecutableElement m) {
    List<Kinds> kinds = Kinds.of(m);
    return kinds.isEmpty() ? "@McpTool" : kinds.get(0).simpleName();
  }

  /** Whether the method can be a tool (or a resource, template, prompt, completion); reports why not. */
  public static boolean method(ExecutableElement m, Reporter reporter) {
    if (!m.getModifiers().contains(Modifier.PUBLIC) || m.getModifiers().contains(Modifier.STATIC)
        || !m.getTypeParameters().isEmpty()) {
      reporter.report(Rule.TOOL_METHOD_SHAPE, m, kind(m), m.getSimpleName() + "()");
      return false;
    }
    return true;
  }

  /** Whether the class can hold tools; reports on the method otherwise. */
  public static boolean owner(TypeElement type, ExecutableElement m, Reporter reporter) {
    Element cur = type;
    while (cur instanceof TypeElement t) {
      boolean ok = (t.getKind() == ElementKind.CLASS || t.getKind() == ElementKind.RECORD || cur != type)
          && t.getModifiers().contains(Modifier.PUBLIC)
          && (t.getNestingKind() == NestingKind.TOP_LEVEL
              || t.getNestingKind() == NestingKind.MEMBER && (t.getModifiers().contains(Modifier.STATIC)
                  || t.getKind() != ElementKind.CLASS));
      if (!ok) {
        reporter.report(Rule.TOOL_CLASS_SHAPE, m, kind(m), m.getSimpleName() + "()");
        return false;
      }
      cur = t.getEnclosingElement();
    }
    return true;
  }
}
