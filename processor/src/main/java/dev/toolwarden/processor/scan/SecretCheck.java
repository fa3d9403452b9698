package dev.toolwarden.processor.scan;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.toolwarden.processor.diag.Reporter;
import dev.toolwarden.processor.diag.Rule;
import dev.toolwarden.processor.secrets.SecretFinding;
import dev.toolwarden.processor.secrets.SecretScanner;
import dev.toolwarden.processor.secrets.SourceSecretFinding;
import dev.toolwarden.processor.secrets.TreeSecretScanner;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;

/**
 * Runs the literal-secret scanner over every compilation unit the compiler hands the processor
 * and reports each finding on the literal, masked. With javac's tree API every literal is seen,
 * method bodies included; where the compiler offers no {@code Trees}, only constants and
 * annotation values are scanned and one NOTE says so.
 */
public final class SecretCheck {

  private final Reporter reporter;
  private final Trees trees;
  private final Set<CompilationUnitTree> scanned = new HashSet<>();
  private final Set<Element> scannedElements = new HashSet<>();

  public SecretCheck(ProcessingEnvironment env, Reporter reporter) {
    this.reporter = reporter;
    this.trees = treesOf(env);
    if (trees == null && reporter.options().secrets() != null) {
      reporter.note("[TW-SECRET] this compiler does not offer javac's tree API: method bodies were not scanned for "
          + "literal secrets, only constants and annotation values");
    }
  }

  /** javac's tree API, or null on a compiler without it (every check that reads method bodies then notes it). */
  public static Trees treesOf(ProcessingEnvironment env) {
    try {
      return Trees.instance(env);
    } catch (IllegalArgumentException | LinkageError e) {
      return null;
    }
  }

  /** Scans the compilation unit of a root element, once per unit. */
  public void scan(Element root) {
    if (reporter.options().secrets() == null) {
      return;
    }
    if (trees == null) {
      scanConstants(root);
      return;
    }
    TreePath path = trees.getPath(root);
    if (path == null) {
      return;
    }
    CompilationUnitTree unit = path.getCompilationUnit();
    if (!scanned.add(unit)) {
      return;
    }
    for (SourceSecretFinding f : TreeSecretScanner.scanResolving(unit, trees)) {
      report(f, unit);
    }
  }

  private void report(SourceSecretFinding f, CompilationUnitTree unit) {
    SecretFinding s = f.finding();
    Element owner = owner(unit, f.tree());
    reporter.report(Rule.LITERAL_SECRET, trees, f.tree(), unit, owner, s.ruleId(), s.description(), s.masked(),
        f.contextName() == null ? "" : " in '" + f.contextName() + "'", s.envVarHint());
  }

  /** The nearest declaration around a literal: where a {@code @Waive} for it may sit. */
  private Element owner(CompilationUnitTree unit, Tree tree) {
    TreePath path = trees.getPath(unit, tree);
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      Tree leaf = p.getLeaf();
      if (leaf instanceof VariableTree || leaf instanceof MethodTree || leaf instanceof ClassTree) {
        Element e = trees.getElement(p);
        if (e != null) {
          return e;
        }
      }
    }
    return null;
  }

  /** The fallback: constant fields and annotation string values, reported on their element. */
  private void scanConstants(Element e) {
    if (!scannedElements.add(e)) {
      return;
    }
    if (e instanceof VariableElement v && v.getConstantValue() instanceof String text) {
      for (SecretFinding s : SecretScanner.scan(text, v.getSimpleName().toString())) {
        reporter.report(Rule.LITERAL_SECRET, v, s.ruleId(), s.description(), s.masked(),
            " in '" + v.getSimpleName() + "'", s.envVarHint());
      }
    }
    for (AnnotationMirror a : e.getAnnotationMirrors()) {
      for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry : a.getElementValues().entrySet()) {
        if (entry.getValue().getValue() instanceof String text) {
          String name = entry.getKey().getSimpleName().toString();
          for (SecretFinding s : SecretScanner.scan(text, name)) {
            reporter.report(Rule.LITERAL_SECRET, e, a, entry.getValue(), s.ruleId(), s.description(), s.masked(),
                " in '" + name + "'", s.envVarHint());
          }
        }
      }
    }
    List<? extends Element> members = e.getEnclosedElements();
    for (Element m : members) {
      scanConstants(m);
    }
    if (e instanceof ExecutableElement method) {
      for (Element p : method.getParameters()) {
        scanConstants(p);
      }
    }
  }
}
