package dev.toolwarden.processor.diag;

import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/** Reports catalogue diagnostics on the exact element, annotation and value; counts errors. */
public final class Reporter {

  private final Messager messager;
  private int errors;

  public Reporter(Messager messager) {
    this.messager = messager;
  }

  public void report(Rule rule, Element element, Object... args) {
    report(rule, element, null, null, args);
  }

  public void report(Rule rule, Element element, AnnotationMirror annotation, Object... args) {
    report(rule, element, annotation, null, args);
  }

  public void report(
      Rule rule, Element element, AnnotationMirror annotation, AnnotationValue value, Object... args) {
    if (rule.kind() == Diagnostic.Kind.ERROR) {
      errors++;
    }
    String message = rule.format(args);
    if (annotation == null) {
      messager.printMessage(rule.kind(), message, element);
    } else if (value == null) {
      messager.printMessage(rule.kind(), message, element, annotation);
    } else {
      messager.printMessage(rule.kind(), message, element, annotation, value);
    }
  }

  public void note(String message) {
    messager.printMessage(Diagnostic.Kind.NOTE, message);
  }

  public int errorCount() {
    return errors;
  }
}
