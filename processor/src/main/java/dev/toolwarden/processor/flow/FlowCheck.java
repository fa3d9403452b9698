package dev.toolwarden.processor.flow;

import dev.toolwarden.processor.scan.SecretCheck;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.toolwarden.processor.diag.Reporter;
import dev.toolwarden.processor.diag.Rule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;

/**
 * The compile-time check of tool bodies: for each tool, every proven flow from an argument to a command, SQL, URL,
 * file or evaluation sink is an error on the sink's line (options injection is a warning). A {@code @Waive} of the
 * rule on the method holding the sink, on the tool or on an enclosing class silences it (and the manifest lists
 * it). Needs javac's tree API; without it, one note says the bodies were not checked.
 */
public final class FlowCheck {

  /** The {@code -A} option: {@code on} (default) or {@code off} (for measuring its cost; not a way to silence it). */
  public static final String OPTION = "toolwarden.flow";

  private final Trees trees;
  private final FlowAnalysis analysis;
  private final Reporter reporter;
  private boolean noted;
  /** Per unit, whether its source declares a record constructor (its bodies are then left unchecked). */
  private final Map<CompilationUnitTree, Boolean> recordConstructors = new HashMap<>();
  /** Units whose unchecked bodies were noted (once each). */
  private final Set<CompilationUnitTree> notedUnchecked = new HashSet<>();

  public FlowCheck(ProcessingEnvironment env, Reporter reporter) {
    this.reporter = reporter;
    Trees t = SecretCheck.treesOf(env);
    this.trees = t;
    boolean off = "off".equals(env.getOptions().get(OPTION));
    this.analysis = t == null || off ? null : new FlowAnalysis(t, env.getTypeUtils());
    this.noted = off; // switched off on purpose: no note
  }

  /**
   * Analyses the tools and reports every finding.
   *
   * @return one stable line per finding (waived ones marked), for the security manifest
   */
  public List<String> check(List<ExecutableElement> tools) {
    List<String> lines = new ArrayList<>();
    if (analysis == null) {
      if (!noted) {
        noted = true;
        reporter.note("[TW-FLOW] this compiler does not offer javac's tree API: tool bodies were not checked for "
            + "command, SQL, URL, file or evaluation flows");
      }
      return lines;
    }
    for (ExecutableElement tool : tools) {
      TreePath path = trees.getPath(tool);
      CompilationUnitTree unit = path == null ? null : path.getCompilationUnit();
      // read once per source: a class of many tools is one unit
      if (unit != null && recordConstructors.computeIfAbsent(unit, RecordConstructors::in)) {
        if (notedUnchecked.add(unit)) {
          reporter.note("[TW-FLOW] the tool bodies in " + tool.getEnclosingElement().getSimpleName() + " were not "
              + "checked: its source declares a record with a constructor of its own, which javac cannot attribute "
              + "during annotation processing; declare that record in a file of its own to have the bodies checked");
        }
        continue;
      }
      List<Finding> findings;
      try {
        findings = analysis.analyse(tool);
      } catch (FlowAnalysis.Exhausted | StackOverflowError e) {
        reporter.note("[TW-FLOW] the body of " + name(tool) + " is too large or too deeply nested to analyse "
            + "completely (more than " + FlowAnalysis.BUDGET + " steps): findings in it may be missing");
        continue;
      } catch (RuntimeException e) {
        // a construct the analysis does not expect must not break the user's build: say so instead
        reporter.note("[TW-FLOW] the body of " + name(tool) + " could not be analysed (" + e
            + "): findings in it may be missing; please report this");
        continue;
      }
      for (Finding f : findings) {
        Element owner = waiverOwner(f);
        boolean waived = owner != null;
        reporter.report(f.rule(), trees, f.sinkTree(), f.unit(), waived ? owner : f.tool(), f.messageArgs());
        lines.add(f.manifestLine() + (waived ? " (waived)" : ""));
      }
    }
    return lines;
  }

  private static String name(ExecutableElement tool) {
    return tool.getEnclosingElement().getSimpleName() + "." + tool.getSimpleName();
  }

  /** The element that waives this finding: the method holding the sink, the tool, or a class around the tool. */
  private static Element waiverOwner(Finding f) {
    List<Element> candidates = new ArrayList<>(List.of(f.sinkMethod(), f.tool()));
    for (Element e = f.tool().getEnclosingElement(); e != null && e.getKind() != javax.lang.model.element.ElementKind.PACKAGE;
        e = e.getEnclosingElement()) {
      candidates.add(e);
    }
    for (Element c : candidates) {
      if (waives(c, f.rule())) {
        return c;
      }
    }
    return null;
  }

  private static boolean waives(Element e, Rule rule) {
    for (AnnotationMirror w : Reporter.waivers(e)) {
      String reason = Reporter.attribute(w, "reason");
      if (rule.id().equals(Reporter.attribute(w, "rule")) && reason != null && !reason.isBlank()) {
        return true;
      }
    }
    return false;
  }
}
