package dev.toolwarden.processor.diag;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.Trees;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * Reports catalogue diagnostics on the exact element, annotation and value (or source tree),
 * applies the options' severities and honours {@code @Waive}: a waived finding is not printed
 * but recorded, so the security manifest lists it.
 */
public final class Reporter {

  private static final String WAIVE = "dev.toolwarden.Waive";
  private static final String WAIVE_LIST = "dev.toolwarden.Waive.List";

  /** A finding silenced by a waiver. */
  public record Waived(Element element, String rule, String reason) {}

  private final Messager messager;
  private final Options options;
  private final List<Waived> waived = new ArrayList<>();
  private int errors;

  public Reporter(Messager messager, Options options) {
    this.messager = messager;
    this.options = options;
  }

  public Options options() {
    return options;
  }

  public void report(Rule rule, Element element, Object... args) {
    report(rule, element, null, null, args);
  }

  public void report(Rule rule, Element element, AnnotationMirror annotation, Object... args) {
    report(rule, element, annotation, null, args);
  }

  public void report(
      Rule rule, Element element, AnnotationMirror annotation, AnnotationValue value, Object... args) {
    Diagnostic.Kind kind = kindFor(rule, element);
    if (kind == null) {
      return;
    }
    String message = rule.format(args);
    if (annotation == null) {
      messager.printMessage(kind, message, element);
    } else if (value == null) {
      messager.printMessage(kind, message, element, annotation);
    } else {
      messager.printMessage(kind, message, element, annotation, value);
    }
  }

  /** Reports at a source tree (a literal); {@code owner} is the declaration a waiver may sit on. */
  public void report(Rule rule, Trees trees, Tree tree, CompilationUnitTree unit, Element owner, Object... args) {
    Diagnostic.Kind kind = kindFor(rule, owner);
    if (kind != null) {
      trees.printMessage(kind, rule.format(args), tree, unit);
    }
  }

  /** The severity to print with, or null when the finding is switched off or waived. */
  private Diagnostic.Kind kindFor(Rule rule, Element element) {
    Diagnostic.Kind kind = options.kindOf(rule);
    if (kind == null) {
      return null;
    }
    if (rule.waivable() && element != null) {
      String reason = waiverReason(element, rule.id());
      if (reason != null) {
        waived.add(new Waived(element, rule.id(), reason));
        return null;
      }
    }
    if (kind == Diagnostic.Kind.ERROR) {
      errors++;
    }
    return kind;
  }

  /** The reason of a valid waiver of this rule on the element itself, or null. */
  private static String waiverReason(Element element, String ruleId) {
    for (AnnotationMirror w : waivers(element)) {
      String rule = attribute(w, "rule");
      String reason = attribute(w, "reason");
      if (ruleId.equals(rule) && reason != null && !reason.isBlank()) {
        return reason.strip();
      }
    }
    return null;
  }

  /** The {@code @Waive} annotations on an element, repeated ones included. */
  public static List<AnnotationMirror> waivers(Element element) {
    List<AnnotationMirror> out = new ArrayList<>();
    for (AnnotationMirror a : element.getAnnotationMirrors()) {
      String name = ((TypeElement) a.getAnnotationType().asElement()).getQualifiedName().toString();
      if (name.equals(WAIVE)) {
        out.add(a);
      } else if (name.equals(WAIVE_LIST)) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e : a.getElementValues().entrySet()) {
          if (e.getValue().getValue() instanceof List<?> list) {
            for (Object o : list) {
              out.add((AnnotationMirror) ((AnnotationValue) o).getValue());
            }
          }
        }
      }
    }
    return out;
  }

  public static String attribute(AnnotationMirror a, String name) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e : a.getElementValues().entrySet()) {
      if (e.getKey().getSimpleName().contentEquals(name)) {
        return String.valueOf(e.getValue().getValue());
      }
    }
    return null;
  }

  public void note(String message) {
    messager.printMessage(Diagnostic.Kind.NOTE, message);
  }

  public void error(String message) {
    errors++;
    messager.printMessage(Diagnostic.Kind.ERROR, message);
  }

  public List<Waived> waived() {
    return waived;
  }

  public int errorCount() {
    return errors;
  }
}
